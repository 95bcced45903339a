/**
 * SDK middleware on the API's Cognito and DynamoDB clients: every call is counted by operation
 * and outcome with its latency (retries included, as the caller waits for them), every throttled
 * attempt is counted (each retry too, since that is what eats the quota). A request's own count of
 * its calls, for its access-log line, is kept by its client views (backendCalls.ts).
 *
 * Two places in the stack: `initialize` runs once per call, outside the retry loop;
 * `deserialize` runs inside it (the retry middleware sits in `finalizeRequest`), once per attempt.
 */
import { performance } from 'node:perf_hooks';
import type { HandlerExecutionContext, MiddlewareStack } from '@smithy/types';
import type { Backend, ServiceMetrics } from './metrics';

/** The part of an SDK v3 client this needs: its middleware stack. */
export interface InstrumentableClient<I extends object = object, O extends object = object> {
  middlewareStack: MiddlewareStack<I, O>;
}

/** Exceptions that mean "slow down" (LimitExceededException is an answer in Cognito, see retries.ts). */
const THROTTLES = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'ThrottledException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
]);

const nameOf = (error: unknown): string => {
  const name = (error as { name?: unknown } | undefined)?.name;
  // Exception names are a closed set per service; anything else is one label, not many.
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? name : 'Error';
};

const operationOf = (context: HandlerExecutionContext): string => (context.commandName ?? 'Unknown').replace(/Command$/, '');

export interface InstrumentOptions {
  metrics: ServiceMetrics;
}

export function instrumentClient<I extends object, O extends object>(client: InstrumentableClient<I, O>, backend: Backend, { metrics }: InstrumentOptions): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context);
      const started = performance.now();
      let outcome = 'ok';
      try {
        return await next(args);
      } catch (error) {
        outcome = nameOf(error);
        throw error;
      } finally {
        metrics.backendCallsBy(backend, operation, outcome).inc();
        metrics.backendDurationBy(backend, operation).observe((performance.now() - started) / 1000);
      }
    },
    { step: 'initialize', name: 'identityCallMetrics', priority: 'high' },
  );
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        if (THROTTLES.has(nameOf(error))) metrics.backendThrottles.inc({ backend, operation: operationOf(context) });
        throw error;
      }
    },
    { step: 'deserialize', name: 'identityThrottleMetrics', priority: 'high' },
  );
}
