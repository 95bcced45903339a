/**
 * Choosing the second factor in a real browser: a user with an authenticator app and email codes
 * on, neither preferred, is asked which to use; each choice leads to its code.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { ManualClock } from '../../src/local/cognito/clock';
import { UpdateMfaPreferenceDocument } from '../generated/graphql';
import { nextTotp, userWithTotp } from '../support/mfa';
import { PASSWORD } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

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

test('with two factors and neither preferred, the user picks one: email, then the authenticator app', async () => {
  const user = await userWithTotp(t, 'web-mfa-select', clock);
  const changed = await t.gql(UpdateMfaPreferenceDocument, { input: { email: 'ENABLED' } }, { token: user.accessToken });
  expect(changed.data?.updateMfaPreference?.mfaPreference.preferred).toBeNull();
  const page = await WebPage.open(context, t.origin);

  const start = async () => {
    await page.goto('/sign-in');
    await page.fields({ Email: user.email, Password: PASSWORD });
    await page.click('Sign in');
    await page.waitForText('How do you want to confirm it is you?');
  };
  await start();
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-in-mfa-selection');
  await page.click('Code by email');
  await page.waitForText('We sent a code by email to');
  await page.fill('Code', t.codeFor(user.email));
  await page.click('Continue');
  await page.waitForText('Remember this browser?');
  await page.click('Not now');
  await page.waitForPath('/profile');
  await page.waitForText('Authenticator app, Code by email');

  await page.click('Sign out on this device');
  await page.waitForPath('/sign-in');
  await start();
  await page.click('Authenticator app');
  await page.waitForText('Enter the 6-digit code from your authenticator app.');
  await page.fill('Code', nextTotp(user.secret, clock));
  await page.click('Continue');
  await page.waitForText('Remember this browser?');
  expect(page.problems()).toEqual([]);
});
