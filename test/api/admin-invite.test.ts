/**
 * Inviting users: adminCreateUser emails a temporary password, the invited user's first
 * sign-in asks for a new one, and confirmSignIn finishes it. Also suppressed and resent
 * invitations, and admin attribute changes.
 */
import { AdminCreateUserDocument, AdminUpdateUserAttributesDocument, ConfirmSignInDocument, MeDocument, UserDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { adminToken } from '../support/admin';
import { expectBadCredentials, expectError } from '../support/expect';
import { messagesTo, NEW_PASSWORD, PASSWORD, signIn, uniqueEmail } from '../support/users';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
});
afterAll(() => t.stop());

type CreateInput = { temporaryPassword?: string; suppressInvitation?: boolean; resendInvitation?: boolean; attributes?: { name?: string } };
const invite = (email: string, input: CreateInput = {}) => t.gql(AdminCreateUserDocument, { input: { username: email, ...input } }, { token });
const userStatus = async (email: string) => (await t.gql(UserDocument, { username: email }, { token })).data?.user?.status;

/** Signs in with the temporary password: the step asks for a new password. Returns the session. */
async function expectNewPasswordStep(email: string, temporaryPassword: string): Promise<string> {
  const response = await signIn(t, email, temporaryPassword);
  expect(response.errors).toBeUndefined();
  expect(response.data?.signIn).toMatchObject({ isSignedIn: false, tokens: null, nextStep: { signInStep: 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED' } });
  expect(response.data!.signIn!.session).toEqual(expect.any(String));
  return response.data!.signIn!.session!;
}

describe('the invite flow', () => {
  test('invitation with a temporary password → CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED → confirmSignIn → DONE', async () => {
    const email = uniqueEmail('invited');
    const created = await invite(email, { attributes: { name: 'Ada Invited' } });
    expect(created.errors).toBeUndefined();
    expect(created.data?.adminCreateUser).toMatchObject({ email, status: 'FORCE_CHANGE_PASSWORD', enabled: true, name: 'Ada Invited' });
    expect(messagesTo(t, email)).toBe(1);
    const temporaryPassword = t.codeFor(email);

    const session = await expectNewPasswordStep(email, temporaryPassword);
    const confirmed = await t.gql(ConfirmSignInDocument, { input: { session, challengeResponse: NEW_PASSWORD } }, { apiKey: API_KEY });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmSignIn).toMatchObject({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
    const accessToken = confirmed.data!.confirmSignIn!.tokens!.accessToken;
    expect((await t.gql(MeDocument, {}, { token: accessToken })).data?.me).toMatchObject({ email, status: 'CONFIRMED', name: 'Ada Invited' });

    // The new password is now the password; the temporary one is gone.
    expect((await signIn(t, email, NEW_PASSWORD)).data?.signIn?.nextStep.signInStep).toBe('DONE');
    expectBadCredentials(await signIn(t, email, temporaryPassword));
  });

  test('a given temporary password is the one sent', async () => {
    const email = uniqueEmail('invited-given');
    expect((await invite(email, { temporaryPassword: PASSWORD })).errors).toBeUndefined();
    expect(t.codeFor(email)).toBe(PASSWORD);
    await expectNewPasswordStep(email, PASSWORD);
  });

  test('suppressInvitation creates the user and sends nothing', async () => {
    const email = uniqueEmail('suppressed');
    const created = await invite(email, { temporaryPassword: PASSWORD, suppressInvitation: true });
    expect(created.data?.adminCreateUser?.status).toBe('FORCE_CHANGE_PASSWORD');
    expect(messagesTo(t, email)).toBe(0);
    expect(await userStatus(email)).toBe('FORCE_CHANGE_PASSWORD');
    await expectNewPasswordStep(email, PASSWORD);
  });

  test('resendInvitation sends a new temporary password; the first one stops working', async () => {
    const email = uniqueEmail('resent');
    await invite(email);
    const first = t.codeFor(email);
    const resent = await invite(email, { resendInvitation: true });
    expect(resent.errors).toBeUndefined();
    expect(messagesTo(t, email)).toBe(2);
    const second = t.codeFor(email);
    expect(second).not.toBe(first);
    expectBadCredentials(await signIn(t, email, first));
    await expectNewPasswordStep(email, second);
  });

  test('resendInvitation for a user who already signed in is refused and sends nothing', async () => {
    const email = uniqueEmail('resent-late');
    await invite(email);
    const session = await expectNewPasswordStep(email, t.codeFor(email));
    await t.gql(ConfirmSignInDocument, { input: { session, challengeResponse: NEW_PASSWORD } }, { apiKey: API_KEY });
    expectError(await invite(email, { resendInvitation: true }), 'adminCreateUser', 'INVALID_STATE');
    expect(messagesTo(t, email)).toBe(1);
    expect(await userStatus(email)).toBe('CONFIRMED');
  });

  test('inviting an existing user is refused and sends nothing', async () => {
    const email = uniqueEmail('invited-twice');
    await invite(email);
    expectError(await invite(email), 'adminCreateUser', 'USERNAME_EXISTS');
    expect(messagesTo(t, email)).toBe(1);
  });

  test('suppressInvitation and resendInvitation together are refused', async () => {
    const email = uniqueEmail('both');
    expectError(await invite(email, { suppressInvitation: true, resendInvitation: true }), 'adminCreateUser', 'BAD_USER_INPUT');
    expect(messagesTo(t, email)).toBe(0);
    expectError(await t.gql(UserDocument, { username: email }, { token }), 'user', 'USER_NOT_FOUND');
  });
});

describe('adminUpdateUserAttributes', () => {
  test('sets profile and custom attributes and the verification flag', async () => {
    const email = uniqueEmail('attrs');
    await invite(email, { suppressInvitation: true });
    const input = { name: 'Grace', familyName: 'Hopper', custom: JSON.stringify({ plan: 'pro' }), emailVerified: true };
    const updated = await t.gql(AdminUpdateUserAttributesDocument, { username: email, input }, { token });
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.adminUpdateUserAttributes).toMatchObject({ email, name: 'Grace', familyName: 'Hopper', emailVerified: true });
    expect(JSON.parse(updated.data!.adminUpdateUserAttributes!.customAttributes)).toEqual({ plan: 'pro' });
    expect((await t.gql(UserDocument, { username: email }, { token })).data?.user).toMatchObject({ name: 'Grace', familyName: 'Hopper' });
  });

  test('no attributes at all is refused', async () => {
    const email = uniqueEmail('attrs-none');
    await invite(email, { suppressInvitation: true });
    expectError(await t.gql(AdminUpdateUserAttributesDocument, { username: email, input: {} }, { token }), 'adminUpdateUserAttributes', 'BAD_USER_INPUT');
  });
});
