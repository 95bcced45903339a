/**
 * Changing second factors: it needs a recent sign-in or the current password (ASVS 7.5.1), it
 * leaves an MFA_CHANGED event, and it can end the user's other sessions. An admin can turn a
 * user's MFA off (a lost phone), leaving an event naming the admin. Bad input changes nothing.
 */
import { ManualClock } from '../../src/local/cognito/clock';
import {
  AdminSetUserMfaPreferenceDocument,
  ChangePasswordDocument,
  MeDocument,
  type MfaPreferenceInput,
  MyMfaPreferenceDocument,
  MySecurityEventsDocument,
  RefreshSessionDocument,
  SetUpTotpDocument,
  UpdateMfaPreferenceDocument,
  UserWithMetadataDocument,
  VerifyTotpSetupDocument,
} from '../generated/graphql';
import { adminToken } from '../support/admin';
import { ADMIN_EMAIL, API_KEY, errorCode, startTestApi, TestApi } from '../support/api';
import { expectUnauthenticated } from '../support/expect';
import { nextTotp, signInWith, signInWithTotp, userWithTotp } from '../support/mfa';
import { totpCode } from '../support/totp';
import { NEW_PASSWORD, PASSWORD, signedUpUser, signInTokens, uniqueEmail, wrongCode } from '../support/users';

const clock = new ManualClock(Date.now());
let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ clock });
});
afterAll(() => t.stop());

const preference = async (token: string) => (await t.gql(MyMfaPreferenceDocument, {}, { token })).data?.myMfaPreference;
const update = (token: string, input: MfaPreferenceInput) => t.gql(UpdateMfaPreferenceDocument, { input }, { token });

/** Tokens of a sign-in ten minutes ago (the engine's clock set back for it). */
async function staleTokens(email: string) {
  clock.advance(-10 * 60_000);
  try {
    return await signInTokens(t, email);
  } finally {
    clock.advance(10 * 60_000);
  }
}

describe('a factor change needs a recent sign-in or the current password', () => {
  test('a sign-in older than 5 minutes is refused without the password, and with a wrong one; nothing changes', async () => {
    const user = await signedUpUser(t, uniqueEmail('reauth'));
    const stale = await staleTokens(user.email);
    const refused = await update(stale.accessToken, { email: 'PREFERRED' });
    expect([errorCode(refused), refused.errors?.[0]?.extensions?.field]).toEqual(['REAUTHENTICATION_REQUIRED', 'currentPassword']);
    expect(errorCode(await update(stale.accessToken, { email: 'PREFERRED', currentPassword: 'Wr0ng-Passw0rd!' }))).toBe('REAUTHENTICATION_REQUIRED');
    expect(await preference(stale.accessToken)).toEqual({ enabled: [], preferred: null });

    const changed = await update(stale.accessToken, { email: 'PREFERRED', currentPassword: PASSWORD });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.updateMfaPreference).toEqual({ mfaPreference: { enabled: ['EMAIL'], preferred: 'EMAIL' }, otherSessionsEnded: false });
    // The check changed nothing else: the password still signs in (now with the email code).
    expect((await signInWith(t, { username: user.email, password: PASSWORD })).data?.signIn?.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_EMAIL_CODE');
  });

  test('verifying an authenticator app needs the same', async () => {
    const user = await signedUpUser(t, uniqueEmail('reauth-totp'));
    const stale = await staleTokens(user.email);
    const secret = (await t.gql(SetUpTotpDocument, {}, { token: stale.accessToken })).data!.setUpTotp!.sharedSecret;
    const refused = await t.gql(VerifyTotpSetupDocument, { input: { code: nextTotp(secret, clock) } }, { token: stale.accessToken });
    expect(errorCode(refused)).toBe('REAUTHENTICATION_REQUIRED');
    const verified = await t.gql(VerifyTotpSetupDocument, { input: { code: nextTotp(secret, clock), currentPassword: PASSWORD } }, { token: stale.accessToken });
    expect(verified.data?.verifyTotpSetup?.mfaPreference.enabled).toEqual(['TOTP']);
  });
});

test('a change leaves an MFA_CHANGED event, and endOtherSessions ends the other sessions but not this one', async () => {
  const user = await signedUpUser(t, uniqueEmail('mfa-end-others'));
  const phone = await signInTokens(t, user.email);
  const changed = await update(user.accessToken, { email: 'ENABLED', endOtherSessions: true });
  expect(changed.data?.updateMfaPreference?.otherSessionsEnded).toBe(true);
  expectUnauthenticated(await t.gql(MeDocument, {}, { token: phone.accessToken }));
  expect(errorCode(await t.gql(RefreshSessionDocument, { input: { refreshToken: phone.refreshToken } }, { apiKey: API_KEY }))).toBe('NOT_AUTHORIZED');
  expect((await t.gql(MeDocument, {}, { token: user.accessToken })).data?.me?.sub).toBe(user.sub);
  const events = (await t.gql(MySecurityEventsDocument, {}, { token: user.accessToken })).data!.me!.securityEvents!.items;
  expect(events.map((e) => e.type)).toContain('MFA_CHANGED');
});

describe('bad input changes nothing', () => {
  test('no factor named; a factor that cannot be on; codes that are malformed, wrong, or for no setup', async () => {
    const user = await signedUpUser(t, uniqueEmail('mfa-bad'));
    expect(errorCode(await update(user.accessToken, {}))).toBe('BAD_USER_INPUT');
    const notSetUp = await update(user.accessToken, { totp: 'PREFERRED' });
    expect(errorCode(notSetUp)).toBe('INVALID_STATE');
    expect(errorCode(await t.gql(VerifyTotpSetupDocument, { input: { code: '123456' } }, { token: user.accessToken }))).toBe('INVALID_STATE');
    const secret = (await t.gql(SetUpTotpDocument, {}, { token: user.accessToken })).data!.setUpTotp!.sharedSecret;
    for (const code of ['12345', '1234567', 'abcdef']) {
      expect(errorCode(await t.gql(VerifyTotpSetupDocument, { input: { code } }, { token: user.accessToken }))).toBe('BAD_USER_INPUT');
    }
    clock.advance(30_000);
    expect(errorCode(await t.gql(VerifyTotpSetupDocument, { input: { code: wrongCode(totpCode(secret, clock.now())) } }, { token: user.accessToken }))).toBe('CODE_MISMATCH');
    expect(await preference(user.accessToken)).toEqual({ enabled: [], preferred: null });
    expect((await signInWith(t, { username: user.email, password: PASSWORD })).data?.signIn?.isSignedIn).toBe(true);
  });
});

test('an admin turns a user\'s MFA off: the user signs in with the password alone, and the event names the admin', async () => {
  const user = await userWithTotp(t, 'admin-mfa-off', clock);
  const admin = await adminToken(t);
  const off = await t.gql(AdminSetUserMfaPreferenceDocument, { username: user.email, input: { totp: 'DISABLED' } }, { token: admin });
  expect(off.errors).toBeUndefined();
  expect(off.data?.adminSetUserMfaPreference).toEqual({ enabled: [], preferred: null });
  expect((await signInWith(t, { username: user.email, password: PASSWORD })).data?.signIn?.isSignedIn).toBe(true);
  const record = await t.gql(UserWithMetadataDocument, { username: user.email }, { token: admin });
  expect(record.data?.user?.securityEvents?.items).toContainEqual(
    expect.objectContaining({ type: 'ADMIN_ACTION', action: 'adminSetUserMfaPreference', actor: expect.any(String) }),
  );
  const actor = record.data!.user!.securityEvents!.items.find((e) => e.action === 'adminSetUserMfaPreference')!.actor;
  expect([ADMIN_EMAIL, expect.stringMatching(/^[0-9a-f-]{36}$/)]).toContainEqual(actor);
  const denied = await t.gql(AdminSetUserMfaPreferenceDocument, { username: user.email, input: { totp: 'DISABLED' } }, { token: user.accessToken });
  expect(denied.errors?.[0]?.errorType).toBe('Unauthorized');
});

test('changePassword for a user with MFA ends the other sessions and keeps this one (no new sign-in, no code sent)', async () => {
  const user = await userWithTotp(t, 'mfa-change-password', clock);
  const phone = await signInWithTotp(t, user, clock);
  const phoneTokens = phone.data!.confirmSignIn!.tokens!;
  const sent = t.world.engine.outbox.latest(user.email);
  const changed = await t.gql(ChangePasswordDocument, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, { token: user.accessToken });
  expect(changed.errors).toBeUndefined();
  expect(changed.data?.changePassword).toEqual({ otherSessionsEnded: true, tokens: null });
  expectUnauthenticated(await t.gql(MeDocument, {}, { token: phoneTokens.accessToken }));
  expect(errorCode(await t.gql(RefreshSessionDocument, { input: { refreshToken: phoneTokens.refreshToken! } }, { apiKey: API_KEY }))).toBe('NOT_AUTHORIZED');
  expect((await t.gql(MeDocument, {}, { token: user.accessToken })).data?.me?.sub).toBe(user.sub);
  expect(t.world.engine.outbox.latest(user.email)).toBe(sent);
});
