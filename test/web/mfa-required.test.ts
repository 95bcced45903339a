/**
 * A pool with MFA ON (test/fixtures/user-pool-mfa-on.json) in a real browser: a user without a
 * factor sets an authenticator app up while signing in, from the QR code and key the page shows
 * (the code computed here from that key), and is signed in.
 */
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { ManualClock } from '../../src/local/cognito/clock';
import { nextTotp } from '../support/mfa';
import { confirmedUser, PASSWORD, uniqueEmail } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

const clock = new ManualClock(Date.now());
let t: WebApi;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi({ clock, poolFile: join(__dirname, '..', 'fixtures', 'user-pool-mfa-on.json') }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test('MFA ON: the first sign-in sets up an authenticator app from the QR code shown, then signs in', async () => {
  const email = uniqueEmail('web-mfa-on');
  await confirmedUser(t, email);
  const page = await WebPage.open(await browser.createBrowserContext(), t.origin);
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: PASSWORD });
  await page.click('Sign in');
  await page.waitForText('This account needs an authenticator app');
  await page.page.waitForSelector('.totp-setup img');
  expect(await page.page.$eval('.totp-setup img', (img) => img.getAttribute('src') ?? '')).toMatch(/^data:image\/png;base64,/);
  const secret = (await page.page.$eval('code.secret', (code) => code.textContent ?? '')).trim();
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-in-totp-setup');
  await page.fill('Code from the app', nextTotp(secret, clock));
  await page.click('Finish setup and sign in');
  await page.waitForText('Remember this browser?');
  await page.click('Not now');
  await page.waitForPath('/profile');
  await page.waitForText('Authenticator app');
  expect(page.requested.filter((url) => url.includes(secret))).toEqual([]);
  expect(page.problems()).toEqual([]);
});
