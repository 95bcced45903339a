/**
 * The web front: the portal and admin console (one single-page app), the offline playground,
 * their runtime config and cookie sessions, all as `npm run build:web` built them into
 * web/dist. The HTTP front offers it every request that is not the API's own; it answers pages,
 * files and /config.json and declines the rest, so the API's 404 stays the API's.
 *
 * The portal is served only when the server knows the app's API key (embedded mode's dev key),
 * since without it the public operations could not be called; the playground only outside
 * production. Elsewhere the same build is hosted statically (see the README).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Logger } from '../logger';
import type { PasswordRules, RuntimeConfig } from './runtimeConfig';
import { APP_CSP, PLAYGROUND_CSP, SECURITY_HEADERS } from './securityHeaders';
import { SessionCookies } from './sessionCookie';
import { StaticFile, StaticFiles } from './staticFiles';

/** Resolved from the working directory, as the pool file is: npm scripts and tests run at the project root. */
export const DEFAULT_WEB_ROOT = join(process.cwd(), 'web', 'dist');

export interface WebOptions {
  /** The build (web/dist). */
  root?: string;
  /** The key the app sends as x-api-key (embedded mode's dev key). The portal is served only with one. */
  apiKey?: string;
  /** Serve /playground (never in production). */
  playground: boolean;
  /** The pool's rules, for the password hints. */
  passwordPolicy: () => Promise<PasswordRules>;
  logger: Logger;
}

export interface WebFront {
  /** Answers the request if it is the web app's; false leaves it to the API. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
  sessionCookies: SessionCookies;
}

const PAGE_CACHE = 'no-cache';
const ASSET_CACHE = 'public, max-age=31536000, immutable';

const acceptsHtml = (req: IncomingMessage): boolean => (req.headers.accept ?? '').includes('text/html');

function reply(req: IncomingMessage, res: ServerResponse, status: number, headers: Record<string, string>, body: Buffer | string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'content-length': String(bytes.length) });
  res.end(req.method === 'HEAD' ? undefined : bytes);
}

export function createWebFront(options: WebOptions): WebFront {
  const files = new StaticFiles(options.root ?? DEFAULT_WEB_ROOT);
  const servesApp = options.apiKey !== undefined;
  const servesPlayground = options.playground;
  if ((servesApp || servesPlayground) && !files.built) {
    options.logger.warn('the web app is not built: run npm run build:web', { root: files.root });
  }

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: StaticFile, csp: string) =>
    reply(req, res, 200, { 'content-type': file.contentType, 'cache-control': file.immutable ? ASSET_CACHE : PAGE_CACHE, 'content-security-policy': csp }, file.body);

  const sendPage = (req: IncomingMessage, res: ServerResponse, name: string, csp: string) => {
    const page = files.get(name);
    if (page) return sendFile(req, res, page, csp);
    reply(req, res, 503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, 'The web app is not built: run npm run build:web, then restart the API.\n');
  };

  const sendConfig = async (req: IncomingMessage, res: ServerResponse) => {
    const passwordPolicy = await options.passwordPolicy().catch((error: unknown) => {
      options.logger.warn('password policy unavailable for /config.json', { error: error instanceof Error ? error.name : String(error) });
      return null;
    });
    const config: RuntimeConfig = { graphqlUrl: '/graphql', apiKey: options.apiKey ?? null, playground: servesPlayground, passwordPolicy };
    reply(req, res, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': APP_CSP }, JSON.stringify(config));
  };

  function handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = url.pathname;
    if (path === '/graphql') {
      // A developer opening the endpoint in a browser (the banner says to) gets the playground.
      if (!servesPlayground || url.search || !acceptsHtml(req)) return false;
      res.writeHead(302, { ...SECURITY_HEADERS, location: '/playground', 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    if (!servesApp && !servesPlayground) return false;
    if (path === '/config.json') {
      sendConfig(req, res).catch(() => res.destroy());
      return true;
    }
    if (path === '/playground') {
      if (!servesPlayground) return false;
      sendPage(req, res, '/playground.html', PLAYGROUND_CSP);
      return true;
    }
    // The pages are served only through their routes above and below, each with its own policy.
    const file = path === '/index.html' || path === '/playground.html' ? undefined : files.get(path);
    if (file) {
      sendFile(req, res, file, APP_CSP);
      return true;
    }
    // The app's own routes (/sign-in, /profile, /admin/users/…) are one page: a browser's visit gets it.
    if (servesApp && !path.startsWith('/assets/') && acceptsHtml(req)) {
      sendPage(req, res, '/index.html', APP_CSP);
      return true;
    }
    return false;
  }

  return { handle, sessionCookies: new SessionCookies() };
}
