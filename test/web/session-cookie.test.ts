/**
 * Cookie sessions over HTTP (src/web/sessionCookie.ts): in cookie mode the refresh token goes
 * into an HttpOnly, SameSite=Strict cookie and never into the JSON; the cookie continues and
 * ends the session; only this site's own pages may use it; requests without the header are
 * untouched; and a visitor with no cookie costs no budget.
 */
import { FROM_COOKIE, SESSION_COOKIE_HEADER } from '../../src/web/sessionProtocol';
import { RefreshSessionDocument, SignInDocument, SignOutDocument } from '../generated/graphql';
import { API_KEY, errorCode, GraphQLResponse } from '../support/api';
import { confirmedUser, PASSWORD, uniqueEmail } from '../support/users';
import { startWebApi, WebApi } from './support/webApi';
import { print } from 'graphql';
import { request } from 'node:http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

let t: WebApi;
beforeAll(async () => {
  // A token budget of 5 per address (the tests before the last refuse two tokens), to show that cookie-less visits are not counted.
  const roomy = { perAccount: 1000, perIp: 1000, windowMs: 60_000 };
  t = await startWebApi({ rateLimits: { password: roomy, code: roomy, send: roomy, token: { perAccount: 5, perIp: 5, windowMs: 60_000 } } });
});
afterAll(() => t.stop());

interface Sent<T> extends GraphQLResponse<T> {
  setCookie: string | null;
}

/** A request as the web app's page sends it: same origin, cookie mode, with what the browser would add. */
async function fromPage<T, V>(document: TypedDocumentNode<T, V>, variables: V, headers: Record<string, string> = {}): Promise<Sent<T>> {
  const response = await fetch(t.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: t.origin, 'sec-fetch-site': 'same-origin', [SESSION_COOKIE_HEADER]: '1', 'x-api-key': API_KEY, ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const json = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { ...json, status: response.status, setCookie: response.headers.get('set-cookie') };
}

const cookieOf = (setCookie: string | null) => setCookie?.split(';')[0] ?? '';

async function signedInPage(): Promise<{ cookie: string; accessToken: string }> {
  const email = uniqueEmail('cookie');
  await confirmedUser(t, email);
  const signedIn = await fromPage(SignInDocument, { input: { username: email, password: PASSWORD } });
  return { cookie: cookieOf(signedIn.setCookie), accessToken: signedIn.data!.signIn!.tokens!.accessToken };
}

test('signing in keeps the refresh token in an HttpOnly, SameSite=Strict cookie for /graphql, never in the answer', async () => {
  const email = uniqueEmail('cookie');
  await confirmedUser(t, email);
  const signedIn = await fromPage(SignInDocument, { input: { username: email, password: PASSWORD } });
  expect(signedIn.data?.signIn?.tokens).toMatchObject({ accessToken: expect.any(String), refreshToken: null });
  expect(signedIn.setCookie).toMatch(/^identity_session=[^;]{40,}; Max-Age=2592000; Path=\/graphql; HttpOnly; SameSite=Strict$/);
  // Loopback only: under any other name (here behind a TLS proxy) the cookie is Secure too.
  expect(await setCookieFor('id.example.com', email)).toMatch(/; HttpOnly; SameSite=Strict; Secure$/);
});

/** fetch will not send another Host, so this one request goes out through node:http. */
function setCookieFor(host: string, email: string): Promise<string | undefined> {
  const body = JSON.stringify({ query: print(SignInDocument), variables: { input: { username: email, password: PASSWORD } } });
  const headers = { host, origin: `https://${host}`, 'content-type': 'application/json', [SESSION_COOKIE_HEADER]: '1', 'x-api-key': API_KEY, 'content-length': String(Buffer.byteLength(body)) };
  return new Promise((resolve, reject) => {
    const req = request(t.url, { method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.headers['set-cookie']?.[0]));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the cookie continues the session, and signing out drops it and revokes its token', async () => {
  const { cookie, accessToken } = await signedInPage();
  const restored = await fromPage(RefreshSessionDocument, { input: { refreshToken: FROM_COOKIE } }, { cookie });
  expect(restored.data?.refreshSession?.tokens?.accessToken).toEqual(expect.any(String));
  expect(restored.data?.refreshSession?.tokens?.refreshToken ?? null).toBeNull();

  const signedOut = await fromPage(SignOutDocument, { input: { refreshToken: FROM_COOKIE } }, { cookie, authorization: `Bearer ${accessToken}` });
  expect(signedOut.data?.signOut).toBe(true);
  expect(signedOut.setCookie).toMatch(/^identity_session=; Max-Age=0;/);
  // The same cookie, kept by someone, is refused, and its answer drops it again.
  const refused = await fromPage(RefreshSessionDocument, { input: { refreshToken: FROM_COOKIE } }, { cookie });
  expect(errorCode(refused)).toBe('NOT_AUTHORIZED');
  expect(refused.setCookie).toMatch(/Max-Age=0/);
});

test.each([
  ['another origin', { origin: 'http://evil.example' }],
  ['a cross-site fetch', { 'sec-fetch-site': 'cross-site' }],
  ['no Origin', { origin: '' }],
  ['another header value', { [SESSION_COOKIE_HEADER]: 'yes' }],
])('cookie mode is refused from %s, before anything runs', async (_, headers) => {
  const { cookie } = await signedInPage();
  const refused = await fromPage(RefreshSessionDocument, { input: { refreshToken: FROM_COOKIE } }, { cookie, ...headers });
  expect(refused.status).toBe(403);
  expect(errorCode(refused)).toBe('FORBIDDEN');
  expect(refused.setCookie).toBeNull();
});

test('a cross-origin page cannot even send the header: the CORS preflight does not allow it', async () => {
  const preflight = await fetch(t.url, { method: 'OPTIONS', headers: { origin: 'http://evil.example', 'access-control-request-headers': SESSION_COOKIE_HEADER } });
  expect(preflight.headers.get('access-control-allow-headers')?.split(/,\s*/)).not.toContain(SESSION_COOKIE_HEADER);
});

test('without the header the cookie is not read, and other clients get their refresh token as before', async () => {
  const email = uniqueEmail('cookie-plain');
  await confirmedUser(t, email);
  const { cookie } = await signedInPage();
  const plain = await t.gql(SignInDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY, headers: { cookie } });
  expect(plain.data?.signIn?.tokens?.refreshToken).toEqual(expect.any(String));
  const ignored = await t.gql(RefreshSessionDocument, { input: { refreshToken: FROM_COOKIE } }, { apiKey: API_KEY, headers: { cookie } });
  expect(errorCode(ignored)).toBe('NOT_AUTHORIZED');
});

test('a visitor with no cookie is told so at once, and it costs no token budget', async () => {
  for (let visit = 0; visit < 6; visit++) {
    const answer = await fromPage(RefreshSessionDocument, { input: { refreshToken: FROM_COOKIE } });
    expect(answer.status).toBe(200);
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
  }
});
