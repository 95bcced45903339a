/**
 * What one GraphQL request has done so far, for its access-log line and its metrics: ids, the
 * operation, the outcome and the backend calls made on its behalf.
 *
 * The scope is handed along explicitly: the HTTP front creates it and puts it in the request's
 * context, the request's datasources count their calls into it (backendCalls.ts) and its logger
 * adds its ids to every line (requestLogger). Node 20's AsyncLocalStorage would find it without
 * the threading, but it runs a hook on every promise the process makes, which cost the `me` query
 * about 12% of its CPU when observability was on (bench:api). A scope exists only while logging
 * at info or metrics are on, so a service with both off pays nothing for it.
 */
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

export function newScope(requestId: string, trace: TraceContext | undefined, started: number): RequestScope {
  return { requestId, trace, started, rootFields: [], caller: 'NONE', errorCodes: [], backendCalls: 0 };
}

/** The ids every log line written for the request carries. */
export function scopeIds(scope: RequestScope): Record<string, unknown> {
  return scope.trace ? { requestId: scope.requestId, traceId: scope.trace.traceId, spanId: scope.trace.parentId } : { requestId: scope.requestId };
}
