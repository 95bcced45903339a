/**
 * Cookie sessions: how the web app keeps a session across reloads without any page script
 * being able to read the refresh token. The app's GraphQL requests opt in with a custom header
 * (sessionProtocol.ts); on those, the API moves every `tokens.refreshToken` of the answer into
 * an HttpOnly, SameSite=Strict cookie scoped to /graphql (the JSON says null), fills the
 * cookie's token in where the request says FROM_COOKIE (refreshSession, signOut), and drops the
 * cookie when the session ends. Requests without the header never read the cookie.
 *
 * Against cross-site request forgery: the cookie is SameSite=Strict (never sent from another
 * site), cookie mode needs the custom header (a cross-origin page cannot send it: the CORS
 * preflight does not allow it), and the request's Origin must be this host (and Sec-Fetch-Site,
 * where the browser sends it, same-origin). A page on another origin therefore can neither use
 * the cookie nor read what it answers.
 */
import type { IncomingMessage } from 'node:http';
import { FROM_COOKIE, SESSION_COOKIE_HEADER, SESSION_COOKIE_ON } from './sessionProtocol';

export const COOKIE_NAME = 'identity_session';
/** Only GraphQL requests carry it: pages, assets and other endpoints never see the token. */
const COOKIE_PATH = '/graphql';
/** The pool client's refresh-token validity (config/user-pool.json); Cognito refuses the token after it anyway. */
const DEFAULT_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Root fields whose answer ends the browser's session, whatever the outcome: the user asked to leave. */
const SIGN_OUTS: ReadonlySet<string> = new Set(['signOut', 'globalSignOut']);

export interface HttpReply {
  status: number;
  /** The error code, for the access log. */
  code: string;
  body: unknown;
}

/** A cookie-mode request, ready to run. */
export interface CookieSession {
  /** The request body with the cookie's token filled in. */
  body: unknown;
  /** Rewrites the complete JSON answer; `setCookie` is the Set-Cookie header to send, if any. */
  answer(text: string): { text: string; setCookie?: string };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

const refused = (): HttpReply => ({
  status: 403,
  code: 'FORBIDDEN',
  body: { errors: [{ message: "Session cookies are accepted only from this site's own pages.", errorType: 'AccessDeniedException', extensions: { code: 'FORBIDDEN', errorType: 'AccessDeniedException' } }] },
});

/**
 * No cookie where the request needs one: answered at once, as a GraphQL error (a page loaded by
 * someone signed out asks this every time, which is no failure to count against a budget).
 */
const noSession = (): HttpReply => ({
  status: 200,
  code: 'UNAUTHENTICATED',
  body: { data: null, errors: [{ message: 'There is no session to continue: please sign in.', errorType: 'UnauthorizedException', extensions: { code: 'UNAUTHENTICATED', errorType: 'UnauthorizedException' } }] },
});

function sameOrigin(req: IncomingMessage): boolean {
  const { origin, host } = req.headers;
  const site = req.headers['sec-fetch-site'];
  if (!origin || !host || (site !== undefined && site !== 'same-origin')) return false;
  try {
    return new URL(origin).host === host.toLowerCase();
  } catch {
    return false;
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) {
      const value = part.slice(at + 1).trim();
      try {
        return value ? decodeURIComponent(value) : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** Browsers treat loopback as a secure context, but refuse Secure cookies over plain http elsewhere. */
function isLoopback(host: string | undefined): boolean {
  const name = (host ?? '').toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || name === '127.0.0.1' || name === '[::1]';
}

/** Replaces FROM_COOKIE in any variable object's `refreshToken` (the app sends `input: { refreshToken }`). */
function fillFromCookie(body: unknown, token: string | undefined): { body: unknown; used: boolean } {
  if (!isObject(body) || !isObject(body.variables)) return { body, used: false };
  let used = false;
  const variables: Json = {};
  for (const [name, value] of Object.entries(body.variables)) {
    const wantsCookie = isObject(value) && value.refreshToken === FROM_COOKIE;
    used ||= wantsCookie;
    variables[name] = wantsCookie ? { ...value, refreshToken: token } : value;
  }
  return { body: { ...body, variables }, used };
}

export class SessionCookies {
  constructor(private readonly maxAgeSeconds = DEFAULT_MAX_AGE_SECONDS) {}

  /**
   * Undefined when the request did not opt in (it runs as usual, the cookie unread); a reply to
   * send instead of running it (refused, or no cookie where one is needed); or the session.
   */
  open(req: IncomingMessage, body: unknown): CookieSession | { reply: HttpReply } | undefined {
    const mode = req.headers[SESSION_COOKIE_HEADER];
    if (mode === undefined) return undefined;
    if (mode !== SESSION_COOKIE_ON || req.method !== 'POST' || !sameOrigin(req)) return { reply: refused() };
    const token = readCookie(req.headers.cookie, COOKIE_NAME);
    const filled = fillFromCookie(body, token);
    if (filled.used && !token) return { reply: noSession() };
    const secure = !isLoopback(req.headers.host);
    return { body: filled.body, answer: (text) => this.answer(text, filled.used, secure) };
  }

  private answer(text: string, usedCookie: boolean, secure: boolean): { text: string; setCookie?: string } {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return { text };
    }
    if (!isObject(parsed)) return { text };
    let kept: string | undefined;
    let ended = false;
    for (const [field, value] of Object.entries(isObject(parsed.data) ? parsed.data : {})) {
      const tokens = isObject(value) ? value.tokens : undefined;
      if (isObject(tokens) && typeof tokens.refreshToken === 'string') {
        kept = tokens.refreshToken;
        tokens.refreshToken = null;
      }
      if (SIGN_OUTS.has(field) || (field === 'deleteMyAccount' && value === true)) ended = true;
    }
    // A refused cookie token (expired, revoked, the user disabled) would only be refused again.
    const errors = Array.isArray(parsed.errors) ? parsed.errors : [];
    if (usedCookie && errors.some((e) => isObject(e) && isObject(e.extensions) && e.extensions.code === 'NOT_AUTHORIZED')) ended = true;
    if (!kept && !ended) return { text };
    const attributes = `Path=${COOKIE_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
    const setCookie = ended ? `${COOKIE_NAME}=; Max-Age=0; ${attributes}` : `${COOKIE_NAME}=${encodeURIComponent(kept!)}; Max-Age=${this.maxAgeSeconds}; ${attributes}`;
    return { text: JSON.stringify(parsed), setCookie };
  }
}
