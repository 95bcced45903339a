/**
 * Bad input to the signed-in operations: each gets a clear error with a stable code, and nothing
 * changes (`me` as it was, the password as it was, no message sent).
 */
import * as ops from '../generated/graphql';
import { startTestApi, TestApi } from '../support/api';
import { expectError, expectRequestError } from '../support/expect';
import { chars, messagesTo, NEW_PASSWORD, PASSWORD, signedUpUser, SignedInUser, signIn, uniqueEmail } from '../support/users';

let t: TestApi;
let user: SignedInUser;
beforeAll(async () => {
  t = await startTestApi();
  user = await signedUpUser(t, uniqueEmail('bad-input'));
});
afterAll(() => t.stop());

const as = () => ({ token: user.accessToken });
const BIRTHDATE = /^birthdate must be a real date, YYYY-MM-DD \(or 0000-MM-DD without the year\)$/;
const update = (input: ops.UserAttributesInput) => t.gql(ops.UpdateMyAttributesDocument, { input }, as());

/** Runs `refused` and checks that the user, their messages and their password are unchanged. */
async function changesNothing(refused: () => Promise<void>): Promise<void> {
  const before = (await t.gql(ops.MeDocument, {}, as())).data?.me;
  const sent = t.world.engine.outbox.list().length;
  await refused();
  expect((await t.gql(ops.MeDocument, {}, as())).data?.me).toEqual(before);
  expect(t.world.engine.outbox.list().length).toBe(sent);
  expect((await signIn(t, user.email)).data?.signIn?.isSignedIn).toBe(true);
}

describe('updateMyAttributes', () => {
  const cases: [string, ops.UserAttributesInput, RegExp][] = [
    ['no attributes at all', {}, /^Give at least one attribute to change$/],
    ['a 2049-character attribute', { name: chars(2049) }, /^name must be at most 2048 characters$/],
    ['a 2049-character custom attribute', { custom: JSON.stringify({ plan: chars(2049) }) }, /^custom\.plan must be at most 2048 characters$/],
    ['a custom attribute with a bad name', { custom: JSON.stringify({ 'bad name': 'x' }) }, /^Unknown custom attribute name "bad name"$/],
    ['a custom attribute the pool does not have', { custom: JSON.stringify({ nosuch: 'x' }) }, /^Attributes did not conform to the schema: custom:nosuch/],
    ['a birthdate that is not YYYY-MM-DD', { birthdate: '01/05/1990' }, BIRTHDATE],
    ['a birthdate with a 13th month', { birthdate: '1990-13-01' }, BIRTHDATE],
    ['a birthdate of 31 April', { birthdate: '0000-04-31' }, BIRTHDATE],
    ['a name with a bidi override', { name: '\u202egnp.exe' }, /^name contains bidirectional control characters$/],
    ['a family name with a bidi embedding', { familyName: '\u202bLovelace' }, /^familyName contains bidirectional control characters$/],
    ['an empty attribute', { givenName: '' }, /^givenName must not be empty$/],
    ['an attribute with a control character', { name: 'bad\u0007name' }, /^name contains control characters$/],
    // One bad attribute spoils the request: the good one next to it is not applied either.
    ['a good attribute next to a bad one', { givenName: 'Changed', name: chars(2049) }, /^name must be at most 2048 characters$/],
  ];

  test.each(cases)('%s gets BAD_USER_INPUT', async (_, input, message) => {
    await changesNothing(async () => expectError(await update(input), 'updateMyAttributes', 'BAD_USER_INPUT', message));
  });

  const invalidVariables: [string, unknown][] = [
    ['an invalid email (AWSEmail)', { email: 'not-an-email' }],
    ['an email over 254 characters (AWSEmail)', { email: `${chars(250)}@example.com` }],
    ['an invalid phone number (AWSPhone)', { phoneNumber: '0044 20 7946 0000' }],
    ['custom attributes that are not JSON (AWSJSON)', { custom: '{' }],
    ['an unknown attribute', { emailVerified: true }],
    ['an attribute that is not a string', { name: 42 }],
  ];

  test.each(invalidVariables)('%s is refused before execution with BAD_USER_INPUT', async (_, input) => {
    await changesNothing(async () => expectRequestError(await update(input as ops.UserAttributesInput), 'BAD_USER_INPUT', /\$input/));
  });

  test('an unknown attribute written in the query gets GRAPHQL_VALIDATION_FAILED', async () => {
    const query = 'mutation { updateMyAttributes(input: { email_verified: "true" }) { user { emailVerified } } }';
    await changesNothing(async () => expectRequestError(await t.raw({ query }, as()), 'GRAPHQL_VALIDATION_FAILED', /email_verified/));
  });
});

describe('verification', () => {
  test('confirmAttribute refuses a malformed code', async () => {
    for (const code of ['', 'abc', '1234567', '12345x']) {
      await changesNothing(async () =>
        expectError(await t.gql(ops.ConfirmAttributeDocument, { input: { attribute: 'EMAIL', code } }, as()), 'confirmAttribute', 'BAD_USER_INPUT', /^code must be the 6-digit code/),
      );
    }
  });

  test('an attribute that cannot be verified is refused before execution', async () => {
    await changesNothing(async () => {
      const attribute = 'ADDRESS' as ops.VerifiableAttribute;
      expectRequestError(await t.gql(ops.SendAttributeVerificationCodeDocument, { attribute }, as()), 'BAD_USER_INPUT', /\$attribute/);
      expectRequestError(await t.gql(ops.ConfirmAttributeDocument, { input: { attribute, code: '123456' } }, as()), 'BAD_USER_INPUT', /\$input/);
    });
    expect(messagesTo(t, user.email)).toBe(1);
  });
});

describe('changePassword', () => {
  test('refuses empty and oversized passwords, and the password stays the same', async () => {
    const attempts: [ops.ChangePasswordInput, RegExp][] = [
      [{ oldPassword: '', newPassword: NEW_PASSWORD }, /^oldPassword must not be empty$/],
      [{ oldPassword: PASSWORD, newPassword: '' }, /^newPassword must not be empty$/],
      [{ oldPassword: PASSWORD, newPassword: `Aa1!${chars(253)}` }, /^newPassword must be at most 256 characters$/],
      [{ oldPassword: chars(257), newPassword: NEW_PASSWORD }, /^oldPassword must be at most 256 characters$/],
    ];
    for (const [input, message] of attempts) {
      await changesNothing(async () => expectError(await t.gql(ops.ChangePasswordDocument, { input }, as()), 'changePassword', 'BAD_USER_INPUT', message));
    }
    expect((await signIn(t, user.email, NEW_PASSWORD)).errors?.[0].extensions?.code).toBe('NOT_AUTHORIZED');
  });
});
