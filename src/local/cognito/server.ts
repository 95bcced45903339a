/**
 * The engine's HTTP front: the Cognito API at `POST /`, each pool's JWKS and OpenID discovery
 * document, and (for development only) the outbox; every one of them open to browsers on other
 * origins, as Amazon's endpoint is (cors.ts).
 */
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { answerPreflight, applyCors } from './cors';
import { CognitoError, UnknownOperationException } from './errors';
import { operationName, parseInput, readBody, toCognitoError, writeError, writeResult } from './protocol';
import { operations } from './registry';
import type { EngineServices } from './services';
import { Credentials, verifySigV4 } from './sigv4';

export interface ServerOptions {
  credentials: Credentials;
  devEndpoints: boolean;
  /** Receives unexpected failures (never request bodies, which may hold secrets). */
  onInternalError: (operation: string, error: unknown) => void;
  /** Told the name of each API operation requested (e.g. "AdminGetUser"), before it runs. */
  onRequest?: (operation: string) => void;
}

/** `aws-sdk-js/3.1169.0 ua/2.1 ...` → `aws-sdk-js-3.1169.0`, the form trigger events carry. */
function sdkVersion(req: IncomingMessage): string {
  const agent = req.headers['x-amz-user-agent'] ?? req.headers['user-agent'];
  const match = typeof agent === 'string' ? /^([\w.-]+)\/([\w.-]+)/.exec(agent) : null;
  return match ? `${match[1]}-${match[2]}` : 'aws-sdk-unknown-unknown';
}

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function handleApi(services: EngineServices, options: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let name = 'unknown';
  try {
    name = operationName(req);
    options.onRequest?.(name);
    const operation = Object.hasOwn(operations, name) ? operations[name] : undefined;
    const body = await readBody(req);
    if (!operation) throw new UnknownOperationException(`Unknown operation ${name}`);
    if (operation.access === 'iam') {
      verifySigV4({ method: req.method ?? 'POST', path: req.url ?? '/', headers: req.headers, body }, options.credentials);
    }
    const input = parseInput(body);
    const result = await operation.run(services, { input, sourceIp: req.socket.remoteAddress ?? '', sdkVersion: sdkVersion(req) });
    writeResult(res, result);
  } catch (error) {
    if (!(error instanceof CognitoError)) options.onInternalError(name, error);
    writeError(res, toCognitoError(error));
  }
}

async function handleGet(services: EngineServices, options: ServerOptions, url: URL, res: ServerResponse): Promise<void> {
  const wellKnown = /^\/([\w-]+_[0-9a-zA-Z]+)\/\.well-known\/(jwks\.json|openid-configuration)$/.exec(url.pathname);
  if (wellKnown) {
    const pool = await services.pools.getPool(wellKnown[1]);
    if (!pool) return json(res, 404, { message: 'User pool not found' });
    if (wellKnown[2] === 'jwks.json') return json(res, 200, { keys: [pool.signingKey.publicJwk] });
    const issuer = services.tokens.issuerFor(pool.poolId);
    return json(res, 200, {
      issuer,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
      scopes_supported: ['openid', 'email', 'phone', 'profile'],
    });
  }
  if (url.pathname === '/health') return json(res, 200, { status: 'ok' });
  if (options.devEndpoints && url.pathname === '/_local/outbox') {
    const to = url.searchParams.get('to') ?? undefined;
    return json(res, 200, { messages: services.outbox.list({ to }) });
  }
  json(res, 404, { message: 'Not found' });
}

export function createEngineServer(services: EngineServices, options: ServerOptions): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://engine.local');
    if (req.method === 'OPTIONS') return answerPreflight(req, res);
    applyCors(res);
    // Every answer is named, as Amazon's are, so a client's log line can point at one request.
    res.setHeader('x-amzn-requestid', randomUUID());
    const work =
      req.method === 'POST' && url.pathname === '/'
        ? handleApi(services, options, req, res)
        : req.method === 'GET'
          ? handleGet(services, options, url, res)
          : Promise.resolve(json(res, 405, { message: 'Method not allowed' }));
    work.catch((error: unknown) => {
      options.onInternalError('http', error);
      if (!res.headersSent) writeError(res, toCognitoError(error));
    });
  });
}
