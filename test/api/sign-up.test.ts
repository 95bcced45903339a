/** signUp, confirmSignUp and resendSignUpCode, over HTTP with the app's API key. */
import { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmSignUpDocument, MeDocument, ResendSignUpCodeDocument, SignUpDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectCodeResent, expectError, expectMaskedEmail } from '../support/expect';
import { HOUR, messagesTo, PASSWORD, POLICY_TEXT, signIn, signInTokens, signUpUser, uniqueEmail, wrongCode, WEAK_PASSWORD } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const confirm = (username: string, code: string) => t.gql(ConfirmSignUpDocument, { input: { username, code } }, { apiKey: API_KEY });
const resend = (username: string) => t.gql(ResendSignUpCodeDocument, { input: { username } }, { apiKey: API_KEY });

describe('signUp', () => {
  test('registers an unconfirmed user and sends a code to the email', async () => {
    const email = uniqueEmail('signup');
    const response = await t.gql(
      SignUpDocument,
      { input: { username: email, password: PASSWORD, attributes: { name: 'Ada Lovelace', custom: JSON.stringify({ plan: 'pro' }) } } },
      { apiKey: API_KEY },
    );
    expect(response.errors).toBeUndefined();
    const result = response.data!.signUp!;
    expect(result.isSignUpComplete).toBe(false);
    expect(result.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
    expectMaskedEmail(result.nextStep.codeDeliveryDetails, email);
    expect(t.codeFor(email)).toMatch(/^\d{6}$/);

    // The attributes were kept: after confirming, `me` shows them.
    await confirm(email, t.codeFor(email));
    const { accessToken } = await signInTokens(t, email);
    const me = await t.gql(MeDocument, {}, { token: accessToken });
    expect(me.data?.me).toMatchObject({ sub: result.userId, email, name: 'Ada Lovelace', status: 'CONFIRMED' });
    expect(JSON.parse(me.data!.me!.customAttributes)).toEqual({ plan: 'pro' });
  });

  test('an unconfirmed user signing in gets the CONFIRM_SIGN_UP step, not an error', async () => {
    const email = uniqueEmail('unconfirmed');
    await signUpUser(t, email);
    const response = await signIn(t, email);
    expect(response.errors).toBeUndefined();
    expect(response.data?.signIn).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' }, tokens: null, session: null });
    // ...but only with the right password: a wrong one says nothing about the account.
    expectBadCredentials(await signIn(t, email, 'Wr0ng-Passw0rd!'));
  });

  test('an email that is already registered gets USERNAME_EXISTS', async () => {
    const email = uniqueEmail('taken');
    await signUpUser(t, email);
    const again = await t.gql(SignUpDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
    expectError(again, 'signUp', 'USERNAME_EXISTS');
    expect(messagesTo(t, email)).toBe(1);
  });

  test('a weak password gets INVALID_PASSWORD with the policy, and no user is created', async () => {
    const email = uniqueEmail('weak');
    const response = await t.gql(SignUpDocument, { input: { username: email, password: WEAK_PASSWORD } }, { apiKey: API_KEY });
    expectError(response, 'signUp', 'INVALID_PASSWORD', new RegExp(`^${POLICY_TEXT}`));
    expect(messagesTo(t, email)).toBe(0);
    // The address is still free.
    await expect(signUpUser(t, email)).resolves.toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('confirmSignUp', () => {
  test('confirms with the code: the user is CONFIRMED, verified, and signs in', async () => {
    const email = uniqueEmail('confirm');
    const sub = await signUpUser(t, email);
    const response = await confirm(email, t.codeFor(email));
    expect(response.errors).toBeUndefined();
    expect(response.data?.confirmSignUp).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });
    const signedIn = await signIn(t, email);
    expect(signedIn.data?.signIn?.nextStep.signInStep).toBe('DONE');
    const me = await t.gql(MeDocument, {}, { token: signedIn.data!.signIn!.tokens!.accessToken });
    expect(me.data?.me).toMatchObject({ sub, email, status: 'CONFIRMED', emailVerified: true });
  });

  test('a wrong code gets CODE_MISMATCH and leaves the user unconfirmed; the right code still works', async () => {
    const email = uniqueEmail('wrong-code');
    await signUpUser(t, email);
    const code = t.codeFor(email);
    expectError(await confirm(email, wrongCode(code)), 'confirmSignUp', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
    expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
    expect((await confirm(email, code)).data?.confirmSignUp?.isSignUpComplete).toBe(true);
  });

  test("a code cannot be used twice: a confirmed user gets the unknown user's answer, so existence does not show", async () => {
    const email = uniqueEmail('twice');
    await signUpUser(t, email);
    const code = t.codeFor(email);
    await confirm(email, code);
    expectError(await confirm(email, code), 'confirmSignUp', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
    expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('DONE');
  });

  test('an unknown user gets the answer a wrong code gets', async () => {
    expectError(await confirm(uniqueEmail('nobody'), '123456'), 'confirmSignUp', 'CODE_MISMATCH', 'Invalid verification code provided, please try again.');
  });
});

describe('resendSignUpCode', () => {
  test('sends a new code; the old one stops working and the new one confirms', async () => {
    const email = uniqueEmail('resend');
    await signUpUser(t, email);
    const first = t.codeFor(email);
    await expectCodeResent(t, email, first, await resend(email), confirm);
  });

  test('an unknown user gets a plausible delivery, and nothing is sent', async () => {
    const email = uniqueEmail('ghost');
    const response = await resend(email);
    expect(response.errors).toBeUndefined();
    expectMaskedEmail(response.data?.resendSignUpCode?.codeDeliveryDetails, email);
    expect(messagesTo(t, email)).toBe(0);
  });

  test("an already confirmed user gets the unknown user's plausible delivery, and no code is sent", async () => {
    const email = uniqueEmail('resend-confirmed');
    await signUpUser(t, email);
    await confirm(email, t.codeFor(email));
    const response = await resend(email);
    const unknown = await resend(uniqueEmail('resend-nobody'));
    expect(response.errors).toBeUndefined();
    expectMaskedEmail(response.data?.resendSignUpCode?.codeDeliveryDetails, email);
    // Both addresses start with "r" at example.com, so even the masks must be the same.
    expect(response.data).toEqual(unknown.data);
    expect(messagesTo(t, email)).toBe(1);
  });
});

// Last: it moves the engine's clock forward for the rest of this file.
describe('code expiry', () => {
  test('a sign-up code older than 24 hours gets CODE_EXPIRED; a resent code confirms', async () => {
    const email = uniqueEmail('expired');
    await signUpUser(t, email);
    const code = t.codeFor(email);
    clock.advance(24 * HOUR + 1000);
    expectError(await confirm(email, code), 'confirmSignUp', 'CODE_EXPIRED', 'Invalid code provided, please request a code again.');
    expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
    await resend(email);
    expect((await confirm(email, t.codeFor(email))).data?.confirmSignUp?.isSignUpComplete).toBe(true);
    expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('DONE');
  });
});
