/**
 * The admin's view of a user's second factors, devices and sessions in a real browser, and what
 * the admin can do about them: forget a device, and turn MFA off (a lost phone), after which the
 * user signs in with the password alone.
 */
import type { Browser } from 'puppeteer-core';
import { ManualClock } from '../../src/local/cognito/clock';
import { ADMIN_EMAIL, ADMIN_PASSWORD } from '../support/api';
import { signInWith, signInWithTotp, userWithTotp } from '../support/mfa';
import { PASSWORD } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

const clock = new ManualClock(Date.now());
let t: WebApi;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi({ clock }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

test("an admin sees a user's factors, devices and sessions, forgets a device and turns MFA off", async () => {
  const user = await userWithTotp(t, 'web-admin-mfa', clock);
  const signedIn = await signInWithTotp(t, user, clock, { deviceName: 'Firefox on Linux' });
  expect(signedIn.data?.confirmSignIn?.newDevice).toBeTruthy();

  const admin = await WebPage.open(await browser.createBrowserContext(), t.origin);
  await admin.goto('/sign-in');
  await admin.fields({ Email: ADMIN_EMAIL, Password: ADMIN_PASSWORD });
  await admin.click('Sign in');
  await admin.waitForPath('/profile');
  await admin.goto(`/admin/users/${encodeURIComponent(user.email)}`);
  await admin.waitForText('Security events');
  const text = await admin.mainText();
  expect(text).toMatch(/Turned on\s*Authenticator app/);
  expect(text).toContain('Firefox on Linux');
  const sessions = await admin.page.$$eval('[aria-label="The user\'s sessions"] tbody tr', (rows) => rows.length);
  expect(sessions).toBe(2);
  expect(await admin.accessibilityViolations()).toEqual([]);
  await admin.screenshot('admin-user-security');

  await admin.page.locator('::-p-xpath(//main//*[@aria-label="The user\'s devices"]//tr[contains(., "Firefox on Linux")]//button)').click();
  await admin.waitForText('The device is forgotten');
  await admin.waitForNoText('Firefox on Linux');

  await admin.click('Turn off two-step verification');
  await admin.click('Yes, turn it off');
  await admin.waitForText('Two-step verification is off for this user');
  expect(await admin.mainText()).toMatch(/Turned on\s*Off/);
  expect(await admin.mainText()).toContain('An administrator acted');

  const after = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(after.data?.signIn?.nextStep.signInStep).toBe('DONE');
  expect(admin.problems()).toEqual([]);
});
