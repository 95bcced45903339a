/**
 * Signing in with an emailed code in a real browser: without the password (USER_AUTH with
 * EMAIL_OTP), and as the second step of a user with email codes on, where the browser may be
 * remembered or not. Codes come from the engine's outbox.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { userWithEmailMfa } from '../support/mfa';
import { confirmedUser, PASSWORD, uniqueEmail } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

let t: WebApi;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

async function visitor(): Promise<WebPage> {
  const context = await browser.createBrowserContext();
  contexts.push(context);
  return WebPage.open(context, t.origin);
}

test('sign in without the password: a code to the email address, then the profile', async () => {
  const email = uniqueEmail('web-passwordless');
  await confirmedUser(t, email);
  const page = await visitor();
  await page.goto('/sign-in');
  await page.fill('Email', email);
  await page.click('Email me a sign-in code');
  await page.waitForText('We sent a code by email to');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-in-email-code');
  const code = t.codeFor(email);
  await page.fill('Code', '000000' === code ? '111111' : '000000');
  await page.click('Continue');
  expect(await page.alert()).toMatch(/code/i);
  expect(await page.value('Code')).toBe('');
  await page.fill('Code', code);
  await page.click('Continue');
  await page.waitForPath('/profile');
  await page.waitForText(email);
  expect(page.requested.filter((url) => url.includes(code))).toEqual([]);
  expect(page.problems()).toEqual([]);
});

test('the choices of a code-or-password sign-in: the password, chosen, then asked for', async () => {
  const email = uniqueEmail('web-first-factor');
  await confirmedUser(t, email);
  const page = await visitor();
  await page.goto('/sign-in');
  await page.fill('Email', email);
  await page.click('Other ways to sign in');
  await page.waitForText('How do you want to sign in?');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.click('Password');
  await page.fill('Password', PASSWORD);
  await page.click('Sign in');
  await page.waitForPath('/profile');
  expect(page.problems()).toEqual([]);
});

test('email codes as the second step: the code, then "Not now" keeps nothing in the browser', async () => {
  const user = await userWithEmailMfa(t, 'web-email-mfa');
  const page = await visitor();
  await page.goto('/sign-in');
  await page.fields({ Email: user.email, Password: PASSWORD });
  await page.click('Sign in');
  await page.waitForText('We sent a code by email to');
  await page.fill('Code', t.codeFor(user.email));
  await page.click('Continue');
  await page.waitForText('Remember this browser?');
  await page.click('Not now');
  await page.waitForPath('/profile');
  const stored = `new Promise((resolve) => {
    const request = indexedDB.open('identity', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('devices', { keyPath: 'username' });
    request.onsuccess = () => {
      const all = request.result.transaction('devices', 'readonly').objectStore('devices').getAll();
      all.onsuccess = () => resolve(all.result);
    };
  })`;
  expect(await page.page.evaluate(stored)).toEqual([]);
  expect(page.problems()).toEqual([]);
});
