/** signIn and confirmSignIn: the sign-in state machine, over HTTP with the app's API key. */
import { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmSignInDocument, MeDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectError, expectRequestError } from '../support/expect';
import { adminCreatedUser, claimsOf, confirmedUser, HOUR, NEW_PASSWORD, POLICY_TEXT, signIn, uniqueEmail, WEAK_PASSWORD } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const TEMPORARY = 'Temp-Passw0rd!';
const confirmSignIn = (session: string, challengeResponse: string) =>
  t.gql(ConfirmSignInDocument, { input: { session, challengeResponse } }, { apiKey: API_KEY });

/**
 * An admin-created user's sign-in with the temporary password: parked at the new-password step.
 * Creates the user first unless `existing`. Returns the session.
 */
async function newPasswordStep(email: string, existing = false): Promise<string> {
  if (!existing) await adminCreatedUser(t, email, TEMPORARY);
  const response = await signIn(t, email, TEMPORARY);
  expect(response.errors).toBeUndefined();
  expect(response.data?.signIn).toMatchObject({
    isSignedIn: false,
    tokens: null,
    nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED', missingAttributes: [] },
  });
  const session = response.data!.signIn!.session;
  expect(session).toEqual(expect.any(String));
  return session!;
}

describe('signIn', () => {
  test('a confirmed user gets tokens that work on signed-in fields', async () => {
    const email = uniqueEmail('signin');
    const sub = await confirmedUser(t, email);
    const response = await signIn(t, email);
    expect(response.errors).toBeUndefined();
    const result = response.data!.signIn!;
    expect(result).toMatchObject({ isSignedIn: true, session: null, nextStep: { signInStep: 'DONE' } });
    const tokens = result.tokens!;
    expect(tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, refreshToken: expect.any(String) });
    expect(Math.abs(Date.parse(tokens.expiresAt) - (Date.now() + 3600_000))).toBeLessThan(60_000);
    expect(claimsOf(tokens.accessToken)).toMatchObject({ sub, token_use: 'access' });
    expect(claimsOf(tokens.idToken)).toMatchObject({ sub, email, token_use: 'id' });
    const me = await t.gql(MeDocument, {}, { token: tokens.accessToken });
    expect(me.data?.me).toMatchObject({ sub, email });
  });

  test('the email is matched without regard to case', async () => {
    const email = uniqueEmail('mixedcase');
    await confirmedUser(t, email);
    expect((await signIn(t, email.toUpperCase())).data?.signIn?.isSignedIn).toBe(true);
  });

  test('a wrong password gets NOT_AUTHORIZED "Incorrect username or password."', async () => {
    const email = uniqueEmail('wrong-password');
    await confirmedUser(t, email);
    expectBadCredentials(await signIn(t, email, 'Wr0ng-Passw0rd!'));
  });

  test('an unknown user gets exactly the answer a wrong password gets', async () => {
    const email = uniqueEmail('known');
    await confirmedUser(t, email);
    const wrongPassword = await signIn(t, email, 'Wr0ng-Passw0rd!');
    const unknownUser = await signIn(t, uniqueEmail('unknown'), 'Wr0ng-Passw0rd!');
    expectBadCredentials(unknownUser);
    expect(unknownUser).toEqual(wrongPassword);
  });

  test('after five wrong passwords even the right one is refused until the lock passes', async () => {
    const email = uniqueEmail('lockout');
    await confirmedUser(t, email);
    for (let i = 0; i < 5; i++) expectBadCredentials(await signIn(t, email, `Wr0ng-Passw0rd-${i}!`));
    expectError(await signIn(t, email), 'signIn', 'NOT_AUTHORIZED', 'Password attempts exceeded');
    clock.advance(2000); // the first lock lasts 2^0 seconds
    expect((await signIn(t, email)).data?.signIn?.isSignedIn).toBe(true);
  });
});

describe('confirmSignIn with a new password (admin-created user)', () => {
  test('the new password completes sign-in; the temporary one stops working', async () => {
    const email = uniqueEmail('invited');
    const session = await newPasswordStep(email);
    const response = await confirmSignIn(session, NEW_PASSWORD);
    expect(response.errors).toBeUndefined();
    const result = response.data!.confirmSignIn!;
    expect(result).toMatchObject({ isSignedIn: true, session: null, nextStep: { signInStep: 'DONE' } });
    expect(result.tokens).toMatchObject({ tokenType: 'Bearer', accessToken: expect.any(String), refreshToken: expect.any(String) });
    const me = await t.gql(MeDocument, {}, { token: result.tokens!.accessToken });
    expect(me.data?.me).toMatchObject({ email, status: 'CONFIRMED', emailVerified: true });
    expectBadCredentials(await signIn(t, email, TEMPORARY));
    expect((await signIn(t, email, NEW_PASSWORD)).data?.signIn?.isSignedIn).toBe(true);
  });

  test('a weak new password gets INVALID_PASSWORD, and the session can try again', async () => {
    const email = uniqueEmail('invited-weak');
    const session = await newPasswordStep(email);
    expectError(await confirmSignIn(session, WEAK_PASSWORD), 'confirmSignIn', 'INVALID_PASSWORD', new RegExp(`^${POLICY_TEXT}`));
    // Nothing changed: the temporary password still parks the user at the same step.
    await newPasswordStep(email, true);
    expect((await confirmSignIn(session, NEW_PASSWORD)).data?.confirmSignIn?.isSignedIn).toBe(true);
  });

  test('attributes sent with the new password are stored on the user', async () => {
    const email = uniqueEmail('invited-attributes');
    const session = await newPasswordStep(email);
    const input = { session, challengeResponse: NEW_PASSWORD, attributes: { givenName: 'Ada', custom: JSON.stringify({ plan: 'team' }) } };
    const response = await t.gql(ConfirmSignInDocument, { input }, { apiKey: API_KEY });
    const me = await t.gql(MeDocument, {}, { token: response.data!.confirmSignIn!.tokens!.accessToken });
    expect(me.data?.me).toMatchObject({ givenName: 'Ada', customAttributes: JSON.stringify({ plan: 'team' }) });
  });

  test('bad attributes are refused and change nothing: the session and the temporary password stay usable', async () => {
    const email = uniqueEmail('invited-bad-attributes');
    const session = await newPasswordStep(email);
    const refused: [Record<string, unknown>, RegExp][] = [
      [{ custom: JSON.stringify({ nosuch: 'x' }) }, /^Attributes did not conform to the schema/],
      [{ name: 'Ada\u0000' }, /^name contains control characters$/],
      [{ name: '' }, /^name must not be empty$/],
    ];
    for (const [attributes, message] of refused) {
      const response = await t.gql(ConfirmSignInDocument, { input: { session, challengeResponse: NEW_PASSWORD, attributes } }, { apiKey: API_KEY });
      expectError(response, 'confirmSignIn', 'BAD_USER_INPUT', message);
    }
    const invalidEmail = await t.gql(ConfirmSignInDocument, { input: { session, challengeResponse: NEW_PASSWORD, attributes: { email: 'nope' } } }, { apiKey: API_KEY });
    expectRequestError(invalidEmail, 'BAD_USER_INPUT', /\$input/);
    expectBadCredentials(await signIn(t, email, NEW_PASSWORD));
    await newPasswordStep(email, true);
    expect((await confirmSignIn(session, NEW_PASSWORD)).data?.confirmSignIn?.isSignedIn).toBe(true);
  });

  test('a garbage session gets SESSION_EXPIRED', async () => {
    const expired = 'The sign-in session is invalid or has expired. Please sign in again.';
    expectError(await confirmSignIn('not-a-session', NEW_PASSWORD), 'confirmSignIn', 'SESSION_EXPIRED', expired);
    // Well-formed on the outside, but not a session the engine issued.
    const forged = Buffer.from(JSON.stringify(['someone@example.com', 'NEW_PASSWORD_REQUIRED', 'forged'])).toString('base64url');
    expectError(await confirmSignIn(forged, NEW_PASSWORD), 'confirmSignIn', 'SESSION_EXPIRED', expired);
  });

  test('a used session cannot be replayed', async () => {
    const email = uniqueEmail('invited-replay');
    const session = await newPasswordStep(email);
    expect((await confirmSignIn(session, NEW_PASSWORD)).data?.confirmSignIn?.isSignedIn).toBe(true);
    expectError(await confirmSignIn(session, 'An0ther-Passw0rd!'), 'confirmSignIn', 'SESSION_EXPIRED');
    expect((await signIn(t, email, NEW_PASSWORD)).data?.signIn?.isSignedIn).toBe(true);
  });

  test('a session older than three minutes gets SESSION_EXPIRED and changes nothing', async () => {
    const email = uniqueEmail('invited-late');
    const session = await newPasswordStep(email);
    clock.advance(3 * 60_000 + 1000);
    expectError(await confirmSignIn(session, NEW_PASSWORD), 'confirmSignIn', 'SESSION_EXPIRED');
    expectBadCredentials(await signIn(t, email, NEW_PASSWORD));
    const again = await newPasswordStep(email, true);
    expect((await confirmSignIn(again, NEW_PASSWORD)).data?.confirmSignIn?.isSignedIn).toBe(true);
  });
});

// Last: it moves the engine's clock forward for the rest of this file.
test('an expired temporary password is refused with Cognito\'s message, not a new-password step', async () => {
  const email = uniqueEmail('invited-stale');
  await adminCreatedUser(t, email, TEMPORARY);
  clock.advance(8 * 24 * HOUR); // TemporaryPasswordValidityDays is 7
  const response = await signIn(t, email, TEMPORARY);
  expectError(response, 'signIn', 'NOT_AUTHORIZED', 'Temporary password has expired and must be reset by an administrator.');
});
