/**
 * Sign-in with a second factor and without a password, over HTTP, with Amplify's step names:
 * TOTP codes computed from the secret, email codes read from the engine's outbox, USER_AUTH's
 * passwordless code and its first-factor choice, and the choice between two factors.
 */
import { ManualClock } from '../../src/local/cognito/clock';
import { MeDocument, MyMfaPreferenceDocument, SetUpTotpDocument, UpdateMfaPreferenceDocument } from '../generated/graphql';
import { startTestApi, TestApi } from '../support/api';
import { confirm, nextTotp, setUpTotp, signInWith, userWithEmailMfa, userWithTotp } from '../support/mfa';
import { PASSWORD, signedUpUser, uniqueEmail } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const me = (token: string) => t.gql(MeDocument, {}, { token });

test('TOTP: setUpTotp gives a secret and its otpauth URI; sign-in then asks for a code, and the right one signs in', async () => {
  const user = await signedUpUser(t, uniqueEmail('totp'));
  const secret = await setUpTotp(t, user, clock);
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  expect((await t.gql(MyMfaPreferenceDocument, {}, { token: user.accessToken })).data?.myMfaPreference).toEqual({ enabled: ['TOTP'], preferred: null });

  const first = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(first.data?.signIn).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' }, tokens: null, session: expect.any(String) });
  const done = await confirm(t, first.data!.signIn!.session, nextTotp(secret, clock));
  expect(done.errors).toBeUndefined();
  expect(done.data?.confirmSignIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  expect((await me(done.data!.confirmSignIn!.tokens!.accessToken)).data?.me?.sub).toBe(user.sub);
});

test('the otpauth URI names the issuer and the user, and carries the secret', async () => {
  const user = await signedUpUser(t, uniqueEmail('totp-uri'));
  const setup = (await t.gql(SetUpTotpDocument, {}, { token: user.accessToken })).data!.setUpTotp!;
  expect(setup.setupUri).toBe(`otpauth://totp/Identity%20API:${encodeURIComponent(user.email)}?secret=${setup.sharedSecret}&issuer=Identity%20API`);
});

test('email code: sign-in asks for the code it sent (masked address given), and the code signs in', async () => {
  const user = await userWithEmailMfa(t, 'email-mfa');
  const first = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(first.data?.signIn?.nextStep).toMatchObject({
    signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
    codeDeliveryDetails: { deliveryMedium: 'EMAIL', attributeName: 'email', destination: expect.stringMatching(/\*/) },
  });
  const done = await confirm(t, first.data!.signIn!.session, t.codeFor(user.email));
  expect(done.data?.confirmSignIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
});

test('passwordless: USER_AUTH with EMAIL_OTP sends a code, and the code alone signs in', async () => {
  const user = await signedUpUser(t, uniqueEmail('passwordless'));
  const first = await signInWith(t, { username: user.email, authFlow: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' });
  expect(first.errors).toBeUndefined();
  expect(first.data?.signIn?.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL' } });
  const done = await confirm(t, first.data!.signIn!.session, t.codeFor(user.email));
  expect(done.data?.confirmSignIn?.isSignedIn).toBe(true);
  expect((await me(done.data!.confirmSignIn!.tokens!.accessToken)).data?.me?.sub).toBe(user.sub);
});

test('first-factor selection: USER_AUTH with no factor named offers the pool\'s; PASSWORD then asks for the password', async () => {
  const user = await signedUpUser(t, uniqueEmail('first-factor'));
  const first = await signInWith(t, { username: user.email, authFlow: 'USER_AUTH' });
  expect(first.data?.signIn?.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION', availableChallenges: ['PASSWORD', 'EMAIL_OTP'] });
  const chosen = await confirm(t, first.data!.signIn!.session, 'PASSWORD');
  expect(chosen.data?.confirmSignIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_PASSWORD');
  const done = await confirm(t, chosen.data!.confirmSignIn!.session, PASSWORD);
  expect(done.data?.confirmSignIn?.isSignedIn).toBe(true);

  const again = await signInWith(t, { username: user.email, authFlow: 'USER_AUTH' });
  const emailed = await confirm(t, again.data!.signIn!.session, 'EMAIL_OTP');
  expect(emailed.data?.confirmSignIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  expect((await confirm(t, emailed.data!.confirmSignIn!.session, t.codeFor(user.email))).data?.confirmSignIn?.isSignedIn).toBe(true);
});

test('USER_AUTH with the password named signs in as the password flow does (and asks for MFA the same)', async () => {
  const user = await userWithTotp(t, 'user-auth-password', clock);
  const first = await signInWith(t, { username: user.email, authFlow: 'USER_AUTH', preferredChallenge: 'PASSWORD', password: PASSWORD });
  expect(first.data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  expect((await confirm(t, first.data!.signIn!.session, nextTotp(user.secret, clock))).data?.confirmSignIn?.isSignedIn).toBe(true);
});

test('factor selection: with TOTP and email on and neither preferred, the user picks one', async () => {
  const user = await userWithTotp(t, 'mfa-select', clock);
  const changed = await t.gql(UpdateMfaPreferenceDocument, { input: { email: 'ENABLED' } }, { token: user.accessToken });
  expect(changed.data?.updateMfaPreference?.mfaPreference).toEqual({ enabled: ['TOTP', 'EMAIL'], preferred: null });
  const first = await signInWith(t, { username: user.email, password: PASSWORD });
  expect(first.data?.signIn?.nextStep).toMatchObject({ signInStep: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION', allowedMfaTypes: ['TOTP', 'EMAIL'] });
  const picked = await confirm(t, first.data!.signIn!.session, 'EMAIL');
  expect(picked.data?.confirmSignIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  expect((await confirm(t, picked.data!.confirmSignIn!.session, t.codeFor(user.email))).data?.confirmSignIn?.isSignedIn).toBe(true);

  const again = await signInWith(t, { username: user.email, password: PASSWORD });
  const totp = await confirm(t, again.data!.signIn!.session, 'TOTP');
  expect(totp.data?.confirmSignIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  expect((await confirm(t, totp.data!.confirmSignIn!.session, nextTotp(user.secret, clock))).data?.confirmSignIn?.isSignedIn).toBe(true);
});
