/**
 * Every operation that checks a secret (its input carries a password, a code, a token or a
 * sign-in session) or sends one (a code by message) is marked @SecretOperation, so it is under
 * the one-secret-per-request cap and the rate limits. Derived from the schema, so a new
 * operation that forgets the mark fails here.
 */
import { getNamedType, GraphQLField, GraphQLInputType, isInputObjectType } from 'graphql';
import { ruleFor } from '../../src/auth/rules';
import { secretUseOf } from '../../src/auth/secrets';
import { buildApiSchema } from '../../src/schema/build';

const schema = buildApiSchema();
const mutation = schema.getMutationType()!;

/** Input field names that hold a secret the operation checks. */
const SECRET_INPUTS = /^(password|oldPassword|newPassword|currentPassword|code|challengeResponse|refreshToken|session|secret)$/;
/** Operations that send a code by message (their input holds no secret). */
const SENDERS = ['signUp', 'resendSignUpCode', 'resetPassword', 'sendAttributeVerificationCode'];

function inputNames(type: GraphQLInputType, seen = new Set<string>()): string[] {
  const named = getNamedType(type);
  if (!isInputObjectType(named) || seen.has(named.name)) return [];
  seen.add(named.name);
  return Object.values(named.getFields()).flatMap((f) => [f.name, ...inputNames(f.type, seen)]);
}

const checksSecret = (field: GraphQLField<unknown, unknown>) => field.args.some((a) => SECRET_INPUTS.test(a.name) || inputNames(a.type).some((n) => SECRET_INPUTS.test(n)));
/** Admin operations check no secret of the caller's and are open only to Admins. */
const forAdmins = (field: GraphQLField<unknown, unknown>) => !!ruleFor(mutation, field).groups;

const publicFields = Object.values(mutation.getFields()).filter((f) => !forAdmins(f));

test.each(publicFields.filter((f) => checksSecret(f) || SENDERS.includes(f.name)).map((f) => [f.name, f]))('%s is a secret operation', (_, field) => {
  expect(secretUseOf(field)).toBeDefined();
});

test('nothing else is marked, and the marks cover the expected set', () => {
  const marked = Object.values(mutation.getFields()).filter((f) => secretUseOf(f)).map((f) => f.name).sort();
  const expected = publicFields.filter((f) => checksSecret(f) || SENDERS.includes(f.name)).map((f) => f.name).sort();
  expect(marked).toEqual(expected);
  expect(marked).toEqual(
    [
      'changePassword',
      'confirmAttribute',
      'confirmResetPassword',
      'confirmSignIn',
      'confirmSignUp',
      'refreshSession',
      'resendSignUpCode',
      'resetPassword',
      'sendAttributeVerificationCode',
      'signIn',
      'signOut',
      'signUp',
      'updateMfaPreference',
      'verifyTotpSetup',
    ].sort(),
  );
});

test('each sender draws from the send budget, each checker from a failures-only one', () => {
  for (const field of publicFields.filter((f) => secretUseOf(f))) {
    expect([field.name, secretUseOf(field)!.kind === 'send']).toEqual([field.name, SENDERS.includes(field.name)]);
  }
});

test('a sign-in that sends a code (passwordless USER_AUTH) draws from the send budget; answers draw from the budget of what they check', () => {
  const kind = (name: string, input: Record<string, unknown>) => {
    const use = secretUseOf(mutation.getFields()[name])!;
    return use.kindFor?.({ input }) ?? use.kind;
  };
  expect(kind('signIn', { username: 'a', password: 'p' })).toBe('password');
  expect(kind('signIn', { username: 'a', authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' })).toBe('send');
  expect(kind('signIn', { username: 'a', authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', password: 'p' })).toBe('password');
  const session = (step: string) => Buffer.from(JSON.stringify(['user', step, 'cognito'])).toString('base64url');
  expect(kind('confirmSignIn', { session: session('SOFTWARE_TOKEN_MFA'), challengeResponse: '123456' })).toBe('code');
  expect(kind('confirmSignIn', { session: session('EMAIL_OTP'), challengeResponse: '123456' })).toBe('code');
  expect(kind('confirmSignIn', { session: session('NEW_PASSWORD_REQUIRED'), challengeResponse: 'N3w-Passw0rd!' })).toBe('password');
  expect(kind('confirmSignIn', { session: session('SELECT_CHALLENGE'), challengeResponse: 'EMAIL_OTP' })).toBe('send');
  expect(kind('confirmSignIn', { session: session('SELECT_MFA_TYPE'), challengeResponse: 'TOTP' })).toBe('code');
  expect(kind('confirmSignIn', { session: 'not a session', challengeResponse: 'x' })).toBe('password');
  expect(kind('verifyTotpSetup', { code: '123456' })).toBe('code');
  expect(kind('verifyTotpSetup', { code: '123456', currentPassword: 'p' })).toBe('password');
});
