/**
 * Bad input to the public operations: empty, oversized and malformed strings, bad emails and
 * attribute names, unknown fields. Each gets a clear error with a stable code, and nothing
 * changes: no user, no message, the password and codes as they were.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as ops from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectError, expectRequestError } from '../support/expect';
import { chars, confirmedUser, messagesTo, NEW_PASSWORD, PASSWORD, signedUpUser, signIn, signUpUser, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const key = { apiKey: API_KEY };
const longEmail = `${chars(117)}@example.com`; // 129 characters
const signUp = (input: ops.SignUpInput) => t.gql(ops.SignUpDocument, { input }, key);
const BIRTHDATE = /^birthdate must be a real date, YYYY-MM-DD \(or 0000-MM-DD without the year\)$/;

describe('signUp', () => {
  const cases: [string, (email: string) => unknown, RegExp][] = [
    ['an empty username', () => ({ username: '', password: PASSWORD }), /^username must not be empty$/],
    ['a 129-character username', () => ({ username: longEmail, password: PASSWORD }), /^username must be at most 128 characters$/],
    ['a username with spaces', (email) => ({ username: ` ${email}`, password: PASSWORD }), /^username must not contain spaces$/],
    ['a username with a control character', (email) => ({ username: `${email}\u0000`, password: PASSWORD }), /^username contains control characters$/],
    ['an empty password', (email) => ({ username: email, password: '' }), /^password must not be empty$/],
    ['a 257-character password', (email) => ({ username: email, password: `Aa1!${chars(253)}` }), /^password must be at most 256 characters$/],
    ['a password that begins with a space', (email) => ({ username: email, password: ` ${PASSWORD}` }), /^password must not begin or end with a space$/],
    ['a password that ends with a space', (email) => ({ username: email, password: `${PASSWORD} ` }), /^password must not begin or end with a space$/],
    ['a password with a control character', (email) => ({ username: email, password: `${PASSWORD}\u0000x` }), /^password contains control characters$/],
    ['a username that is not an email', () => ({ username: 'ada_lovelace', password: PASSWORD }), /^Username should be an email\.$/],
    ['an empty attribute', (email) => ({ username: email, password: PASSWORD, attributes: { name: '' } }), /^name must not be empty$/],
    ['an attribute with a control character', (email) => ({ username: email, password: PASSWORD, attributes: { name: 'Ada\u0007' } }), /^name contains control characters$/],
    ['a custom attribute with a control character', (email) => ({ username: email, password: PASSWORD, attributes: { custom: JSON.stringify({ plan: 'pro\u001b' }) } }), /^custom\.plan contains control characters$/],
    ['a 2049-character attribute', (email) => ({ username: email, password: PASSWORD, attributes: { name: chars(2049) } }), /^name must be at most 2048 characters$/],
    ['a 2049-character custom attribute', (email) => ({ username: email, password: PASSWORD, attributes: { custom: JSON.stringify({ plan: chars(2049) }) } }), /^custom\.plan must be at most 2048 characters$/],
    ['a custom attribute with a bad name', (email) => ({ username: email, password: PASSWORD, attributes: { custom: JSON.stringify({ 'bad-name!': 'x' }) } }), /^Unknown custom attribute name "bad-name!"$/],
    ['a custom attribute the pool does not have', (email) => ({ username: email, password: PASSWORD, attributes: { custom: JSON.stringify({ nosuch: 'x' }) } }), /^Attributes did not conform to the schema: custom:nosuch: Attribute does not exist in the schema\.$/],
    ['a custom attribute that is not a string', (email) => ({ username: email, password: PASSWORD, attributes: { custom: JSON.stringify({ plan: 3 }) } }), /^custom\.plan must be a string$/],
    ['custom attributes that are not an object', (email) => ({ username: email, password: PASSWORD, attributes: { custom: '["plan"]' } }), /^custom must be a JSON object of strings$/],
    ['a birthdate that is not YYYY-MM-DD', (email) => ({ username: email, password: PASSWORD, attributes: { birthdate: '1 May 1990' } }), BIRTHDATE],
    ['a birthdate with a 13th month', (email) => ({ username: email, password: PASSWORD, attributes: { birthdate: '1990-13-01' } }), BIRTHDATE],
    ['a birthdate of 30 February', (email) => ({ username: email, password: PASSWORD, attributes: { birthdate: '1990-02-30' } }), BIRTHDATE],
    ['a birthdate of 29 February in a common year', (email) => ({ username: email, password: PASSWORD, attributes: { birthdate: '1900-02-29' } }), BIRTHDATE],
    ['a name with a bidi override', (email) => ({ username: email, password: PASSWORD, attributes: { name: '\u202egnp.exe' } }), /^name contains bidirectional control characters$/],
    ['a nickname with a bidi isolate', (email) => ({ username: email, password: PASSWORD, attributes: { nickname: 'Ada\u2067x\u2069' } }), /^nickname contains bidirectional control characters$/],
    ['a username with a bidi override', (email) => ({ username: `\u202d${email}`, password: PASSWORD }), /^username contains bidirectional control characters$/],
    ['an email attribute other than the username (the pool signs in with email)', (email) => ({ username: email, password: PASSWORD, attributes: { email: `other-${email}` } }), /^email must be the username in this pool/],
  ];

  test.each(cases)('%s gets BAD_USER_INPUT and creates nobody', async (_, input, message) => {
    const email = uniqueEmail('bad-signup');
    expectError(await signUp(input(email) as ops.SignUpInput), 'signUp', 'BAD_USER_INPUT', message);
    expect(messagesTo(t, email)).toBe(0);
    expectBadCredentials(await signIn(t, email));
  });

  const invalidVariables: [string, (email: string) => unknown][] = [
    ['an invalid email attribute (AWSEmail)', (email) => ({ username: email, password: PASSWORD, attributes: { email: 'not-an-email' } })],
    ['an invalid phone number (AWSPhone)', (email) => ({ username: email, password: PASSWORD, attributes: { phoneNumber: '555-0123' } })],
    ['custom attributes that are not JSON (AWSJSON)', (email) => ({ username: email, password: PASSWORD, attributes: { custom: '{plan:' } })],
    ['an unknown input field', (email) => ({ username: email, password: PASSWORD, admin: true })],
    ['an unknown attribute name', (email) => ({ username: email, password: PASSWORD, attributes: { 'custom:plan': 'pro' } })],
    ['a missing password', (email) => ({ username: email })],
  ];

  test.each(invalidVariables)('%s is refused before execution with BAD_USER_INPUT', async (_, input) => {
    const email = uniqueEmail('bad-variables');
    expectRequestError(await signUp(input(email) as ops.SignUpInput), 'BAD_USER_INPUT', /\$input/);
    expect(messagesTo(t, email)).toBe(0);
    expectBadCredentials(await signIn(t, email));
  });

  test("a refused variable's message names the field and the reason, never the values sent (the password among them)", async () => {
    const email = uniqueEmail('bad-variables-echo');
    const unknownField = await signUp({ username: email, password: PASSWORD, admin: true } as unknown as ops.SignUpInput);
    expectRequestError(unknownField, 'BAD_USER_INPUT', /^Variable "\$input" got an invalid value; Field "admin" is not defined by type "SignUpInput"\.$/);
    const badEmail = await signUp({ username: email, password: PASSWORD, attributes: { email: 'not-an-email' } });
    expectRequestError(badEmail, 'BAD_USER_INPUT', /^Variable "\$input" got an invalid value at "input\.attributes\.email"; /);
    const notAString = await signUp({ username: email, password: ['Sup3r-secret!'] } as unknown as ops.SignUpInput);
    expectRequestError(notAString, 'BAD_USER_INPUT', /^Variable "\$input" got an invalid value at "input\.password"; String cannot represent a non string value\.$/);
    expect(JSON.stringify(notAString.errors)).not.toContain('Sup3r-secret!');
    for (const response of [unknownField, badEmail]) {
      expect(JSON.stringify(response.errors)).not.toContain(PASSWORD);
      expect(JSON.stringify(response.errors)).not.toContain(email);
    }
  });

  test('an unknown field written in the query gets GRAPHQL_VALIDATION_FAILED', async () => {
    const email = uniqueEmail('bad-literal');
    const query = `mutation { signUp(input: { username: "${email}", password: "${PASSWORD}", isAdmin: true }) { userId } }`;
    expectRequestError(await t.raw({ query }, key), 'GRAPHQL_VALIDATION_FAILED', /isAdmin/);
    expect(messagesTo(t, email)).toBe(0);
  });

  test('an invalid email written in the query gets GRAPHQL_VALIDATION_FAILED', async () => {
    const email = uniqueEmail('bad-literal-email');
    const query = `mutation { signUp(input: { username: "${email}", password: "${PASSWORD}", attributes: { email: "nope" } }) { userId } }`;
    expectRequestError(await t.raw({ query }, key), 'GRAPHQL_VALIDATION_FAILED', /AWSEmail/);
    expect(messagesTo(t, email)).toBe(0);
  });
});

describe('codes: confirmSignUp and confirmResetPassword', () => {
  const badCodes = ['', 'abc', '12345', '1234567', '12 456', '１２３４５６'];

  test.each(badCodes)('confirmSignUp with code %j gets BAD_USER_INPUT; the user stays unconfirmed and the code unspent', async (code) => {
    const email = uniqueEmail('bad-code');
    await signUpUser(t, email);
    expectError(await t.gql(ops.ConfirmSignUpDocument, { input: { username: email, code } }, key), 'confirmSignUp', 'BAD_USER_INPUT', /^code must be the 6-digit code/);
    expect((await signIn(t, email)).data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_UP');
    const confirmed = await t.gql(ops.ConfirmSignUpDocument, { input: { username: email, code: t.codeFor(email) } }, key);
    expect(confirmed.data?.confirmSignUp?.isSignUpComplete).toBe(true);
  });

  test('confirmResetPassword refuses a bad code or new password, and changes nothing', async () => {
    const email = uniqueEmail('bad-reset');
    await confirmedUser(t, email);
    await t.gql(ops.ResetPasswordDocument, { input: { username: email } }, key);
    const code = t.codeFor(email);
    const attempts: [ops.ConfirmResetPasswordInput, RegExp][] = [
      [{ username: email, code: 'abc', newPassword: NEW_PASSWORD }, /^code must be the 6-digit code/],
      [{ username: email, code, newPassword: `Aa1!${chars(253)}` }, /^newPassword must be at most 256 characters$/],
      [{ username: email, code, newPassword: '' }, /^newPassword must not be empty$/],
      [{ username: longEmail, code, newPassword: NEW_PASSWORD }, /^username must be at most 128 characters$/],
    ];
    for (const [input, message] of attempts) {
      expectError(await t.gql(ops.ConfirmResetPasswordDocument, { input }, key), 'confirmResetPassword', 'BAD_USER_INPUT', message);
    }
    expect((await signIn(t, email)).data?.signIn?.isSignedIn).toBe(true);
    const reset = await t.gql(ops.ConfirmResetPasswordDocument, { input: { username: email, code, newPassword: NEW_PASSWORD } }, key);
    expect(reset.data?.confirmResetPassword?.isPasswordReset).toBe(true);
  });
});

describe('usernames: resendSignUpCode and resetPassword', () => {
  const documents: [string, TypedDocumentNode<unknown, { input: ops.UsernameInput }>][] = [
    ['resendSignUpCode', ops.ResendSignUpCodeDocument],
    ['resetPassword', ops.ResetPasswordDocument],
  ];
  test.each(documents)('%s refuses an empty, oversized, spaced or control-character username and sends nothing', async (field, document) => {
    const sent = t.world.engine.outbox.list().length;
    expectError(await t.gql(document, { input: { username: '' } }, key), field, 'BAD_USER_INPUT', /^username must not be empty$/);
    expectError(await t.gql(document, { input: { username: longEmail } }, key), field, 'BAD_USER_INPUT', /^username must be at most 128 characters$/);
    expectError(await t.gql(document, { input: { username: 'ada @example.com' } }, key), field, 'BAD_USER_INPUT', /^username must not contain spaces$/);
    expectError(await t.gql(document, { input: { username: 'ada@example.com\u0007' } }, key), field, 'BAD_USER_INPUT', /^username contains control characters$/);
    expect(t.world.engine.outbox.list().length).toBe(sent);
  });
});

describe('sign-in inputs: signIn, confirmSignIn, refreshSession', () => {
  test('signIn refuses empty and oversized input without counting it as a failed attempt', async () => {
    const email = uniqueEmail('bad-signin');
    await confirmedUser(t, email);
    const attempts: [ops.SignInInput, RegExp][] = [
      [{ username: '', password: PASSWORD }, /^username must not be empty$/],
      [{ username: longEmail, password: PASSWORD }, /^username must be at most 128 characters$/],
      [{ username: email, password: '' }, /^password must not be empty$/],
      [{ username: email, password: `Aa1!${chars(253)}` }, /^password must be at most 256 characters$/],
      [{ username: email, password: ` ${PASSWORD}` }, /^password must not begin or end with a space$/],
    ];
    // More than the five failures that would lock the account, had they reached it.
    for (const [input, message] of [...attempts, ...attempts]) {
      expectError(await t.gql(ops.SignInDocument, { input }, key), 'signIn', 'BAD_USER_INPUT', message);
    }
    expect((await signIn(t, email)).data?.signIn?.isSignedIn).toBe(true);
  });

  test('confirmSignIn refuses an empty or oversized session and an oversized answer', async () => {
    const attempts: [ops.ConfirmSignInInput, RegExp][] = [
      [{ session: '', challengeResponse: NEW_PASSWORD }, /^session must not be empty$/],
      [{ session: chars(8193), challengeResponse: NEW_PASSWORD }, /^session must be at most 8192 characters$/],
      [{ session: 'session', challengeResponse: `Aa1!${chars(253)}` }, /^challengeResponse must be at most 256 characters$/],
    ];
    for (const [input, message] of attempts) {
      expectError(await t.gql(ops.ConfirmSignInDocument, { input }, key), 'confirmSignIn', 'BAD_USER_INPUT', message);
    }
  });

  test('refreshSession refuses malformed tokens', async () => {
    const attempts: [ops.RefreshSessionInput, RegExp][] = [
      [{ refreshToken: '' }, /^refreshToken must not be empty$/],
      [{ refreshToken: 'has spaces in it' }, /^refreshToken is not a valid token$/],
      [{ refreshToken: 'abc"}' }, /^refreshToken is not a valid token$/],
      [{ refreshToken: chars(16385) }, /^refreshToken must be at most 16384 characters$/],
      [{ refreshToken: 'abc', username: 'a b' }, /^username must not contain spaces$/],
    ];
    for (const [input, message] of attempts) {
      expectError(await t.gql(ops.RefreshSessionDocument, { input }, key), 'refreshSession', 'BAD_USER_INPUT', message);
    }
    const { refreshToken } = await signedUpUser(t, uniqueEmail('bad-refresh'));
    expect((await t.gql(ops.RefreshSessionDocument, { input: { refreshToken } }, key)).data?.refreshSession?.isSignedIn).toBe(true);
  });
});
