/**
 * The playground in a real browser with the network cut off (every request that is not to this
 * machine is refused): GraphiQL loads from the API itself, opens with the dev key, runs a
 * query, and its Sign in panel puts an access token in Authorization so that `me` answers.
 */
import type { Browser } from 'puppeteer-core';
import { API_KEY } from '../support/api';
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

/** Runs the active tab's operation and waits for its answer to show `expected`. */
async function run(page: WebPage, expected: string): Promise<void> {
  await page.page.locator('.graphiql-execute-button').click();
  await page.waitForText(expected);
}

test('offline, the playground loads, runs a query, and its sign-in helper makes `me` answer', async () => {
  const email = uniqueEmail('playground');
  await confirmedUser(t, email);
  const page = await WebPage.open(await browser.createBrowserContext(), t.origin, { offline: true });
  await page.goto('/playground', '.graphiql-container .monaco-editor');
  await page.waitForText('x-api-key');
  await page.waitForText(API_KEY);
  // GraphiQL's own markup included (see web/src/playground/tabRoles.ts and playground.css).
  expect(await page.accessibilityViolations()).toEqual([]);

  // The first operation, as it opens: a sign-up, sent with the dev key from the headers.
  await run(page, '"isSignUpComplete"');

  await page.fields({ Email: email, Password: PASSWORD });
  await page.page.locator('::-p-xpath(//div[contains(@class, "panel")]//button[normalize-space(.)="Sign in"])').click();
  await page.waitForText(`Signed in as ${email}`);
  await page.waitForText('"Authorization": "Bearer ');

  await page.page.locator('::-p-xpath(//button[@aria-label="Show Examples"])').click();
  await page.page.locator('::-p-xpath(//ul[@class="examples"]//button[normalize-space(.)="Who am I?"])').click();
  await page.waitForText('query Me');
  await run(page, '"me": {');
  await page.waitForText(`"${email}"`);

  expect(await page.scriptReadable()).toEqual({ cookie: '', localStorage: {}, sessionStorage: {} });
  await page.screenshot('playground');
  expect(page.blocked).toEqual([]);
  expect(page.problems()).toEqual([]);
});
