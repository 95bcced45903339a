/**
 * Attacks on the MFA and passwordless paths: a replayed TOTP code; a burst of wrong codes in
 * parallel, of which at most the rate limit's number reach Cognito; aliased confirmSignIn codes in
 * one request, refused whole; known and unknown names answered alike; and bad input (malformed
 * codes, codes of the wrong length, expired and forged sessions), each a clear error that changes
 * nothing.
 */
import { DEFAULT_CACHE_WINDOWS } from '../../src/config';
import { ManualClock } from '../../src/local/cognito/clock';
import { ConfirmSignInDocument } from '../generated/graphql';
import { errorCode, GraphQLResponse, ROOMY_RATE_LIMITS, startTestApi, TestApi } from '../support/api';
import { expectNoInternals } from '../support/expect';
import { confirm, key, nextTotp, signInWith, userWithTotp } from '../support/mfa';
import { totpCode } from '../support/totp';
import { confirmedUser, PASSWORD, uniqueEmail, wrongCode } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const answer = (response: GraphQLResponse<unknown>) => {
  const error = response.errors?.[0];
  return error ? `${error.extensions?.code}: ${error.message}` : 'ok';
};

async function totpStep(user: { email: string }) {
  const first = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(first.data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  return first.data!.signIn!.session!;
}

test('a TOTP code that signed in once is refused the second time', async () => {
  const user = await userWithTotp(t, 'replay', clock);
  const code = nextTotp(user.secret, clock);
  expect((await confirm(t, await totpStep(user), code)).data?.confirmSignIn?.isSignedIn).toBe(true);
  const replayed = await confirm(t, await totpStep(user), code);
  expect(errorCode(replayed)).toBe('CODE_MISMATCH');
  expectNoInternals(replayed);
});

test('parallel wrong MFA codes: at most the limit reach Cognito, the rest are refused at the edge (and then the right code too, until the window passes)', async () => {
  const limits = { ...ROOMY_RATE_LIMITS, code: { perAccount: 3, perIp: 1000, windowMs: 60_000 } };
  const edge = await t.replica(DEFAULT_CACHE_WINDOWS, { rateLimits: limits });
  try {
    const user = await userWithTotp(t, 'parallel', clock);
    const session = await totpStep(user);
    clock.advance(30_000);
    const wrong = wrongCode(totpCode(user.secret, clock.now()));
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => edge.gql(ConfirmSignInDocument, { input: { session, challengeResponse: wrong } }, key).then(errorCode)),
    );
    expect(answers.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(7);
    expect(answers.filter((c) => c !== 'RATE_LIMITED').every((c) => c === 'CODE_MISMATCH' || c === 'LIMIT_EXCEEDED' || c === 'SESSION_EXPIRED')).toBe(true);
    const right = await edge.gql(ConfirmSignInDocument, { input: { session, challengeResponse: totpCode(user.secret, clock.now()) } }, key);
    expect(errorCode(right)).toBe('RATE_LIMITED');
  } finally {
    await edge.stop();
  }
});

test('aliased confirmSignIn codes in one request are refused whole, none evaluated', async () => {
  const user = await userWithTotp(t, 'aliased', clock);
  const session = await totpStep(user);
  clock.advance(30_000);
  const right = totpCode(user.secret, clock.now());
  const fields = ['111111', '222222', right].map(
    (code, i) => `a${i}: confirmSignIn(input: { session: ${JSON.stringify(session)}, challengeResponse: "${code}" }) { isSignedIn }`,
  );
  const response = await t.raw({ query: `mutation { ${fields.join(' ')} }` }, key);
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['TOO_MANY_SENSITIVE_OPERATIONS']);
  // Nothing was tried: the right code still signs in.
  expect((await confirm(t, session, right)).data?.confirmSignIn?.isSignedIn).toBe(true);
});

describe('known and unknown names are answered alike', () => {
  test('passwordless: the same code step (a masked address either way), then the same answers to wrong codes', async () => {
    const known = uniqueEmail('known-otp');
    await confirmedUser(t, known);
    const unknown = uniqueEmail('unknown-otp');
    const start = (username: string) => signInWith(t, { username, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' });
    const [k, u] = [await start(known), await start(unknown)];
    expect(k.errors).toBeUndefined();
    expect(u.errors).toBeUndefined();
    const shape = (r: typeof k) => ({ ...r.data!.signIn!.nextStep, codeDeliveryDetails: { ...r.data!.signIn!.nextStep.codeDeliveryDetails, destination: r.data!.signIn!.nextStep.codeDeliveryDetails!.destination.replace(/^.*@/, '') } });
    expect(shape(u)).toEqual(shape(k));
    expect(k.data!.signIn!.nextStep.codeDeliveryDetails!.destination).toMatch(/^\w\*\*\*@/);
    expect(u.data!.signIn!.nextStep.codeDeliveryDetails!.destination).toMatch(/^\w\*\*\*@/);
    const tries = async (session: string | null | undefined) => {
      const answers: string[] = [];
      for (let i = 0; i < 4; i++) answers.push(answer(await confirm(t, session, '000000')));
      return answers;
    };
    expect(await tries(u.data!.signIn!.session)).toEqual(await tries(k.data!.signIn!.session));
  });

  test('ten passwordless starts on each name: the same answers in the same order, through the engine\'s send budget', async () => {
    const known = uniqueEmail('known-otp-ten');
    await confirmedUser(t, known);
    const unknown = uniqueEmail('unknown-otp-ten');
    const ten = async (username: string) => {
      const answers: string[] = [];
      for (let i = 0; i < 10; i++) {
        const started = await signInWith(t, { username, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' });
        answers.push(started.errors ? answer(started) : started.data!.signIn!.nextStep.signInStep);
      }
      return answers;
    };
    const knownAnswers = await ten(known);
    expect(knownAnswers.slice(0, 5)).toEqual(Array(5).fill('CONFIRM_SIGN_IN_WITH_EMAIL_CODE'));
    expect(knownAnswers.slice(5)).toEqual(Array(5).fill('LIMIT_EXCEEDED: Attempt limit exceeded, please try after some time.'));
    expect(await ten(unknown)).toEqual(knownAnswers);
  });

  test('first-factor selection, and a device key either name does not have', async () => {
    const known = uniqueEmail('known-select');
    await confirmedUser(t, known);
    const unknown = uniqueEmail('unknown-select');
    const select = async (username: string) => (await signInWith(t, { username, authFlow: 'USER_AUTH' })).data?.signIn?.nextStep;
    expect(await select(unknown)).toEqual(await select(known));
    const device = { key: 'us-east-1_00000000-0000-4000-8000-000000000000', groupKey: '-abcdefghi', secret: 'c2VjcmV0LXNlY3JldC1zZWNyZXQ=' };
    const withDevice = async (username: string) => answer(await signInWith(t, { username, password: PASSWORD, device }));
    expect(await withDevice(unknown)).toBe(await withDevice(known));
    expect(await withDevice(known)).toMatch(/^DEVICE_NOT_RECOGNIZED/);
  });
});

describe('bad input: a clear error, and the sign-in goes on', () => {
  test('a malformed code and codes of the wrong length are refused before Cognito sees them', async () => {
    const user = await userWithTotp(t, 'bad-codes', clock);
    const session = await totpStep(user);
    for (const bad of ['abcdef', '12345', '1234567', '12 345']) {
      const refused = await confirm(t, session, bad);
      expect([errorCode(refused), refused.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'challengeResponse']);
    }
    expect((await confirm(t, session, nextTotp(user.secret, clock))).data?.confirmSignIn?.isSignedIn).toBe(true);
  });

  test('an expired session (Cognito\'s 3 minutes) and a forged one answer SESSION_EXPIRED', async () => {
    const user = await userWithTotp(t, 'expired', clock);
    const session = await totpStep(user);
    clock.advance(3 * 60_000 + 1000);
    const expired = await confirm(t, session, totpCode(user.secret, clock.now()));
    expect(errorCode(expired)).toBe('SESSION_EXPIRED');
    const forged = Buffer.from(JSON.stringify(['someone', 'SOFTWARE_TOKEN_MFA', 'not-a-cognito-session'])).toString('base64url');
    expect(errorCode(await confirm(t, forged, '123456'))).toBe('SESSION_EXPIRED');
    expect(errorCode(await confirm(t, 'garbage!', '123456'))).toBe('SESSION_EXPIRED');
    // A new sign-in goes through.
    expect((await confirm(t, await totpStep(user), nextTotp(user.secret, clock))).data?.confirmSignIn?.isSignedIn).toBe(true);
  });
});
