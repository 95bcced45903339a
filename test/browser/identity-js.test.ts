/**
 * amazon-cognito-identity-js's browser bundle (dist/amazon-cognito-identity.min.js) in headless
 * Chromium, on a page served from another origin than the engine: sign-up, confirmation, the
 * default SRP sign-in and reading attributes, each a cross-origin call that needs the engine's CORS
 * answers. One browser for the file.
 */
import chromium from '@sparticuz/chromium';
import { createServer, Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import puppeteer, { Browser, Page } from 'puppeteer-core';
import { App, createApp, latestCode, PASSWORD, uniqueEmail, useEngine } from '../support/cognito';

jest.setTimeout(60_000);

const ctx = useEngine();
const BUNDLE = readFileSync(join(require.resolve('amazon-cognito-identity-js/package.json'), '..', 'dist', 'amazon-cognito-identity.min.js'));
const PAGE = readFileSync(join(__dirname, 'page.html'));

let site: Server;
let siteOrigin: string;
let browser: Browser;
let page: Page;
let app: App;

beforeAll(async () => {
  site = createServer((req, res) => {
    const file = req.url?.startsWith('/amazon-cognito-identity.min.js') ? BUNDLE : req.url?.startsWith('/?') || req.url === '/' ? PAGE : undefined;
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': file === BUNDLE ? 'text/javascript' : 'text/html' }).end(file);
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  // @sparticuz/chromium turns web security off by default; this test needs the browser to enforce CORS.
  const args = chromium.args.filter((arg) => arg !== '--disable-web-security');
  browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args, headless: true });
  page = await browser.newPage();
  app = await createApp(ctx.t, {}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  const query = new URLSearchParams({ endpoint: ctx.t.engine.endpoint, pool: app.poolId, client: app.clientId });
  await page.goto(`${siteOrigin}/?${query}`);
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => site?.close(resolve));
});

/** Runs one of the page's functions (window.cognitoTest) with JSON arguments. */
const inPage = <T>(name: string, ...args: unknown[]): Promise<T> =>
  page.evaluate(`window.cognitoTest.${name}(...${JSON.stringify(args)})`) as Promise<T>;

test('the page is on another origin than the engine, and the browser enforces CORS', async () => {
  expect(new URL(siteOrigin).origin).not.toBe(new URL(ctx.t.engine.endpoint).origin);
  // A cross-origin request to a server that grants no CORS (the page's own site, asked from elsewhere) fails.
  const blocked = await page.evaluate(`fetch('http://localhost:${new URL(siteOrigin).port}/', { headers: { 'x-amz-target': 'x' } }).then(() => 'allowed', () => 'blocked')`);
  expect(blocked).toBe('blocked');
});

test('signs up, confirms, signs in with SRP and reads its attributes, all from the browser', async () => {
  const email = uniqueEmail('browser');
  const sub = await inPage<string>('signUp', email, PASSWORD);
  expect(sub).toMatch(/^[0-9a-f-]{36}$/);
  await inPage('confirm', email, latestCode(app, email));
  const seen: string[] = [];
  const stop = ctx.t.engine.observe((operation) => seen.push(operation));
  await expect(inPage<string>('signIn', email, PASSWORD)).resolves.toBe(sub);
  stop();
  expect(seen).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  await expect(inPage<Record<string, string>>('attributes')).resolves.toMatchObject({ email, email_verified: 'true', sub });
});

test('a wrong password comes back as the wrong-password answer, readable across origins', async () => {
  const email = uniqueEmail('browser');
  await inPage('signUp', email, PASSWORD);
  await inPage('confirm', email, latestCode(app, email));
  await expect(inPage('signIn', email, 'Wrong-password-1')).rejects.toThrow('NotAuthorizedException: Incorrect username or password.');
});
