/**
 * The HTTP front: `POST /graphql` (and GET for the playground), the health endpoints (`/livez`:
 * the process answers; `/readyz`: so do Cognito and DynamoDB; `/health`, as `/livez`, kept for
 * existing probes), `/metrics` when a token guards it, CORS. It authenticates before GraphQL runs,
 * so a missing or bad credential is HTTP 401 with AppSync's body, then hands the request to Apollo
 * through its integration API. Each GraphQL request runs in a scope that its access-log line and
 * metrics are written from (src/observability).
 */
import { ApolloServer, HeaderMap } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse, OperationTypeNode, Kind } from 'graphql';
import type { Authenticator } from './auth/authenticate';
import type { TrustedProxies } from './auth/clientIp';
import type { RateLimiter } from './auth/rateLimits';
import type { ApiContext, DataSources } from './context';
import { createLoaders } from './datasources/loaders';
import { Logger, withFields } from './logger';
import { BODY_TOO_LARGE, RequestObserver } from './observability/accessLog';
import type { Drain } from './observability/drain';
import { bearerMatches, sendMetrics } from './observability/metricsEndpoint';
import type { ServiceMetrics } from './observability/metrics';
import type { Readiness } from './observability/readiness';
import { RequestScope, scopeIds } from './observability/requestScope';
import type { WebFront } from './web';

export interface HttpOptions {
  apollo: ApolloServer<ApiContext>;
  authenticator: Authenticator;
  sources: DataSources;
  /** An observed request's own datasources, rate limiter and logger (counted, with its ids); absent when nothing observes. */
  forRequest?: (scope: RequestScope) => RequestSources;
  logger: Logger;
  maxBodyBytes: number;
  /** Lets unauthenticated introspection through, so the playground can load the schema. */
  openIntrospection: boolean;
  trustedProxies: TrustedProxies;
  rateLimiter: RateLimiter;
  indexedAttributes: readonly string[];
  /** Writes each request's access-log line and metrics; absent when logging at info and metrics are off. */
  observer?: RequestObserver;
  readiness: Readiness;
  drain: Drain;
  /** `/metrics` on this port, for callers with `Authorization: Bearer <token>` (METRICS_TOKEN). */
  metricsBehindToken?: { metrics: ServiceMetrics; token: string };
  /** The web app's pages, files and cookie sessions (src/web), when served. */
  web?: WebFront;
}

/** What an observed request uses in place of the shared ones (see datasources/dataSources.ts). */
export interface RequestSources {
  sources: DataSources;
  rateLimiter: RateLimiter;
  logger: Logger;
}

class RequestTooLarge extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    // Past the limit the rest is drained, not kept: stopping early would reset the connection
    // and the client would never see the 413.
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  if (size > limit) throw new RequestTooLarge();
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

const unauthorized = (message: string) => ({ errors: [{ errorType: 'UnauthorizedException', message }] });

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, authorization, x-api-key, apollo-require-preflight',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-max-age': '600',
};

/** True when a request only asks for the schema (__schema / __type / __typename). */
function isIntrospectionOnly(query: unknown): boolean {
  if (typeof query !== 'string') return false;
  try {
    const document = parse(query);
    return document.definitions.every(
      (d) =>
        d.kind === Kind.FRAGMENT_DEFINITION ||
        (d.kind === Kind.OPERATION_DEFINITION &&
          d.operation === OperationTypeNode.QUERY &&
          d.selectionSet.selections.every((s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'))),
    );
  } catch {
    return false;
  }
}

async function handleGraphQL(options: HttpOptions, req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, scope?: RequestScope): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  let body: unknown = undefined;
  if (req.method === 'POST') {
    const raw = await readBody(req, options.maxBodyBytes);
    try {
      body = raw ? JSON.parse(raw) : {};
    } catch {
      scope?.errorCodes.push('BAD_USER_INPUT');
      return send(res, 400, { errors: [{ message: 'Request body is not valid JSON.', errorType: 'MalformedHttpRequestException', extensions: { code: 'BAD_USER_INPUT' } }] }, CORS);
    }
  }
  // Cookie sessions (src/web/sessionCookie.ts): only for requests that opt in, from this site's own pages.
  const cookieSession = options.web?.sessionCookies.open(req, body);
  if (cookieSession && 'reply' in cookieSession) {
    scope?.errorCodes.push(cookieSession.reply.code);
    return send(res, cookieSession.reply.status, cookieSession.reply.body, CORS);
  }
  if (cookieSession) body = cookieSession.body;
  const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
  const isPlaygroundPage = req.method === 'GET' && !url.searchParams.has('query');

  let context: ApiContext;
  const clientIp = options.trustedProxies.clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for']);
  const own = scope && options.forRequest?.(scope);
  const sources = own?.sources ?? options.sources;
  const perRequest = {
    sources,
    loaders: createLoaders(sources),
    logger: own?.logger ?? options.logger,
    requestId,
    clientIp,
    userAgent: req.headers['user-agent']?.slice(0, 256),
    rateLimiter: own?.rateLimiter ?? options.rateLimiter,
    indexedAttributes: options.indexedAttributes,
    scope,
  };
  const authorization = req.headers.authorization;
  const apiKey = req.headers['x-api-key'];
  if (isPlaygroundPage || (!authorization && apiKey === undefined && options.openIntrospection && isIntrospectionOnly(query))) {
    context = { caller: { mode: 'NONE' }, identity: null, ...perRequest };
  } else {
    const outcome = await options.authenticator.authenticate(
      { authorization, apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey },
      clientIp,
      sources.revocations,
    );
    if (!outcome.ok) {
      scope?.errorCodes.push('UNAUTHENTICATED');
      return send(res, 401, unauthorized(outcome.message), CORS);
    }
    context = { ...outcome.auth, ...perRequest };
  }
  if (scope) scope.caller = context.caller.mode;

  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => context,
  });
  const outHeaders: Record<string, string> = { ...CORS, 'x-request-id': requestId };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  // Tokens, codes and profiles: no shared cache may keep any of it.
  outHeaders['cache-control'] = 'no-store';
  const answered = cookieSession && response.body.kind === 'complete' ? cookieSession.answer(response.body.string) : undefined;
  if (answered?.setCookie) outHeaders['set-cookie'] = answered.setCookie;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') {
    res.end(answered?.text ?? response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}

/** What a request that failed outside GraphQL's own error handling gets. */
function answerFailure(options: HttpOptions, res: ServerResponse, error: unknown, scope?: RequestScope): void {
  if (error instanceof RequestTooLarge) {
    scope?.errorCodes.push(BODY_TOO_LARGE);
    return send(res, 413, { errors: [{ message: 'Request body is too large.', errorType: 'PayloadTooLarge', extensions: { code: 'BAD_USER_INPUT' } }] }, CORS);
  }
  scope?.errorCodes.push('INTERNAL_SERVER_ERROR');
  const logger = scope ? withFields(options.logger, scopeIds(scope)) : options.logger;
  logger.error('request failed', { error: error instanceof Error ? error.message : String(error) });
  if (!res.headersSent) send(res, 500, { errors: [{ message: 'Something went wrong. Please try again.', errorType: 'InternalFailure', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, CORS);
  else res.end();
}

function serveGraphQL(options: HttpOptions, req: IncomingMessage, res: ServerResponse, url: URL): void {
  const requestId = randomUUID();
  const scope = options.observer?.begin(requestId, req.headers.traceparent);
  const handle = () => handleGraphQL(options, req, res, url, requestId, scope).catch((error: unknown) => answerFailure(options, res, error, scope));
  if (!scope) {
    void handle();
    return;
  }
  void handle().then(() => options.observer!.finish(scope, res.statusCode));
}

/** `/readyz`: 200 when every backend answered, 503 otherwise and while draining. */
async function serveReadiness(options: HttpOptions, res: ServerResponse): Promise<void> {
  if (options.drain.draining) return send(res, 503, { status: 'draining' });
  const report = await options.readiness.report();
  send(res, report.ready ? 200 : 503, { status: report.ready ? 'ready' : 'unavailable', checks: report.checks });
}

/** Answers outside GraphQL; false when the path is not one of them. */
function serveOperational(options: HttpOptions, req: IncomingMessage, res: ServerResponse, path: string): boolean {
  if (path === '/livez' || path === '/health') {
    send(res, 200, { status: 'ok' });
  } else if (path === '/readyz') {
    serveReadiness(options, res).catch(() => send(res, 503, { status: 'unavailable' }));
  } else if (path === '/metrics' && options.metricsBehindToken && req.method === 'GET') {
    const { metrics, token } = options.metricsBehindToken;
    if (!bearerMatches(req.headers.authorization, token)) send(res, 401, { errors: [{ message: 'Not authorized.' }] });
    else sendMetrics(res, metrics).catch(() => send(res, 500, { errors: [{ message: 'Metrics are unavailable.' }] }));
  } else {
    return false;
  }
  res.once('finish', () => options.observer?.answered(res.statusCode));
  return true;
}

export function createHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    options.drain.track(res);
    const url = new URL(req.url ?? '/', 'http://api.local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (serveOperational(options, req, res, url.pathname)) return;
    if (options.web?.handle(req, res, url)) return;
    if (url.pathname !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found. The API is at /graphql.' }] });
    serveGraphQL(options, req, res, url);
  });
}
