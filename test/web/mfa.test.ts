/**
 * Two-step verification in a real browser: an authenticator app set up on the profile (its QR
 * code drawn by the page, its secret read off the page and the codes computed here, RFC 6238,
 * on the engine's clock), then signing in with its code, remembering the browser, signing in
 * again without the second step, and forgetting the device to bring the step back.
 */
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'puppeteer-core';
import { ManualClock } from '../../src/local/cognito/clock';
import { nextTotp } from '../support/mfa';
import { confirmedUser, PASSWORD, uniqueEmail } from '../support/users';
import { ARTIFACTS, launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(90_000);

const clock = new ManualClock(Date.now());
let t: WebApi;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi({ clock }), launchBrowser()]);
  context = await browser.createBrowserContext();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function signInWithPassword(page: WebPage, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: PASSWORD });
  await page.click('Sign in');
}

/** What this origin's IndexedDB holds for remembered devices (web/src/signin/deviceStore.ts). */
const storedDevices = (page: WebPage) =>
  page.page.evaluate(`new Promise((resolve, reject) => {
    const request = indexedDB.open('identity', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('devices', { keyPath: 'username' });
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const all = request.result.transaction('devices', 'readonly').objectStore('devices').getAll();
      all.onsuccess = () => resolve(all.result);
      all.onerror = () => reject(all.error);
    };
  })`) as Promise<{ username: string; key: string; groupKey: string; secret: string }[]>;

test('set up an authenticator app, sign in with its code, remember the browser, then sign in without the second step; forgetting it brings the step back', async () => {
  const email = uniqueEmail('web-totp');
  await confirmedUser(t, email);
  const page = await WebPage.open(context, t.origin);
  await signInWithPassword(page, email);
  await page.waitForPath('/profile');
  await page.waitForText('Turned on');
  expect(await page.mainText()).toMatch(/Turned on\s*Off/);

  await page.click('Set up an authenticator app');
  await page.page.waitForSelector('.totp-setup img');
  const qr = await page.page.$eval('.totp-setup img', (img) => img.getAttribute('src') ?? '');
  expect(qr).toMatch(/^data:image\/png;base64,/);
  const secret = (await page.page.$eval('code.secret', (code) => code.textContent ?? '')).trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.fill('Code from the app', nextTotp(secret, clock));
  await page.click('Turn on the authenticator app');
  await page.waitForText('The authenticator app is on');
  expect(await page.mainText()).toMatch(/Turned on\s*Authenticator app/);
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('profile-mfa');
  // The section alone at a phone's width (the README's picture is made from it).
  await page.page.setViewport({ width: 390, height: 844 });
  const section = await page.page.$('section[aria-labelledby="mfa-title"]');
  await section!.screenshot({ path: join(ARTIFACTS, 'profile-mfa-phone.png') as `${string}.png` });
  await page.page.setViewport({ width: 1280, height: 900 });

  await page.click('Sign out on this device');
  await page.waitForPath('/sign-in');
  await signInWithPassword(page, email);
  await page.waitForText('Enter the 6-digit code from your authenticator app.');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-in-totp');
  await page.fill('Code', nextTotp(secret, clock));
  await page.click('Continue');
  await page.waitForText('Remember this browser?');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-in-remember');
  await page.click('Remember this browser');
  await page.waitForPath('/profile');

  // Kept in IndexedDB for this account; nothing in storage a token could hide in.
  const [stored] = await storedDevices(page);
  expect(stored).toEqual(expect.objectContaining({ username: email, key: expect.stringMatching(/_/), groupKey: expect.any(String), secret: expect.any(String) }));
  const readable = await page.scriptReadable();
  expect(readable).toEqual({ cookie: '', localStorage: {}, sessionStorage: {} });
  await page.waitForText('This browser');
  const devices = await page.page.$eval('[aria-label="Your devices"]', (table) => table.textContent ?? '');
  expect(devices).toMatch(/This browser[\s\S]*Yes/);

  // Again: the remembered browser skips the code.
  await page.click('Sign out on this device');
  await page.waitForPath('/sign-in');
  await signInWithPassword(page, email);
  await page.waitForPath('/profile');

  // Forgotten on the profile: the record goes, and the code is asked again.
  await page.waitForText('This browser');
  await page.page.locator(`::-p-xpath(//main//*[@aria-label="Your devices"]//tr[.//*[normalize-space(.)="This browser"]]//button)`).click();
  await page.waitForText('The device is forgotten');
  expect(await storedDevices(page)).toEqual([]);
  await page.click('Sign out on this device');
  await page.waitForPath('/sign-in');
  await signInWithPassword(page, email);
  await page.waitForText('Enter the 6-digit code from your authenticator app.');
  for (const value of [PASSWORD, secret, stored.secret]) expect(page.requested.filter((url) => url.includes(value))).toEqual([]);
  expect(page.problems()).toEqual([]);
});

test('a change to the factors long after signing in asks for the current password, and a wrong one changes nothing', async () => {
  const email = uniqueEmail('web-reauth');
  await confirmedUser(t, email);
  const page = await WebPage.open(await browser.createBrowserContext(), t.origin);
  // Signed in ten minutes ago, on the engine's clock.
  clock.advance(-10 * 60_000);
  try {
    await signInWithPassword(page, email);
    await page.waitForPath('/profile');
  } finally {
    clock.advance(10 * 60_000);
  }
  await page.click('Turn on code by email');
  await page.waitForText('confirm your password to change two-step verification');
  expect(await page.alert()).toContain('needs a sign-in in the last 5 minutes');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.fill('Your current password', 'Wr0ng-Passw0rd!');
  await page.click('Turn on code by email');
  await page.waitForText('The current password is not correct.');
  expect(await page.value('Your current password')).toBe('');
  expect(await page.mainText()).toMatch(/Turned on\s*Off/);
  await page.fill('Your current password', PASSWORD);
  await page.click('Turn on code by email');
  await page.waitForText('Codes by email are on');
  expect(await page.mainText()).toMatch(/Turned on\s*Code by email/);
  expect(page.problems()).toEqual([]);
});
