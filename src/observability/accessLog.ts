/**
 * The end of every GraphQL request: one access-log line at `info` and the request metrics, both
 * from the request's scope. The line names the request and its trace, the operation, the caller's
 * auth mode, the HTTP status, the error codes, the duration and the backend calls; never variables
 * or headers (which carry passwords, codes and tokens), and the operation name only when it is a
 * GraphQL name.
 */
import { performance } from 'node:perf_hooks';
import type { ServiceLogger } from '../logger';
import type { ServiceMetrics } from './metrics';
import { newScope, RequestScope } from './requestScope';
import { parseTraceparent } from './traceparent';

/** Codes counted as refusals at the edge (identity_edge_refusals_total), besides the 413 of an oversized body. */
const EDGE_REFUSALS = new Set(['QUERY_TOO_COMPLEX', 'TOO_MANY_SENSITIVE_OPERATIONS']);

export const BODY_TOO_LARGE = 'BODY_TOO_LARGE';

/** The operation as a metric label: the root field, `multiple`, `introspection` or `none` (refused before it resolved). */
export function operationLabel(scope: RequestScope): string {
  const fields = scope.rootFields.filter((f) => f !== '__typename');
  if (fields.length === 0) return scope.rootFields.length ? 'introspection' : 'none';
  if (fields.every((f) => f.startsWith('__'))) return 'introspection';
  return fields.length === 1 ? fields[0] : 'multiple';
}

export interface RequestObserver {
  /** A scope for a request that just arrived (its `traceparent` header, if any, carried along). */
  begin(requestId: string, traceparent: string | string[] | undefined): RequestScope;
  /** Logs and counts the request, once its answer is sent. */
  finish(scope: RequestScope, status: number): void;
  /** Counts an answer outside GraphQL (health, 404, …). */
  answered(status: number): void;
}

export interface ObserverDeps {
  logger: ServiceLogger;
  metrics?: ServiceMetrics;
}

/** Undefined when there is nothing to write to: logging below info and no metrics. */
export function createRequestObserver({ logger, metrics }: ObserverDeps): RequestObserver | undefined {
  const logs = logger.isEnabled('info');
  if (!logs && !metrics) return undefined;
  return {
    begin: (requestId, traceparent) => newScope(requestId, parseTraceparent(traceparent), performance.now()),
    answered: (status) => metrics?.responsesBy(String(status)).inc(),
    finish(scope, status) {
      const seconds = (performance.now() - scope.started) / 1000;
      const operation = operationLabel(scope);
      if (logs) {
        logger.infoFixed('graphql request', {
          requestId: scope.requestId,
          ...(scope.trace && { traceId: scope.trace.traceId, spanId: scope.trace.parentId }),
          operation: scope.operationName,
          fields: scope.rootFields,
          type: scope.operationType,
          caller: scope.caller,
          status,
          errors: [...new Set(scope.errorCodes)],
          ms: Math.round(seconds * 10_000) / 10,
          backendCalls: scope.backendCalls,
        });
      }
      if (!metrics) return;
      metrics.responsesBy(String(status)).inc();
      metrics.requestDurationBy(operation, scope.operationType ?? 'none').observe(seconds);
      for (const code of scope.errorCodes) {
        metrics.graphqlErrors.inc({ operation, code });
        if (EDGE_REFUSALS.has(code) || code === BODY_TOO_LARGE) metrics.edgeRefusals.inc({ code });
        if (code === 'RATE_LIMITED') metrics.rateLimited.inc({ operation });
      }
    },
  };
}
