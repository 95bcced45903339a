/**
 * What admins do to a user's state, and what the user then sees: disable and enable (live
 * sessions end), a required password reset (the RESET_PASSWORD step), passwords set by an admin
 * (permanent or temporary), and signing a user out everywhere.
 */
import {
  AdminDeleteUserDocument,
  AdminDisableUserDocument,
  AdminEnableUserDocument,
  AdminResetUserPasswordDocument,
  AdminSetUserPasswordDocument,
  AdminSignOutUserDocument,
  ConfirmResetPasswordDocument,
  ConfirmSignInDocument,
  MeDocument,
  RefreshSessionDocument,
  ResetPasswordDocument,
  UserDocument,
} from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { adminToken } from '../support/admin';
import { expectBadCredentials, expectError, expectUnauthenticated } from '../support/expect';
import { messagesTo, NEW_PASSWORD, PASSWORD, signedUpUser, SignedInUser, signIn, uniqueEmail } from '../support/users';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
});
afterAll(() => t.stop());

const me = (accessToken: string) => t.gql(MeDocument, {}, { token: accessToken });
const refresh = (refreshToken: string) => t.gql(RefreshSessionDocument, { input: { refreshToken } }, { apiKey: API_KEY });
const lookUp = async (email: string) => (await t.gql(UserDocument, { username: email }, { token })).data?.user;
const signInStep = async (email: string, password: string) => (await signIn(t, email, password)).data?.signIn?.nextStep.signInStep;

/** The session is over: its access token gets 401 and its refresh token is refused. */
async function expectSessionEnded(user: SignedInUser): Promise<void> {
  expectUnauthenticated(await me(user.accessToken));
  expectError(await refresh(user.refreshToken), 'refreshSession', 'NOT_AUTHORIZED');
}

describe('adminDisableUser and adminEnableUser', () => {
  test('a disabled user loses live sessions and cannot sign in; once enabled they can sign in again', async () => {
    const user = await signedUpUser(t, uniqueEmail('disabled'));
    const disabled = await t.gql(AdminDisableUserDocument, { username: user.email }, { token });
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data?.adminDisableUser).toEqual({ username: user.sub, enabled: false });

    await expectSessionEnded(user);
    expectError(await signIn(t, user.email), 'signIn', 'NOT_AUTHORIZED', 'User is disabled.');
    expectBadCredentials(await signIn(t, user.email, 'Wr0ng-Passw0rd!'));
    expect(await lookUp(user.email)).toMatchObject({ enabled: false, status: 'CONFIRMED' });

    const enabled = await t.gql(AdminEnableUserDocument, { username: user.sub }, { token });
    expect(enabled.data?.adminEnableUser).toEqual({ username: user.sub, enabled: true });
    const again = await signIn(t, user.email);
    expect(again.data?.signIn?.nextStep.signInStep).toBe('DONE');
    expect((await me(again.data!.signIn!.tokens!.accessToken)).data?.me?.sub).toBe(user.sub);
    // Enabling does not bring the old session back.
    await expectSessionEnded(user);
  });

  test('disabling an already disabled user, and enabling an enabled one, change nothing', async () => {
    const user = await signedUpUser(t, uniqueEmail('idempotent'));
    await t.gql(AdminDisableUserDocument, { username: user.email }, { token });
    expect((await t.gql(AdminDisableUserDocument, { username: user.email }, { token })).data?.adminDisableUser?.enabled).toBe(false);
    await t.gql(AdminEnableUserDocument, { username: user.email }, { token });
    expect((await t.gql(AdminEnableUserDocument, { username: user.email }, { token })).data?.adminEnableUser?.enabled).toBe(true);
    expect(await signInStep(user.email, PASSWORD)).toBe('DONE');
  });
});

describe('adminResetUserPassword', () => {
  test("the user's next sign-in is RESET_PASSWORD; resetPassword + confirmResetPassword with the code → DONE", async () => {
    const user = await signedUpUser(t, uniqueEmail('reset'));
    const sentBefore = messagesTo(t, user.email);
    const reset = await t.gql(AdminResetUserPasswordDocument, { username: user.email }, { token });
    expect(reset.errors).toBeUndefined();
    expect(reset.data?.adminResetUserPassword).toBe(true);
    expect(await lookUp(user.email)).toMatchObject({ status: 'RESET_REQUIRED' });

    const step = await signIn(t, user.email);
    expect(step.errors).toBeUndefined();
    expect(step.data?.signIn).toMatchObject({ isSignedIn: false, tokens: null, nextStep: { signInStep: 'RESET_PASSWORD' } });

    const started = await t.gql(ResetPasswordDocument, { input: { username: user.email } }, { apiKey: API_KEY });
    expect(started.data?.resetPassword?.nextStep.resetPasswordStep).toBe('CONFIRM_RESET_PASSWORD_WITH_CODE');
    expect(messagesTo(t, user.email)).toBeGreaterThan(sentBefore);
    const confirmed = await t.gql(
      ConfirmResetPasswordDocument,
      { input: { username: user.email, code: t.codeFor(user.email), newPassword: NEW_PASSWORD } },
      { apiKey: API_KEY },
    );
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmResetPassword?.isPasswordReset).toBe(true);

    expect(await signInStep(user.email, NEW_PASSWORD)).toBe('DONE');
    expectBadCredentials(await signIn(t, user.email, PASSWORD));
    expect(await lookUp(user.email)).toMatchObject({ status: 'CONFIRMED' });
  });
});

describe('adminSetUserPassword', () => {
  test('permanent: the user signs in with it straight away, and the old password stops working', async () => {
    const user = await signedUpUser(t, uniqueEmail('set-permanent'));
    const set = await t.gql(AdminSetUserPasswordDocument, { input: { username: user.email, password: NEW_PASSWORD, permanent: true } }, { token });
    expect(set.data?.adminSetUserPassword).toBe(true);
    expect(await signInStep(user.email, NEW_PASSWORD)).toBe('DONE');
    expectBadCredentials(await signIn(t, user.email, PASSWORD));
    expect(await lookUp(user.email)).toMatchObject({ status: 'CONFIRMED' });
  });

  test('temporary: the next sign-in asks for a new password', async () => {
    const user = await signedUpUser(t, uniqueEmail('set-temporary'));
    const set = await t.gql(AdminSetUserPasswordDocument, { input: { username: user.email, password: NEW_PASSWORD, permanent: false } }, { token });
    expect(set.data?.adminSetUserPassword).toBe(true);
    expect(await lookUp(user.email)).toMatchObject({ status: 'FORCE_CHANGE_PASSWORD' });
    expect(await signInStep(user.email, NEW_PASSWORD)).toBe('CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED');
  });

  test("the user's session ends with the admin's change, and me after the first sign-in shows the new state, not a reused copy", async () => {
    const user = await signedUpUser(t, uniqueEmail('set-temporary-me'));
    expect((await me(user.accessToken)).data?.me?.status).toBe('CONFIRMED');
    await t.gql(AdminSetUserPasswordDocument, { input: { username: user.email, password: NEW_PASSWORD, permanent: false } }, { token });
    expectUnauthenticated(await me(user.accessToken));
    const session = (await signIn(t, user.email, NEW_PASSWORD)).data!.signIn!.session!;
    const input = { session, challengeResponse: PASSWORD, attributes: { givenName: 'Ada' } };
    const confirmed = await t.gql(ConfirmSignInDocument, { input }, { apiKey: API_KEY });
    const accessToken = confirmed.data!.confirmSignIn!.tokens!.accessToken;
    expect((await me(accessToken)).data?.me).toMatchObject({ status: 'CONFIRMED', givenName: 'Ada' });
  });

  test("a password that breaks the pool's policy is refused and the old one still works", async () => {
    const user = await signedUpUser(t, uniqueEmail('set-weak'));
    const set = await t.gql(AdminSetUserPasswordDocument, { input: { username: user.email, password: 'weakpassword' } }, { token });
    expectError(set, 'adminSetUserPassword', 'INVALID_PASSWORD', /^Password did not conform with policy/);
    expect(await signInStep(user.email, PASSWORD)).toBe('DONE');
  });
});

describe('adminSignOutUser', () => {
  test('ends every live session (401, refresh refused); a new sign-in works', async () => {
    const user = await signedUpUser(t, uniqueEmail('signed-out'));
    const other = await signedUpUser(t, uniqueEmail('bystander'));
    const response = await t.gql(AdminSignOutUserDocument, { username: user.email }, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.adminSignOutUser).toBe(true);
    await expectSessionEnded(user);
    // Only that user's sessions.
    expect((await me(other.accessToken)).data?.me?.sub).toBe(other.sub);
    // Straight away, even within the second of the sign-out.
    const fresh = await signIn(t, user.email);
    expect((await me(fresh.data!.signIn!.tokens!.accessToken)).data?.me?.sub).toBe(user.sub);
  });
});

describe('adminDeleteUser', () => {
  test('the user is gone: sessions end, sign-in is refused as for a stranger, the email is free', async () => {
    const user = await signedUpUser(t, uniqueEmail('deleted'));
    const response = await t.gql(AdminDeleteUserDocument, { username: user.email }, { token });
    expect(response.errors).toBeUndefined();
    expect(response.data?.adminDeleteUser).toBe(true);
    await expectSessionEnded(user);
    expectBadCredentials(await signIn(t, user.email));
    expectError(await t.gql(UserDocument, { username: user.email }, { token }), 'user', 'USER_NOT_FOUND', 'User does not exist.');
    const again = await signedUpUser(t, user.email);
    expect(again.sub).not.toBe(user.sub);
  });
});
