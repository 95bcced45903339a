/**
 * Calls a trigger's function and answers as Cognito does. An ARN resolves to the handler
 * registered in-process under its function name, else to the Lambda Invoke API at the configured
 * endpoint; with neither, the call fails as a Lambda Cognito cannot invoke.
 *
 * - Each attempt may take `timeoutMs` (Cognito's 5 s). A timeout, or Lambda itself failing
 *   (throttling, 5xx, no connection), is retried, up to 3 attempts, as Cognito retries; then
 *   UnexpectedLambdaException. So a handler can run more than once for one request: handlers
 *   must be idempotent, in AWS as here.
 * - A handler that throws is not retried: UserLambdaValidationException, with its message.
 * - Output that is not a JSON object with an object `response`: InvalidLambdaResponseException.
 *
 * Events may carry secrets (UserMigration sends the password): nothing here logs them.
 */
import type { Handler } from 'aws-lambda';
import {
  InvalidLambdaResponseException,
  UnexpectedLambdaException,
  UserLambdaValidationException,
  messages,
} from '../../errors';
import { InProcessRunner } from './inProcess';
import { LambdaArn, parseLambdaArn, TriggerName } from './lambdaConfig';
import type { FunctionRunner } from './outcome';
import { LambdaCredentials, RemoteRunner } from './remote';

export interface TriggerOptions {
  /** Handlers run in-process, keyed by function name (the ARN's part after `function:`). */
  functions?: Record<string, Handler>;
  /** Lambda Invoke API endpoint for functions not registered in-process. */
  lambdaEndpoint?: string;
  /** Credentials the Invoke requests are signed with (default `local` / `local`). */
  lambdaCredentials?: LambdaCredentials;
  /** How long one attempt may take (default 5000, Cognito's). */
  timeoutMs?: number;
}

export const TRIGGER_TIMEOUT_MS = 5000;
/** Attempts per trigger call, as Cognito makes them. */
export const TRIGGER_ATTEMPTS = 3;

/** A trigger's answer: the `response` of the event it returned. */
export type TriggerResponse = Record<string, unknown>;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function responseOf(payload: string): TriggerResponse {
  let returned: unknown;
  try {
    returned = JSON.parse(payload);
  } catch {
    throw new InvalidLambdaResponseException(messages.invalidLambdaJson);
  }
  if (!isObject(returned)) throw new InvalidLambdaResponseException(messages.unrecognizableLambdaOutput);
  const response = returned.response ?? {};
  if (!isObject(response)) throw new InvalidLambdaResponseException(messages.unrecognizableLambdaOutput);
  return response;
}

export class TriggerInvoker {
  private readonly inProcess: InProcessRunner;
  private readonly remote?: RemoteRunner;
  private readonly timeoutMs: number;

  constructor(options: TriggerOptions = {}) {
    this.inProcess = new InProcessRunner(options.functions ?? {});
    this.remote = options.lambdaEndpoint
      ? new RemoteRunner(options.lambdaEndpoint, options.lambdaCredentials ?? { accessKeyId: 'local', secretAccessKey: 'local' })
      : undefined;
    this.timeoutMs = options.timeoutMs ?? TRIGGER_TIMEOUT_MS;
  }

  private runnerFor(target: LambdaArn): FunctionRunner | undefined {
    return this.inProcess.has(target) ? this.inProcess : this.remote;
  }

  /** Invokes `trigger`'s function at `arn` with `event`; returns the response it filled in. */
  async invoke(trigger: TriggerName, arn: string, event: object): Promise<TriggerResponse> {
    const target = parseLambdaArn(arn);
    const runner = target && this.runnerFor(target);
    if (!target || !runner) throw new UnexpectedLambdaException(`${trigger} invocation failed due to error ResourceNotFoundException.`);
    let outcome = await runner.run(target, event, this.timeoutMs);
    for (let attempt = 2; attempt <= TRIGGER_ATTEMPTS && outcome.kind === 'unreachable' && outcome.retryable; attempt++) {
      outcome = await runner.run(target, event, this.timeoutMs);
    }
    switch (outcome.kind) {
      case 'returned':
        return responseOf(outcome.payload);
      case 'invalid':
        throw new InvalidLambdaResponseException(messages.invalidLambdaJson);
      case 'threw':
        throw new UserLambdaValidationException(`${trigger} failed with error ${outcome.message}.`);
      case 'unreachable':
        throw new UnexpectedLambdaException(`${trigger} invocation failed due to error ${outcome.reason}.`);
    }
  }

  close(): void {
    this.remote?.close();
  }
}
