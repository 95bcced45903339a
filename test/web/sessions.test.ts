/**
 * The profile's sessions in a real browser: each sign-in listed with its device, address and
 * times, this one marked; ending another stops it at once (its browser goes to sign-in), and
 * this one carries on.
 */
import type { Browser } from 'puppeteer-core';
import { confirmedUser, PASSWORD, uniqueEmail } from '../support/users';
import { launchBrowser, WebPage } from './support/browser';
import { startWebApi, WebApi } from './support/webApi';

jest.setTimeout(60_000);

let t: WebApi;
let browser: Browser;

beforeAll(async () => {
  [t, browser] = await Promise.all([startWebApi(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

async function signedIn(email: string): Promise<WebPage> {
  const page = await WebPage.open(await browser.createBrowserContext(), t.origin);
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: PASSWORD });
  await page.click('Sign in');
  await page.waitForPath('/profile');
  return page;
}

const sessionRows = (page: WebPage) => page.page.$$eval('[aria-label="Your sessions"] tbody tr', (rows) => rows.map((row) => row.textContent ?? ''));

test('the sessions list marks this one; ending the other signs that browser out and keeps this one', async () => {
  const email = uniqueEmail('web-sessions');
  await confirmedUser(t, email);
  const other = await signedIn(email);
  const here = await signedIn(email);
  await here.waitForText('This session');
  const rows = await sessionRows(here);
  expect(rows).toHaveLength(2);
  expect(rows.filter((row) => row.includes('This session'))).toHaveLength(1);
  for (const row of rows) expect(row).toContain('127.0.0.1');
  expect(await here.accessibilityViolations()).toEqual([]);
  await here.screenshot('profile-sessions');

  await here.click('End');
  await here.waitForText('The session has ended.');
  expect(await sessionRows(here)).toEqual([expect.stringContaining('This session')]);

  // The other browser's next page load finds its session over.
  await other.reload();
  await other.waitForPath('/sign-in');
  // This one still works.
  await here.reload();
  await here.waitForText('This session');
  expect(here.path).toBe('/profile');
  expect([...here.problems(), ...other.problems()]).toEqual([]);
});
