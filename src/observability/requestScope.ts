/**
 * What one GraphQL request has done so far, for its access-log line and its metrics: ids, the
 * operation, the outcome and the backend calls made on its behalf.
 *
 * The scope follows the request through its async work (AsyncLocalStorage), so the SDK middleware
 * that counts backend calls (sdkMetrics.ts) and the logger's lines (their request and trace ids)
 * find it without it being threaded through every datasource. It is entered only while logging at
 * info or metrics are on, so a service with both off pays nothing for it. A read batched across
 * concurrent requests (the revocation lookups of one tick) counts for the request that started
 * the batch; background work a request leaves running counts only until its line is written.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TraceContext } from './traceparent';

export interface RequestScope {
  requestId: string;
  trace?: TraceContext;
  /** performance.now() when the request arrived. */
  started: number;
  /** The operation name the client gave, if any (at most 100 characters). */
  operationName?: string;
  /** The root fields the operation selects, in document order. */
  rootFields: string[];
  operationType?: 'query' | 'mutation' | 'subscription';
  caller: string;
  /** The error codes of the response (extensions.code), one per error. */
  errorCodes: string[];
  backendCalls: number;
}

// One store for the process: an async context is process-wide by nature.
const storage = new AsyncLocalStorage<RequestScope>();

export function newScope(requestId: string, trace: TraceContext | undefined, started: number): RequestScope {
  return { requestId, trace, started, rootFields: [], caller: 'NONE', errorCodes: [], backendCalls: 0 };
}

export const runInScope = <T>(scope: RequestScope, work: () => T): T => storage.run(scope, work);

export const currentScope = (): RequestScope | undefined => storage.getStore();

/** The ids every log line written during a request carries. */
export function scopeFields(): Record<string, unknown> | undefined {
  const scope = storage.getStore();
  if (!scope) return undefined;
  return scope.trace ? { requestId: scope.requestId, traceId: scope.trace.traceId, spanId: scope.trace.parentId } : { requestId: scope.requestId };
}
