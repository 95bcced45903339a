/**
 * The changes after which old sessions must not live on (stricter than Cognito, which keeps
 * them): a password reset and an admin's new password end every session; changing one's own
 * password ends the other sessions and carries this one on with new tokens.
 */
import { AdminResetUserPasswordDocument, AdminSetUserPasswordDocument, ChangePasswordDocument, ConfirmResetPasswordDocument, MeDocument, RefreshSessionDocument, ResetPasswordDocument } from '../generated/graphql';
import { adminToken } from '../support/admin';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectUnauthenticated } from '../support/expect';
import { NEW_PASSWORD, PASSWORD, signedUpUser, signInTokens, Tokens, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const me = (token: string) => t.gql(MeDocument, {}, { token });
const refresh = (refreshToken: string) => t.gql(RefreshSessionDocument, { input: { refreshToken } }, { apiKey: API_KEY });

async function expectLive(tokens: Tokens, sub: string): Promise<void> {
  expect((await me(tokens.accessToken)).data?.me?.sub).toBe(sub);
  expect((await refresh(tokens.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
}

async function expectEnded(tokens: Tokens): Promise<void> {
  expectUnauthenticated(await me(tokens.accessToken));
  expect((await refresh(tokens.refreshToken)).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
}

/** A user with two sessions (two devices). */
async function userOnTwoDevices(label: string) {
  const user = await signedUpUser(t, uniqueEmail(label));
  const laptop: Tokens = user;
  const phone = await signInTokens(t, user.email);
  return { user, laptop, phone };
}

test('a password reset ends every earlier session, access and refresh tokens alike', async () => {
  const { user, laptop, phone } = await userOnTwoDevices('reset-ends');
  await t.gql(ResetPasswordDocument, { input: { username: user.email } }, { apiKey: API_KEY });
  const confirmed = await t.gql(ConfirmResetPasswordDocument, { input: { username: user.email, code: t.codeFor(user.email), newPassword: NEW_PASSWORD } }, { apiKey: API_KEY });
  expect(confirmed.errors).toBeUndefined();
  await expectEnded(laptop);
  await expectEnded(phone);
  await expectLive(await signInTokens(t, user.email, NEW_PASSWORD), user.sub);
});

test("after a reset, me shows the new status at once, not a copy reused from before it", async () => {
  const user = await signedUpUser(t, uniqueEmail('reset-me'));
  const admin = await adminToken(t);
  expect((await t.gql(AdminResetUserPasswordDocument, { username: user.email }, { token: admin })).errors).toBeUndefined();
  expect((await me(user.accessToken)).data?.me?.status).toBe('RESET_REQUIRED');
  const confirmed = await t.gql(ConfirmResetPasswordDocument, { input: { username: user.email, code: t.codeFor(user.email), newPassword: NEW_PASSWORD } }, { apiKey: API_KEY });
  expect(confirmed.errors).toBeUndefined();
  const fresh = await signInTokens(t, user.email, NEW_PASSWORD);
  expect((await me(fresh.accessToken)).data?.me?.status).toBe('CONFIRMED');
});

test("an admin's new password for a user ends every one of the user's sessions", async () => {
  const { user, laptop, phone } = await userOnTwoDevices('admin-set-ends');
  const admin = await adminToken(t);
  const set = await t.gql(AdminSetUserPasswordDocument, { input: { username: user.email, password: NEW_PASSWORD, permanent: true } }, { token: admin });
  expect(set.errors).toBeUndefined();
  await expectEnded(laptop);
  await expectEnded(phone);
  await expectLive(await signInTokens(t, user.email, NEW_PASSWORD), user.sub);
});

describe('changePassword', () => {
  test('ends the other sessions; this one carries on with the tokens returned', async () => {
    const { user, laptop, phone } = await userOnTwoDevices('change-ends');
    const changed = await t.gql(ChangePasswordDocument, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, { token: laptop.accessToken });
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changePassword?.otherSessionsEnded).toBe(true);
    const carriedOn = changed.data!.changePassword!.tokens!;
    await expectEnded(phone);
    // The laptop's old tokens were replaced by the new ones.
    await expectEnded(laptop);
    await expectLive({ accessToken: carriedOn.accessToken, idToken: carriedOn.idToken, refreshToken: carriedOn.refreshToken! }, user.sub);
  });

  test('with keepOtherSessions every session carries on, and no tokens are returned', async () => {
    const { user, laptop, phone } = await userOnTwoDevices('change-keeps');
    const changed = await t.gql(
      ChangePasswordDocument,
      { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD, keepOtherSessions: true } },
      { token: laptop.accessToken },
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changePassword).toEqual({ otherSessionsEnded: false, tokens: null });
    await expectLive(laptop, user.sub);
    await expectLive(phone, user.sub);
  });

  test('a wrong old password ends nothing', async () => {
    const { user, laptop, phone } = await userOnTwoDevices('change-wrong');
    const changed = await t.gql(ChangePasswordDocument, { input: { oldPassword: 'Wr0ng-Passw0rd!', newPassword: NEW_PASSWORD } }, { token: laptop.accessToken });
    expect(changed.errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
    await expectLive(laptop, user.sub);
    await expectLive(phone, user.sub);
  });
});
