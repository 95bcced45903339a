/**
 * A pool with MFA ON (test/fixtures/user-pool-mfa-on.json: TOTP the only factor) makes a user
 * without a factor set one up while signing in: CONTINUE_SIGN_IN_WITH_TOTP_SETUP with the secret,
 * then a code from it finishes the sign-in, and the next sign-in asks for a code.
 */
import { join } from 'node:path';
import { ManualClock } from '../../src/local/cognito/clock';
import { MyMfaPreferenceDocument } from '../generated/graphql';
import { errorCode, startTestApi, TestApi } from '../support/api';
import { confirm, nextTotp, signInWith } from '../support/mfa';
import { totpCode } from '../support/totp';
import { confirmedUser, PASSWORD, uniqueEmail, wrongCode } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock, poolFile: join(__dirname, '..', 'fixtures', 'user-pool-mfa-on.json') });
});
afterAll(() => t.stop());

test('MFA ON: the first sign-in sets TOTP up (a wrong code may be retried), and later sign-ins ask for its code', async () => {
  const email = uniqueEmail('mfa-on');
  await confirmedUser(t, email);
  const first = await signInWith(t, { username: email, password: PASSWORD });
  expect(first.errors).toBeUndefined();
  const setup = first.data!.signIn!;
  expect(setup).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP' }, tokens: null });
  const { sharedSecret, setupUri } = setup.nextStep.totpSetupDetails!;
  expect(setupUri).toBe(`otpauth://totp/Identity%20API:${encodeURIComponent(email)}?secret=${sharedSecret}&issuer=Identity%20API`);

  clock.advance(30_000);
  const wrong = await confirm(t, setup.session, wrongCode(totpCode(sharedSecret, clock.now())));
  expect(errorCode(wrong)).toBe('CODE_MISMATCH');
  const done = await confirm(t, setup.session, totpCode(sharedSecret, clock.now()));
  expect(done.errors).toBeUndefined();
  expect(done.data?.confirmSignIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  const token = done.data!.confirmSignIn!.tokens!.accessToken;
  expect((await t.gql(MyMfaPreferenceDocument, {}, { token })).data?.myMfaPreference).toEqual({ enabled: ['TOTP'], preferred: 'TOTP' });

  const next = await signInWith(t, { username: email, password: PASSWORD });
  expect(next.data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  expect((await confirm(t, next.data!.signIn!.session, nextTotp(sharedSecret, clock))).data?.confirmSignIn?.isSignedIn).toBe(true);
});

test('MFA ON: a setup code that is not six digits is refused before Cognito is asked, and the setup goes on', async () => {
  const email = uniqueEmail('mfa-on-bad');
  await confirmedUser(t, email);
  const setup = (await signInWith(t, { username: email, password: PASSWORD })).data!.signIn!;
  for (const bad of ['12345', '1234567', 'abcdef']) {
    const answer = await confirm(t, setup.session, bad);
    expect([errorCode(answer), answer.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'challengeResponse']);
  }
  const done = await confirm(t, setup.session, nextTotp(setup.nextStep.totpSetupDetails!.sharedSecret, clock));
  expect(done.data?.confirmSignIn?.isSignedIn).toBe(true);
});
