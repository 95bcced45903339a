/**
 * Runs a trigger's function through the Lambda Invoke API (RequestResponse), as Cognito does: at
 * a configured endpoint, such as a team's local Lambda runtime or Lambda itself. Local runtimes
 * know functions by name, so the name (and the ARN's qualifier, if any) is what is sent.
 *
 * The SDK's own retries are off: the invoker decides what is retried (invoker.ts).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { messages } from '../../errors';
import type { LambdaArn } from './lambdaConfig';
import type { FunctionRunner, Outcome } from './outcome';

export interface LambdaCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The message of a function error's payload (`{"errorMessage": ..., "errorType": ...}`). */
function functionErrorMessage(payload: string): string {
  try {
    const parsed = JSON.parse(payload) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string') return parsed.errorMessage;
  } catch {
    // not JSON: the payload is the message
  }
  return payload;
}

/** Lambda's own refusals are named; only its throttling and 5xx are worth another attempt. */
function unreachable(error: unknown): Outcome {
  const failure = error as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const status = failure.$metadata?.httpStatusCode;
  if (status !== undefined) {
    return { kind: 'unreachable', reason: failure.name ?? `HTTP ${status}`, retryable: status >= 500 || status === 429 };
  }
  // No answer at all (refused connection, reset socket): the name or code says which, nothing more.
  return { kind: 'unreachable', reason: failure.code ?? failure.name ?? 'Error', retryable: true };
}

export class RemoteRunner implements FunctionRunner {
  /** One client per region: Lambda signs requests for the function's region. */
  private readonly clients = new Map<string, LambdaClient>();

  constructor(
    private readonly endpoint: string,
    private readonly credentials: LambdaCredentials,
  ) {}

  private clientFor(region: string): LambdaClient {
    let client = this.clients.get(region);
    if (!client) {
      client = new LambdaClient({ endpoint: this.endpoint, region, credentials: this.credentials, maxAttempts: 1 });
      this.clients.set(region, client);
    }
    return client;
  }

  async run(target: LambdaArn, event: object, timeoutMs: number): Promise<Outcome> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      const output = await this.clientFor(target.region).send(
        new InvokeCommand({
          FunctionName: target.functionName,
          Qualifier: target.qualifier,
          InvocationType: 'RequestResponse',
          Payload: Buffer.from(JSON.stringify(event)),
        }),
        { abortSignal: abort.signal },
      );
      const payload = output.Payload ? Buffer.from(output.Payload).toString('utf8') : '';
      if (output.FunctionError) return { kind: 'threw', message: functionErrorMessage(payload) };
      return { kind: 'returned', payload };
    } catch (error) {
      if (abort.signal.aborted) return { kind: 'unreachable', reason: messages.lambdaTimeout, retryable: true };
      return unreachable(error);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}
