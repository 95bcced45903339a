/**
 * What the API is observed with, given its logger and whether metrics are exposed: the metrics
 * registry (shared with the embedded world's triggers when one is given), the access-log and
 * request-metrics writer, and the SDK middleware. With logging below info and metrics off it is
 * all absent, so such a service runs exactly as before (the benchmark's baseline).
 */
import type { ServiceLogger } from '../logger';
import { createRequestObserver, RequestObserver } from './accessLog';
import type { Backend, ServiceMetrics } from './metrics';
import { ServiceMetrics as Metrics } from './metrics';
import { InstrumentableClient, instrumentClient } from './sdkMetrics';

export interface ApiObservability {
  metrics?: ServiceMetrics;
  observer?: RequestObserver;
  /** Counts a client's calls in the metrics (a request's own count is its client views', backendCalls.ts). */
  instrument<I extends object, O extends object>(client: InstrumentableClient<I, O>, backend: Backend): void;
}

export function observeApi(logger: ServiceLogger, metricsWanted: boolean, shared?: ServiceMetrics): ApiObservability {
  const metrics = metricsWanted ? (shared ?? new Metrics()) : undefined;
  const observer = createRequestObserver({ logger, metrics });
  return {
    metrics,
    observer,
    instrument: (client, backend) => {
      if (metrics) instrumentClient(client, backend, { metrics });
    },
  };
}
