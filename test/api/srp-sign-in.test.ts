/**
 * `authFlow: USER_SRP_AUTH`: the API proves the password to Cognito with SRP instead of sending
 * it (the default flow sends it over TLS). The same answers as the password flow: tokens, MFA
 * steps, the wrong-password answer for known and unknown names alike, and a remembered device's
 * proof after the password's. The engine runs on real time here, since SRP answers are signed with
 * a timestamp Cognito checks.
 */
import { MeDocument, RememberDeviceDocument, SetUpTotpDocument, VerifyTotpSetupDocument } from '../generated/graphql';
import { errorCode, startTestApi, TestApi } from '../support/api';
import { confirm, signInWith } from '../support/mfa';
import { totpCode } from '../support/totp';
import { BAD_CREDENTIALS, PASSWORD, signedUpUser, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const srp = (username: string, password = PASSWORD, extra = {}) => signInWith(t, { username, password, authFlow: 'USER_SRP_AUTH', ...extra });

test('USER_SRP_AUTH signs in; a wrong password gets the password flow\'s answer, for a known and an unknown name alike', async () => {
  const user = await signedUpUser(t, uniqueEmail('srp'));
  const done = await srp(user.email);
  expect(done.errors).toBeUndefined();
  expect(done.data?.signIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  expect((await t.gql(MeDocument, {}, { token: done.data!.signIn!.tokens!.accessToken })).data?.me?.sub).toBe(user.sub);
  const answers = [await srp(user.email, 'Wr0ng-Passw0rd!'), await srp(uniqueEmail('srp-unknown'), 'Wr0ng-Passw0rd!'), await signInWith(t, { username: user.email, password: 'Wr0ng-Passw0rd!' })];
  for (const answer of answers) expect([errorCode(answer), answer.errors?.[0]?.message]).toEqual(['NOT_AUTHORIZED', BAD_CREDENTIALS]);
});

test('after SRP, MFA is asked as after the password; a remembered device then stands in for it', async () => {
  const user = await signedUpUser(t, uniqueEmail('srp-mfa'));
  const secret = (await t.gql(SetUpTotpDocument, {}, { token: user.accessToken })).data!.setUpTotp!.sharedSecret;
  expect((await t.gql(VerifyTotpSetupDocument, { input: { code: totpCode(secret, Date.now()) } }, { token: user.accessToken })).errors).toBeUndefined();

  const first = await srp(user.email);
  expect(first.data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const done = await confirm(t, first.data!.signIn!.session, totpCode(secret, Date.now(), 1));
  const { newDevice, tokens } = done.data!.confirmSignIn!;
  expect(newDevice).toBeTruthy();
  expect((await t.gql(RememberDeviceDocument, { key: newDevice!.key }, { token: tokens!.accessToken })).data?.rememberDevice).toBe(true);

  const fromDevice = await srp(user.email, PASSWORD, { device: { key: newDevice!.key, groupKey: newDevice!.groupKey, secret: newDevice!.secret } });
  expect(fromDevice.errors).toBeUndefined();
  expect(fromDevice.data?.signIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' }, newDevice: null });
});
