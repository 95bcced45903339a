/**
 * The identity portal in a real browser, the way a user goes through it: registration with the
 * emailed code, sign-in, the secured profile, verifying a changed email, recovery, signing out
 * here and everywhere, and what a reload keeps. Codes come from the engine's outbox.
 */
import type { Browser, BrowserContext } from 'puppeteer-core';
import { RefreshSessionDocument } from '../generated/graphql';
import { API_KEY, errorCode } from '../support/api';
import { BAD_CREDENTIALS, confirmedUser, NEW_PASSWORD, PASSWORD, signIn, signUpUser, uniqueEmail } from '../support/users';
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

/** A fresh visitor: their own cookies. */
async function visitor(options?: Parameters<typeof WebPage.open>[2]): Promise<WebPage> {
  const context = await browser.createBrowserContext();
  contexts.push(context);
  return WebPage.open(context, t.origin, options);
}

async function signInAs(page: WebPage, email: string, password = PASSWORD): Promise<void> {
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: password });
  await page.click('Sign in');
  await page.waitForPath('/profile');
}

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

test('the profile opened directly without a session sends the visitor to sign-in, quickly', async () => {
  const page = await visitor();
  const ms = await page.goto('/profile');
  await page.waitForPath('/sign-in');
  expect(await page.mainText()).toContain('Please sign in to continue.');
  // From the embedded server on loopback: the page, its script and the config, well under a second.
  expect(ms).toBeLessThan(1000);
  expect(page.problems()).toEqual([]);
});

test('sign up, confirm with the emailed code, sign in, and verify a changed email on the profile', async () => {
  const email = uniqueEmail('portal');
  const page = await visitor();
  await page.goto('/sign-up');
  await page.fill('Email', email);
  await page.fill('Password', 'short');
  expect(await page.mainText()).toMatch(/At least 8 characters\s*\(not yet\)/);
  await page.fill('Password', PASSWORD);
  expect(await page.mainText()).not.toContain('(not yet)');
  await page.fill('Name', 'Ada Lovelace');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('sign-up');
  await page.click('Create account');

  await page.waitForPath('/confirm-sign-up');
  expect(await page.mainText()).toContain('We sent a code to');
  const first = t.codeFor(email);
  await page.click('Send a new code');
  await page.waitForText('We sent a new code to');
  const code = t.codeFor(email);
  expect(code).not.toBe(first);
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.fill('Confirmation code', code);
  await page.click('Confirm account');

  await page.waitForPath('/sign-in');
  await page.waitForText('Your account is confirmed.');
  await page.fill('Password', PASSWORD);
  await page.click('Sign in');
  await page.waitForPath('/profile');
  await page.waitForText(email);
  expect(await page.mainText()).toContain('Ada Lovelace');

  const changed = uniqueEmail('portal-new');
  await page.click('Edit details');
  await page.fill('Email', changed);
  await page.click('Save details');
  await page.waitForText('Verify your email address');
  await page.fill('Verification code', t.codeFor(changed));
  await page.click('Verify email address');
  await page.waitForText(`${changed} (verified)`);

  expect(await page.accessibilityViolations()).toEqual([]);
  await page.screenshot('profile');
  // No secret ever went into a URL: not the password, nor a code.
  for (const secret of [PASSWORD, code, t.codeFor(changed)]) expect(page.requested.filter((url) => url.includes(secret))).toEqual([]);
  expect(page.problems()).toEqual([]);
});

test('signing in to an unconfirmed account asks for its code first; a step the app does not know is said plainly', async () => {
  const email = uniqueEmail('portal-unconfirmed');
  await signUpUser(t, email);
  const page = await visitor();
  await page.goto('/');
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.goto('/sign-in');
  await page.fields({ Email: email, Password: PASSWORD });
  await page.click('Sign in');
  await page.waitForText('This account is not confirmed yet.');
  await page.fill('Confirmation code', t.codeFor(email));
  await page.click('Confirm account');
  await page.waitForText('Your account is confirmed. Sign in to continue.');
  expect(await page.value('Email')).toBe(email);

  // A newer API may answer a step this app has no screen for (a passkey step, say).
  await page.page.setRequestInterception(true);
  page.page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || !request.postData()?.includes('mutation SignIn')) return void request.continue();
    const answer = { data: { signIn: { isSignedIn: false, session: 's', nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_PASSKEY', missingAttributes: null, codeDeliveryDetails: null }, tokens: null } } };
    void request.respond({ status: 200, contentType: 'application/json', body: JSON.stringify(answer) });
  });
  await page.fill('Password', PASSWORD);
  await page.click('Sign in');
  expect(await page.alert()).toContain('This sign-in needs a step this app does not support yet (CONFIRM_SIGN_IN_WITH_PASSKEY).');
  await page.click('Back to sign-in');
  expect(await page.value('Email')).toBe(email);
  expect(page.problems()).toEqual([]);
});

test('a wrong password shows the API message and keeps the email but not the password, with the keyboard alone', async () => {
  const email = uniqueEmail('portal-wrong');
  await confirmedUser(t, email);
  const page = await visitor();
  await page.goto('/sign-in');
  await page.tabTo('Email');
  await page.page.keyboard.type(email);
  await page.tabTo('Password');
  await page.page.keyboard.type('Not-the-passw0rd');
  await page.page.keyboard.press('Enter');
  expect(await page.alert()).toContain(BAD_CREDENTIALS);
  expect(await page.value('Email')).toBe(email);
  expect(await page.value('Password')).toBe('');
  expect(page.path).toBe('/sign-in');
  expect(await page.accessibilityViolations()).toEqual([]);
  expect(page.problems()).toEqual([]);
});

test('forgot password: the emailed code sets a new password, which then signs in', async () => {
  const email = uniqueEmail('portal-forgot');
  await confirmedUser(t, email);
  const page = await visitor();
  await page.goto('/sign-in');
  await page.fill('Email', email);
  await page.click('Forgot your password?');
  await page.waitForPath('/forgot-password');
  expect(await page.value('Email')).toBe(email);
  await page.click('Send a reset code');
  await page.waitForText('Enter it with your new password.');
  await page.fill('Reset code', t.codeFor(email));
  await page.fill('New password', NEW_PASSWORD);
  expect(await page.accessibilityViolations()).toEqual([]);
  await page.click('Set new password');
  await page.waitForPath('/sign-in');
  await page.waitForText('Your password has been reset.');
  expect(await page.value('Email')).toBe(email);
  await page.fill('Password', NEW_PASSWORD);
  await page.click('Sign in');
  await page.waitForPath('/profile');
  expect(page.problems()).toEqual([]);
});

test('a reload keeps the session; nothing a script can read holds a token; the cookie is HttpOnly, SameSite=Strict and for /graphql only', async () => {
  const email = uniqueEmail('portal-reload');
  await confirmedUser(t, email);
  const page = await visitor();
  await signInAs(page, email);
  await page.reload();
  await page.waitForPath('/profile');
  await page.waitForText(email);

  const readable = await page.scriptReadable();
  expect(readable).toEqual({ cookie: '', localStorage: {}, sessionStorage: {} });
  const [cookie, ...others] = await page.page.browserContext().cookies();
  expect(others).toEqual([]);
  expect(cookie).toMatchObject({ name: 'identity_session', httpOnly: true, sameSite: 'Strict', path: '/graphql' });

  // Signing out of this device ends the session: the reload finds none, and the old token is refused.
  await page.clickInHeader('Sign out');
  await page.waitForPath('/sign-in');
  await page.waitForText('You have signed out.');
  expect(await page.page.browserContext().cookies()).toEqual([]);
  await page.goto('/profile');
  await page.waitForPath('/sign-in');
  const refused = await t.gql(RefreshSessionDocument, { input: { refreshToken: decodeURIComponent(cookie.value) } }, { apiKey: API_KEY });
  expect(errorCode(refused)).toBe('NOT_AUTHORIZED');
  expect(page.problems()).toEqual([]);
});

test('signing out everywhere ends the session in every browser: their secured page sends them to sign-in', async () => {
  const email = uniqueEmail('portal-everywhere');
  await confirmedUser(t, email);
  const [laptop, phone] = [await visitor(), await visitor({ viewport: { width: 390, height: 844 } })];
  await signInAs(laptop, email);
  await signInAs(phone, email);
  // Fits a phone: nothing wider than the screen.
  expect(await phone.page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
  await phone.screenshot('profile-phone');

  await laptop.click('Sign out everywhere');
  await laptop.waitForPath('/sign-in');
  await laptop.waitForText('You have signed out on every device.');
  await phone.reload();
  await phone.waitForPath('/sign-in');
  await laptop.goto('/profile');
  await laptop.waitForPath('/sign-in');
  expect([...laptop.problems(), ...phone.problems()]).toEqual([]);
});

test('changing the password carries this session on with the new tokens and ends the other one', async () => {
  const email = uniqueEmail('portal-password');
  await confirmedUser(t, email);
  const [here, elsewhere] = [await visitor(), await visitor()];
  await signInAs(here, email);
  await signInAs(elsewhere, email);
  await here.fields({ 'Current password': PASSWORD, 'New password': NEW_PASSWORD });
  await here.click('Change password');
  await here.waitForText('your other sessions have been signed out');
  expect(await here.value('New password')).toBe('');
  // This session's new tokens work, and so does its new refresh token (in the cookie) after a reload.
  await here.click('Edit details');
  await here.fill('Name', 'Grace');
  await here.click('Save details');
  await here.waitForText('Grace');
  await here.reload();
  await here.waitForPath('/profile');
  await elsewhere.reload();
  await elsewhere.waitForPath('/sign-in');
  expect([...here.problems(), ...elsewhere.problems()]).toEqual([]);
});

test('deleting the account asks first, then signs the user out for good', async () => {
  const email = uniqueEmail('portal-delete');
  await confirmedUser(t, email);
  const page = await visitor();
  await signInAs(page, email);
  await page.click('Delete my account');
  await page.waitForText('Delete your account for good?');
  await page.click('Yes, delete my account');
  await page.waitForPath('/');
  await page.waitForText('Your account has been deleted.');
  expect(errorCode(await signIn(t, email))).toBe('NOT_AUTHORIZED');
  await page.goto('/profile');
  await page.waitForPath('/sign-in');
  expect(page.problems()).toEqual([]);
});

describe('over a rate limit', () => {
  let strict: WebApi;
  beforeAll(async () => {
    const roomy = { perAccount: 1000, perIp: 1000, windowMs: 60_000 };
    strict = await startWebApi({ rateLimits: { password: { perAccount: 1, perIp: 1000, windowMs: 60_000 }, code: roomy, send: roomy, token: roomy } });
  });
  afterAll(() => strict.stop());

  test('the page says how long to wait, counting down', async () => {
    const email = uniqueEmail('portal-limited');
    await confirmedUser(strict, email);
    const context = await browser.createBrowserContext();
    contexts.push(context);
    const page = await WebPage.open(context, strict.origin);
    await page.goto('/sign-in');
    for (const attempt of [1, 2]) {
      await page.fields({ Email: email, Password: `Wrong-passw0rd-${attempt}` });
      await page.click('Sign in');
      await page.waitForText(attempt === 1 ? BAD_CREDENTIALS : 'Too many attempts.');
    }
    const alert = await page.alert();
    expect(alert).toMatch(/^Too many attempts\. Please try again in \d+ seconds\. Time left: \d+ s\.$/);
    await page.page.waitForFunction(`document.querySelector('[role="alert"]').innerText !== ${JSON.stringify(alert)}`);
    expect(page.problems()).toEqual([]);
  });
});
