/**
 * The service's Prometheus metrics, on a registry of its own (not prom-client's global one, so
 * two APIs in one process, as in the tests, keep apart). Every label takes its values from a
 * closed set (schema fields, error codes, SDK operation and exception names, trigger names), never
 * from what a client writes, so a client cannot grow the number of series.
 *
 * The metric names and what they count are listed in the README ("Operating it").
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ReuseCounts } from '../lib/recentReads';

const REQUEST_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const BACKEND_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type Backend = 'cognito' | 'dynamodb';

/**
 * A metric's series by label values, kept once bound: prom-client sorts and hashes the label
 * object on every inc or observe, and a request touches several series, so the hot ones are
 * looked up by one string key instead. Values come from closed sets (see above), so the map
 * stays as small as the metric's own series.
 */
export function seriesOf<B>(metric: { labels(...values: string[]): B }): (...values: string[]) => B {
  const bound = new Map<string, B>();
  return (...values) => {
    const key = values.join('\u0000');
    let series = bound.get(key);
    if (!series) bound.set(key, (series = metric.labels(...values)));
    return series;
  };
}

export interface MetricsOptions {
  /** Node's default metrics (CPU, memory, event loop, GC, handles); on unless a test turns them off. */
  defaultMetrics?: boolean;
}

export class ServiceMetrics {
  readonly registry = new Registry();

  readonly requestDuration = new Histogram({
    name: 'identity_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation (the root field, or "multiple"), from arrival to the last byte of the answer.',
    labelNames: ['operation', 'type'] as const,
    buckets: REQUEST_SECONDS,
    registers: [this.registry],
  });

  readonly responses = new Counter({
    name: 'identity_http_responses_total',
    help: 'HTTP answers of the API port by status code (GraphQL, health, refusals before GraphQL).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: 'identity_graphql_errors_total',
    help: 'Errors in GraphQL answers by operation and extensions.code.',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });

  readonly edgeRefusals = new Counter({
    name: 'identity_edge_refusals_total',
    help: 'Requests refused at the edge before anything ran: QUERY_TOO_COMPLEX, TOO_MANY_SENSITIVE_OPERATIONS, BODY_TOO_LARGE.',
    labelNames: ['code'] as const,
    registers: [this.registry],
  });

  readonly rateLimited = new Counter({
    name: 'identity_rate_limit_trips_total',
    help: 'Operations refused with RATE_LIMITED (a budget per account or per client IP was spent).',
    labelNames: ['operation'] as const,
    registers: [this.registry],
  });

  readonly signIns = new Counter({
    name: 'identity_sign_in_outcomes_total',
    help: 'signIn and confirmSignIn by outcome: a next step (DONE is a success), WRONG_CREDENTIALS, LOCKED, RATE_LIMITED, REFUSED_BY_TRIGGER or ERROR.',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly backendCalls = new Counter({
    name: 'identity_backend_calls_total',
    help: 'Cognito and DynamoDB calls of the API by operation and outcome ("ok" or the exception name), retries included in one call.',
    labelNames: ['backend', 'operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly backendDuration = new Histogram({
    name: 'identity_backend_call_duration_seconds',
    help: 'Cognito and DynamoDB call latency by operation, retries included.',
    labelNames: ['backend', 'operation'] as const,
    buckets: BACKEND_SECONDS,
    registers: [this.registry],
  });

  readonly backendThrottles = new Counter({
    name: 'identity_backend_throttles_total',
    help: 'Attempts the backend throttled (TooManyRequestsException, ProvisionedThroughputExceededException, ThrottlingException, …), each retry counted.',
    labelNames: ['backend', 'operation'] as const,
    registers: [this.registry],
  });

  readonly triggerInvocations = new Counter({
    name: 'identity_trigger_invocations_total',
    help: 'Embedded mode: Lambda trigger invocations by function and outcome (ok, refused, failed). In AWS, see CloudWatch AWS/Lambda.',
    labelNames: ['function', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly triggerDuration = new Histogram({
    name: 'identity_trigger_duration_seconds',
    help: 'Embedded mode: Lambda trigger durations by function.',
    labelNames: ['function'] as const,
    buckets: BACKEND_SECONDS,
    registers: [this.registry],
  });

  readonly inFlight = new Gauge({
    name: 'identity_http_requests_in_flight',
    help: 'Requests being answered on the API port.',
    registers: [this.registry],
  });

  /** The per-request series, bound (seriesOf): by status; by operation and type; by backend, operation and outcome; by backend and operation. */
  readonly responsesBy = seriesOf(this.responses);
  readonly requestDurationBy = seriesOf(this.requestDuration);
  readonly backendCallsBy = seriesOf(this.backendCalls);
  readonly backendDurationBy = seriesOf(this.backendDuration);

  private readonly reuseWindows = new Map<string, ReuseCounts[]>();

  constructor(options: MetricsOptions = {}) {
    const windows = this.reuseWindows;
    // Read when scraped: the windows count with plain integers, so a lookup costs no label hashing.
    new Counter({
      name: 'identity_reuse_lookups_total',
      help: 'Lookups of the reuse windows (token: verified tokens; revocation: REVOCATION_CACHE_MS; profile: PROFILE_CACHE_MS) by result: reused, or read from the backend.',
      labelNames: ['window', 'result'] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [window, counts] of windows) {
          this.inc({ window, result: 'reused' }, counts.reduce((n, c) => n + c.reused, 0));
          this.inc({ window, result: 'read' }, counts.reduce((n, c) => n + c.read, 0));
        }
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry });
  }

  /** Reports a reuse window (or several under one name) in identity_reuse_lookups_total. */
  watchReuse(window: string, counts: ReuseCounts[]): void {
    this.reuseWindows.set(window, counts);
  }

  /** The exposition text, and its content type. */
  async exposition(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
