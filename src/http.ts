/**
 * The HTTP front: `POST /graphql` (and GET for the playground), `GET /health`, CORS. It
 * authenticates before GraphQL runs, so a missing or bad credential is HTTP 401 with AppSync's
 * body, then hands the request to Apollo through its integration API.
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
import type { Logger } from './logger';

export interface HttpOptions {
  apollo: ApolloServer<ApiContext>;
  authenticator: Authenticator;
  sources: DataSources;
  logger: Logger;
  maxBodyBytes: number;
  /** Lets unauthenticated introspection through, so the playground can load the schema. */
  openIntrospection: boolean;
  trustedProxies: TrustedProxies;
  rateLimiter: RateLimiter;
  indexedAttributes: readonly string[];
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

async function handleGraphQL(options: HttpOptions, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const started = Date.now();
  const requestId = randomUUID();
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
      return send(res, 400, { errors: [{ message: 'Request body is not valid JSON.', errorType: 'MalformedHttpRequestException', extensions: { code: 'BAD_USER_INPUT' } }] }, CORS);
    }
  }
  const query = req.method === 'POST' ? (body as { query?: unknown } | undefined)?.query : url.searchParams.get('query');
  const isPlaygroundPage = req.method === 'GET' && !url.searchParams.has('query');

  let context: ApiContext;
  const clientIp = options.trustedProxies.clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for']);
  const perRequest = {
    sources: options.sources,
    loaders: createLoaders(options.sources),
    logger: options.logger,
    requestId,
    clientIp,
    userAgent: req.headers['user-agent']?.slice(0, 256),
    rateLimiter: options.rateLimiter,
    indexedAttributes: options.indexedAttributes,
  };
  const authorization = req.headers.authorization;
  const apiKey = req.headers['x-api-key'];
  if (isPlaygroundPage || (!authorization && apiKey === undefined && options.openIntrospection && isIntrospectionOnly(query))) {
    context = { caller: { mode: 'NONE' }, identity: null, ...perRequest };
  } else {
    const outcome = await options.authenticator.authenticate(
      { authorization, apiKey: Array.isArray(apiKey) ? apiKey[0] : apiKey },
      clientIp,
    );
    if (!outcome.ok) return send(res, 401, unauthorized(outcome.message), CORS);
    context = { ...outcome.auth, ...perRequest };
  }

  const response = await options.apollo.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
    context: async () => context,
  });
  const outHeaders: Record<string, string> = { ...CORS, 'x-request-id': requestId };
  for (const [key, value] of response.headers) outHeaders[key] = value;
  // Tokens, codes and profiles: no shared cache may keep any of it.
  outHeaders['cache-control'] = 'no-store';
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
  options.logger.debug('graphql request', { requestId, status: response.status ?? 200, ms: Date.now() - started, caller: context.caller.mode });
}

export function createHttpServer(options: HttpOptions): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://api.local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS);
      return res.end();
    }
    if (url.pathname === '/health') return send(res, 200, { status: 'ok' });
    if (url.pathname !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found. The API is at /graphql.' }] });
    handleGraphQL(options, req, res, url).catch((error: unknown) => {
      if (error instanceof RequestTooLarge) return send(res, 413, { errors: [{ message: 'Request body is too large.', errorType: 'PayloadTooLarge', extensions: { code: 'BAD_USER_INPUT' } }] }, CORS);
      options.logger.error('request failed', { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) send(res, 500, { errors: [{ message: 'Something went wrong. Please try again.', errorType: 'InternalFailure', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }, CORS);
      else res.end();
    });
  });
}
