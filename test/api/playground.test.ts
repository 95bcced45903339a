/**
 * The playground a developer opens in a browser: GraphiQL, served by the API itself (no CDN),
 * pre-filled in embedded mode, absent in production. Its browser behaviour (offline, the
 * sign-in helper) is tested in test/web/playground.test.ts.
 */
import { API_KEY, startTestApi, TestApi } from '../support/api';

const origin = (t: TestApi) => t.url.replace(/\/graphql$/, '');
const asBrowser = (url: string) => fetch(url, { headers: { accept: 'text/html' }, redirect: 'manual' });

describe('embedded development', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ playground: true });
  });
  afterAll(() => t.stop());

  test('the GraphQL URL, opened in a browser, leads to the playground', async () => {
    const response = await asBrowser(t.url);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/playground');
  });

  test('serves the playground, bundled here, with the dev API key and a first operation filled in', async () => {
    const response = await asBrowser(`${origin(t)}/playground`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    // No third-party script: everything the page loads is this server's.
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const src of scripts) expect(src).toMatch(/^\/assets\//);
    const bundle = await (await fetch(`${origin(t)}${scripts[0]}`)).text();
    expect(bundle).toContain('signUp(input:');
    // The key comes from the runtime config, not from the page (which has no inline script).
    expect(html).not.toContain(API_KEY);
    const config = (await (await fetch(`${origin(t)}/config.json`)).json()) as { apiKey: string; playground: boolean };
    expect(config).toMatchObject({ apiKey: API_KEY, playground: true });
  });
});

describe('production', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ production: true, playground: false });
  });
  afterAll(() => t.stop());

  test('serves no playground and never shows a key', async () => {
    for (const url of [t.url, `${origin(t)}/playground`, `${origin(t)}/config.json`, `${origin(t)}/`]) {
      const response = await asBrowser(url);
      const body = await response.text();
      expect(body).not.toContain(API_KEY);
      expect(response.status).not.toBe(302);
      expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    }
    expect((await asBrowser(`${origin(t)}/playground`)).status).toBe(404);
  });
});
