/**
 * Amplify v6 (aws-amplify/auth) in Node, unchanged, against the engine through `userPoolEndpoint`:
 * its default sign-in (USER_SRP_AUTH), attributes, fetchAuthSession({ forceRefresh: true })
 * (GetTokensFromRefreshToken), TOTP set up and used, passwordless email OTP (USER_AUTH), and the
 * device API (fetchDevices, rememberDevice, forgetDevice) with a remembered device skipping MFA.
 */
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn,
  confirmSignUp,
  fetchAuthSession,
  fetchDevices,
  fetchMFAPreference,
  fetchUserAttributes,
  forgetDevice,
  rememberDevice,
  setUpTOTP,
  signIn,
  signOut,
  signUp,
  updateMFAPreference,
  verifyTOTPSetup,
} from 'aws-amplify/auth';
import { cognitoUserPoolsTokenProvider } from 'aws-amplify/auth/cognito';
import type { CreateUserPoolClientCommandInput, CreateUserPoolCommandInput } from '@aws-sdk/client-cognito-identity-provider';
import { App, createApp, latestCode, PASSWORD, uniqueEmail, useEngine } from '../support/cognito';
import { totpCode } from '../support/totp';
import { MemoryStorage, operationsDuring } from './support';

const ctx = useEngine();

// Amplify names a new device from `navigator` (a browser's); Node 20 has none, and without it
// Amplify silently skips ConfirmDevice. Node 21 and later have one.
if (!('navigator' in globalThis)) {
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Node.js test' }, configurable: true });
}
// Amplify warns, rightly, that a custom endpoint is in use: that is the point here.
const warn = console.warn;
beforeAll(() => {
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('custom Amazon Amazon Cognito User Pool endpoint')) warn(...args);
  });
});
afterAll(() => jest.restoreAllMocks());

/** Points Amplify at an app on the engine, with fresh in-memory token storage. */
function configure(app: App): MemoryStorage {
  Amplify.configure({ Auth: { Cognito: { userPoolId: app.poolId, userPoolClientId: app.clientId, userPoolEndpoint: ctx.t.engine.endpoint } } });
  const storage = new MemoryStorage();
  cognitoUserPoolsTokenProvider.setKeyValueStorage({
    setItem: async (key, value) => storage.setItem(key, value),
    getItem: async (key) => storage.getItem(key),
    removeItem: async (key) => storage.removeItem(key),
    clear: async () => storage.clear(),
  });
  return storage;
}

const SRP_CLIENT: Partial<CreateUserPoolClientCommandInput> = { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] };

async function appAndUser(pool: Partial<CreateUserPoolCommandInput> = {}, client: Partial<CreateUserPoolClientCommandInput> = SRP_CLIENT) {
  const app = await createApp(ctx.t, pool, client);
  configure(app);
  const email = uniqueEmail('amplify');
  const signedUp = await signUp({ username: email, password: PASSWORD, options: { userAttributes: { email } } });
  expect(signedUp.nextStep.signUpStep).toBe('CONFIRM_SIGN_UP');
  await confirmSignUp({ username: email, confirmationCode: latestCode(app, email) });
  return { app, email };
}

/** Sets TOTP up for the signed-in user and prefers it; the secret. */
async function setUpTotp(): Promise<string> {
  const { sharedSecret } = await setUpTOTP();
  await verifyTOTPSetup({ code: totpCode(sharedSecret, ctx.clock.now()) });
  await updateMFAPreference({ totp: 'PREFERRED' });
  ctx.clock.advance(30_000);
  return sharedSecret;
}

afterEach(async () => {
  await signOut().catch(() => undefined);
});

test('the default sign-in is SRP; attributes; fetchAuthSession({ forceRefresh: true }) refreshes with GetTokensFromRefreshToken', async () => {
  const { email } = await appAndUser();
  let result: Awaited<ReturnType<typeof signIn>> | undefined;
  const operations = await operationsDuring(ctx.t.engine, async () => {
    result = await signIn({ username: email, password: PASSWORD });
  });
  expect(result).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  expect(operations).toEqual(['InitiateAuth', 'RespondToAuthChallenge']);
  expect(await fetchUserAttributes()).toMatchObject({ email, email_verified: 'true' });
  const before = (await fetchAuthSession()).tokens!.accessToken.toString();
  ctx.clock.advance(1000);
  let after = '';
  const refresh = await operationsDuring(ctx.t.engine, async () => {
    after = (await fetchAuthSession({ forceRefresh: true })).tokens!.accessToken.toString();
  });
  expect(refresh).toEqual(['GetTokensFromRefreshToken']);
  expect(after).not.toBe(before);
});

test('with refresh-token rotation, the rotated refresh token is stored and used next', async () => {
  const { email } = await appAndUser({}, { ...SRP_CLIENT, RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } });
  await signIn({ username: email, password: PASSWORD });
  await fetchAuthSession({ forceRefresh: true });
  // The second refresh would be RefreshTokenReuseException had Amplify kept the first token.
  await expect(fetchAuthSession({ forceRefresh: true })).resolves.toMatchObject({ tokens: expect.any(Object) });
});

test('TOTP: setUpTOTP, verifyTOTPSetup, updateMFAPreference; then CONFIRM_SIGN_IN_WITH_TOTP_CODE', async () => {
  const { email } = await appAndUser({ MfaConfiguration: 'OPTIONAL' });
  await signIn({ username: email, password: PASSWORD });
  const secret = await setUpTotp();
  expect(await fetchMFAPreference()).toMatchObject({ enabled: ['TOTP'], preferred: 'TOTP' });
  await signOut();
  const step = await signIn({ username: email, password: PASSWORD });
  expect(step).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_TOTP_CODE' } });
  await expect(confirmSignIn({ challengeResponse: totpCode(secret, ctx.clock.now()) })).resolves.toMatchObject({ isSignedIn: true });
});

test('a pool that requires MFA: CONTINUE_SIGN_IN_WITH_TOTP_SETUP, then the code from the secret signs in', async () => {
  const { email } = await appAndUser({ MfaConfiguration: 'ON' });
  const step = await signIn({ username: email, password: PASSWORD });
  expect(step.nextStep.signInStep).toBe('CONTINUE_SIGN_IN_WITH_TOTP_SETUP');
  const { sharedSecret } = (step.nextStep as { totpSetupDetails: { sharedSecret: string } }).totpSetupDetails;
  await expect(confirmSignIn({ challengeResponse: totpCode(sharedSecret, ctx.clock.now()) })).resolves.toMatchObject({ isSignedIn: true });
});

test('passwordless email OTP (USER_AUTH): CONFIRM_SIGN_IN_WITH_EMAIL_CODE, then the emailed code signs in', async () => {
  const { app, email } = await appAndUser(
    { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } } },
    { ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] },
  );
  const step = await signIn({ username: email, options: { authFlowType: 'USER_AUTH', preferredChallenge: 'EMAIL_OTP' } });
  expect(step.nextStep).toMatchObject({ signInStep: 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE', codeDeliveryDetails: { deliveryMedium: 'EMAIL' } });
  await expect(confirmSignIn({ challengeResponse: latestCode(app, email) })).resolves.toMatchObject({ isSignedIn: true });
  expect(await fetchUserAttributes()).toMatchObject({ email });
});

test('devices: the sign-in’s device is confirmed, rememberDevice and fetchDevices; remembered, it skips MFA; forgetDevice brings MFA back', async () => {
  const { email } = await appAndUser({
    MfaConfiguration: 'OPTIONAL',
    DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  });
  const first = await operationsDuring(ctx.t.engine, () => signIn({ username: email, password: PASSWORD }));
  expect(first).toContain('ConfirmDevice');
  const secret = await setUpTotp();
  await rememberDevice();
  const devices = await fetchDevices();
  expect(devices).toHaveLength(1);
  expect(devices[0]).toMatchObject({ id: expect.stringMatching(/^us-east-1_/), attributes: { 'dev:device_remembered_status': 'remembered' } });
  await signOut();

  await expect(signIn({ username: email, password: PASSWORD })).resolves.toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
  await forgetDevice();
  expect(await fetchDevices()).toEqual([]);
  await signOut();

  const again = await signIn({ username: email, password: PASSWORD });
  expect(again.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  await expect(confirmSignIn({ challengeResponse: totpCode(secret, ctx.clock.now()) })).resolves.toMatchObject({ isSignedIn: true });
});
