/**
 * Runs a trigger's handler in this process, as the Node.js Lambda runtime would: it gets its own
 * copy of the event (made through JSON, so it sees exactly what a deployed function would), a
 * Lambda context, and a callback; it may answer by returning a promise, through the callback, or
 * through the legacy `context.succeed` / `fail` / `done`. Its result goes back through JSON too,
 * so a handler that works here sends Cognito the same bytes in AWS.
 */
import { randomUUID } from 'node:crypto';
import type { Context, Handler } from 'aws-lambda';
import type { LambdaArn } from './lambdaConfig';
import { FunctionRunner, Outcome, thrownMessage } from './outcome';
import { messages } from '../../errors';

function lambdaContext(target: LambdaArn, deadline: number, settle: (error: unknown, result?: unknown) => void): Context {
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName: target.functionName,
    functionVersion: target.qualifier ?? '$LATEST',
    invokedFunctionArn: target.arn,
    memoryLimitInMB: '128',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${target.functionName}`,
    logStreamName: 'cognito-local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: (error?: Error, result?: unknown) => settle(error, result),
    fail: (error: Error | string) => settle(error || new Error('failed')),
    succeed: (result: unknown) => settle(null, result),
  };
}

/** Resolves with the handler's result, however it chose to give it; rejects with what it threw. */
function call(handler: Handler, target: LambdaArn, event: unknown, deadline: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const settle = (error: unknown, result?: unknown) => (error ? reject(error) : resolve(result));
    try {
      const returned = handler(event, lambdaContext(target, deadline, settle), settle);
      if (returned && typeof (returned as Promise<unknown>).then === 'function') (returned as Promise<unknown>).then(resolve, reject);
    } catch (error) {
      reject(error);
    }
  });
}

export class InProcessRunner implements FunctionRunner {
  constructor(private readonly handlers: Record<string, Handler>) {}

  has(target: LambdaArn): boolean {
    return Object.hasOwn(this.handlers, target.functionName);
  }

  async run(target: LambdaArn, event: object, timeoutMs: number): Promise<Outcome> {
    const handler = this.handlers[target.functionName];
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'unreachable', reason: messages.lambdaTimeout, retryable: true }), timeoutMs);
    });
    const ran = call(handler, target, JSON.parse(JSON.stringify(event)), Date.now() + timeoutMs).then(
      (result): Outcome => {
        try {
          return { kind: 'returned', payload: JSON.stringify(result) ?? 'null' };
        } catch {
          return { kind: 'invalid' };
        }
      },
      (thrown: unknown): Outcome => ({ kind: 'threw', message: thrownMessage(thrown) }),
    );
    try {
      return await Promise.race([ran, timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }
}
