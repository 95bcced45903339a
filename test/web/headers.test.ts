/**
 * What the API serves for the web app, over HTTP: every page, file and the config carry a
 * strict CSP and the security headers; pages hold no inline script and load nothing from
 * another origin; only built files are served; the API's own 404s stay as they were.
 */
import { API_KEY } from '../support/api';
import { startWebApi, WebApi } from './support/webApi';

let t: WebApi;
beforeAll(async () => {
  t = await startWebApi();
});
afterAll(() => t.stop());

const get = (path: string, accept = 'text/html') => fetch(`${t.origin}${path}`, { headers: { accept }, redirect: 'manual' });

/** The policy's directives, by name. */
function directives(csp: string | null): Map<string, string[]> {
  return new Map((csp ?? '').split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name, values]));
}

function expectSecurityHeaders(response: Response, playground = false): void {
  const csp = directives(response.headers.get('content-security-policy'));
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'none'"]);
  // Inline styles only where GraphiQL's editor needs them; never inline or evaluated script, nor another origin.
  expect(csp.get('style-src')).toEqual(playground ? ["'self'", "'unsafe-inline'"] : ["'self'"]);
  for (const values of csp.values()) for (const value of values) expect(value).toMatch(/^('self'|'none'|'unsafe-inline'|data:)$/);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
}

test.each(['/', '/sign-in', '/profile', '/admin/users/someone', '/admin/groups/a.b'])('the page %s is the app, with the strict policy and headers', async (path) => {
  const response = await get(path);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expectSecurityHeaders(response);
  const html = await response.text();
  // No inline script, and nothing from elsewhere.
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/\ssrc="\/assets\/[^"]+"/);
  for (const url of html.match(/(?:src|href)="([^"]+)"/g) ?? []) expect(url).toMatch(/="\/(?!\/)/);
});

test('the playground page has the policy with its one exception, and its files are served', async () => {
  const response = await get('/playground');
  expectSecurityHeaders(response, true);
  const html = await response.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets.length).toBeGreaterThan(1);
  for (const asset of assets) {
    const file = await get(asset, '*/*');
    expect(file.status).toBe(200);
    expect(file.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(file);
  }
});

test('/config.json names the API, the app key and the password rules, never cached', async () => {
  const response = await get('/config.json', 'application/json');
  expect(response.headers.get('cache-control')).toBe('no-store');
  expectSecurityHeaders(response);
  expect(await response.json()).toEqual({
    graphqlUrl: '/graphql',
    apiKey: API_KEY,
    playground: true,
    passwordPolicy: { minimumLength: 8, requireUppercase: true, requireLowercase: true, requireNumbers: true, requireSymbols: true },
  });
});

test('only built files are served: other paths are the API’s 404, whatever they try', async () => {
  for (const path of ['/assets/missing.js', '/%2e%2e/package.json', '/assets/..%2f..%2fpackage.json', '/index.html/..', '/src/main.tsx']) {
    const response = await get(path, '*/*');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ errors: [{ message: 'Not found. The API is at /graphql.' }] });
  }
  // The pages only by their routes, each with its own policy.
  expect((await get('/playground.html', '*/*')).status).toBe(404);
  expect((await get('/index.html', '*/*')).status).toBe(404);
  expect((await fetch(`${t.origin}/`, { method: 'POST' })).status).toBe(404);
});

test('HEAD answers the headers without a body', async () => {
  const response = await fetch(`${t.origin}/sign-in`, { method: 'HEAD', headers: { accept: 'text/html' } });
  expect(response.status).toBe(200);
  expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
  expect(await response.text()).toBe('');
});
