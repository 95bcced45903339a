/** The playground a developer opens in a browser: pre-filled in embedded mode, absent in production. */
import { API_KEY, startTestApi, TestApi } from '../support/api';

const page = (t: TestApi) => fetch(t.url, { headers: { accept: 'text/html' } });

describe('embedded development', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ playground: true });
  });
  afterAll(() => t.stop());

  test('serves the playground with the dev API key and a first operation filled in', async () => {
    const response = await page(t);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain(API_KEY);
    expect(html).toContain('signUp');
  });
});

describe('production', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ production: true, playground: false });
  });
  afterAll(() => t.stop());

  test('serves no playground and never shows a key', async () => {
    const response = await page(t);
    const body = await response.text();
    expect(body).not.toContain(API_KEY);
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });
});
