/**
 * The API against an app client WITH a secret (test/fixtures/user-pool-client-secret.json): every
 * public Cognito call then needs SECRET_HASH (or, for RevokeToken, the secret), and the engine
 * refuses any call without it, so each flow passing here shows the API sent the right one.
 * refreshSession needs the user's sub from the caller (Cognito hashes the sub for refreshes).
 */
import { CognitoIdentityProviderClient, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import {
  ChangePasswordDocument,
  ConfirmResetPasswordDocument,
  ConfirmSignUpDocument,
  GlobalSignOutDocument,
  MeDocument,
  RefreshSessionDocument,
  ResendSignUpCodeDocument,
  ResetPasswordDocument,
  SignOutDocument,
  SignUpDocument,
} from '../generated/graphql';
import { join } from 'node:path';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectBadCredentials, expectCodeResent, expectError, expectMaskedEmail, expectRefreshedSession, expectUnauthenticated } from '../support/expect';
import { claimsOf, messagesTo, NEW_PASSWORD, PASSWORD, signedUpUser, signIn, signInTokens, signUpUser, uniqueEmail, wrongCode } from '../support/users';

const SECRET_POOL_FILE = join(__dirname, '..', 'fixtures', 'user-pool-client-secret.json');

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi({ poolFile: SECRET_POOL_FILE });
});
afterAll(() => t.stop());

const me = (token: string) => t.gql(MeDocument, {}, { token });
const confirm = (username: string, code: string) => t.gql(ConfirmSignUpDocument, { input: { username, code } }, { apiKey: API_KEY });
const refresh = (refreshToken: string, username?: string) => t.gql(RefreshSessionDocument, { input: { refreshToken, username } }, { apiKey: API_KEY });

/** Only `working` signs in; `refused` gets the wrong-password answer. */
async function expectPassword(email: string, working: string, refused: string): Promise<void> {
  expect((await signIn(t, email, working)).data?.signIn?.isSignedIn).toBe(true);
  expectBadCredentials(await signIn(t, email, refused));
}

describe('the secret client', () => {
  test('has a secret, and the engine refuses a call made without SECRET_HASH', async () => {
    const { engine, pool } = t.world;
    expect(pool.clientSecret).toEqual(expect.any(String));
    const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials, maxAttempts: 1 });
    try {
      const email = uniqueEmail('no-hash');
      await expect(sdk.send(new SignUpCommand({ ClientId: pool.clientId, Username: email, Password: PASSWORD }))).rejects.toMatchObject({
        name: 'NotAuthorizedException',
        message: expect.stringMatching(/SECRET_HASH was not received/),
      });
      expect(messagesTo(t, email)).toBe(0);
    } finally {
      sdk.destroy();
    }
  });
});

describe('sign-up', () => {
  test('signUp, then confirmSignUp with the emailed code: the user signs in and `me` shows them CONFIRMED', async () => {
    const email = uniqueEmail('secret-signup');
    const response = await t.gql(SignUpDocument, { input: { username: email, password: PASSWORD } }, { apiKey: API_KEY });
    expect(response.errors).toBeUndefined();
    const result = response.data!.signUp!;
    expect(result).toMatchObject({ isSignUpComplete: false, nextStep: { signUpStep: 'CONFIRM_SIGN_UP' } });
    expectMaskedEmail(result.nextStep.codeDeliveryDetails, email);
    expect(messagesTo(t, email)).toBe(1);
    // Not confirmed yet: the right password answers with the step, not tokens.
    expect((await signIn(t, email)).data?.signIn).toMatchObject({ isSignedIn: false, nextStep: { signInStep: 'CONFIRM_SIGN_UP' } });

    const code = t.codeFor(email);
    expectError(await confirm(email, wrongCode(code)), 'confirmSignUp', 'CODE_MISMATCH');
    const confirmed = await confirm(email, code);
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmSignUp).toEqual({ isSignUpComplete: true, nextStep: { signUpStep: 'DONE' } });

    const { accessToken } = await signInTokens(t, email);
    const profile = await me(accessToken);
    expect(profile.data?.me).toMatchObject({ sub: result.userId, email, emailVerified: true, status: 'CONFIRMED' });
  });

  test('resendSignUpCode sends a new code, which confirms', async () => {
    const email = uniqueEmail('secret-resend');
    await signUpUser(t, email);
    const first = t.codeFor(email);
    await expectCodeResent(t, email, first, await t.gql(ResendSignUpCodeDocument, { input: { username: email } }, { apiKey: API_KEY }), confirm);
    expect((await signIn(t, email)).data?.signIn?.isSignedIn).toBe(true);
  });
});

describe('sign-in and me', () => {
  test('signIn gives tokens of the secret client; `me` answers with them; a wrong password is refused', async () => {
    const email = uniqueEmail('secret-signin');
    const sub = await signUpUser(t, email);
    await confirm(email, t.codeFor(email));
    const response = await signIn(t, email);
    expect(response.errors).toBeUndefined();
    const result = response.data!.signIn!;
    expect(result).toMatchObject({ isSignedIn: true, session: null, nextStep: { signInStep: 'DONE' } });
    expect(result.tokens).toMatchObject({ tokenType: 'Bearer', expiresIn: 3600, refreshToken: expect.any(String) });
    expect(claimsOf(result.tokens!.accessToken)).toMatchObject({ sub, client_id: t.world.pool.clientId, token_use: 'access' });
    expect(claimsOf(result.tokens!.idToken)).toMatchObject({ sub, email, aud: t.world.pool.clientId });

    const profile = await me(result.tokens!.accessToken);
    expect(profile.status).toBe(200);
    expect(profile.errors).toBeUndefined();
    expect(profile.data?.me).toMatchObject({ username: sub, sub, email, emailVerified: true, status: 'CONFIRMED', enabled: true });

    expectBadCredentials(await signIn(t, email, 'Wr0ng-Passw0rd!'));
  });
});

describe('refreshSession', () => {
  test("with the user's sub as username: new tokens for the same session, which `me` accepts", async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-refresh'));
    const tokens = expectRefreshedSession(await refresh(user.refreshToken, user.sub), user);
    expect((await me(tokens.accessToken)).data?.me?.sub).toBe(user.sub);
  });

  test('without username: BAD_USER_INPUT naming the field, as the schema documents; the token still works after', async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-refresh-nouser'));
    const response = await refresh(user.refreshToken);
    expectError(response, 'refreshSession', 'BAD_USER_INPUT', 'username (the sub) is required for this app client');
    expect(response.errors![0].extensions?.field).toBe('username');
    expect((await refresh(user.refreshToken, user.sub)).data?.refreshSession?.isSignedIn).toBe(true);
  });

  test('with the email (or another user’s sub) instead of the sub: refused, since the SECRET_HASH does not match', async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-refresh-email'));
    const other = await signedUpUser(t, uniqueEmail('secret-refresh-other'));
    for (const username of [user.email, other.sub]) {
      expectError(await refresh(user.refreshToken, username), 'refreshSession', 'NOT_AUTHORIZED', /secret hash/i);
    }
    expect((await refresh(user.refreshToken, user.sub)).data?.refreshSession?.isSignedIn).toBe(true);
  });
});

describe('signing out', () => {
  test('signOut: the access token gets 401 and the refresh token is refused; another session stays signed in', async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-signout'));
    const other = await signInTokens(t, user.email);
    const response = await t.gql(SignOutDocument, { input: { refreshToken: user.refreshToken } }, { token: user.accessToken });
    expect(response.errors).toBeUndefined();
    expect(response.data?.signOut).toBe(true);
    expectUnauthenticated(await me(user.accessToken));
    expectError(await refresh(user.refreshToken, user.sub), 'refreshSession', 'NOT_AUTHORIZED', 'Refresh Token has been revoked');
    expect((await me(other.accessToken)).data?.me?.sub).toBe(user.sub);
    expect((await refresh(other.refreshToken, user.sub)).data?.refreshSession?.isSignedIn).toBe(true);
  });

  test("signOut with another session's refresh token, the user's own or someone else's, is refused and ends nothing", async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-signout-mine'));
    const mySecondSession = await signInTokens(t, user.email);
    const someoneElse = await signedUpUser(t, uniqueEmail('secret-signout-theirs'));
    for (const foreign of [mySecondSession, someoneElse]) {
      const response = await t.gql(SignOutDocument, { input: { refreshToken: foreign.refreshToken } }, { token: user.accessToken });
      expectError(response, 'signOut', 'BAD_USER_INPUT', "refreshToken is not this session's refresh token");
    }
    for (const [session, sub] of [[user, user.sub], [mySecondSession, user.sub], [someoneElse, someoneElse.sub]] as const) {
      expect((await me(session.accessToken)).data?.me?.sub).toBe(sub);
      expect((await refresh(session.refreshToken, sub)).data?.refreshSession?.isSignedIn).toBe(true);
    }
  });

  test('globalSignOut: every session’s access token gets 401 and every refresh token is refused', async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-global'));
    const other = await signInTokens(t, user.email);
    const response = await t.gql(GlobalSignOutDocument, {}, { token: user.accessToken });
    expect(response.errors).toBeUndefined();
    expect(response.data?.globalSignOut).toBe(true);
    for (const session of [user, other]) {
      expectUnauthenticated(await me(session.accessToken));
      expectError(await refresh(session.refreshToken, user.sub), 'refreshSession', 'NOT_AUTHORIZED', 'Refresh Token has been revoked');
    }
  });
});

describe('passwords', () => {
  test('resetPassword, then confirmResetPassword with the code: the new password signs in, the old one does not', async () => {
    const email = uniqueEmail('secret-reset');
    await signedUpUser(t, email);
    const response = await t.gql(ResetPasswordDocument, { input: { username: email } }, { apiKey: API_KEY });
    expect(response.errors).toBeUndefined();
    expect(response.data?.resetPassword).toMatchObject({ isPasswordReset: false, nextStep: { resetPasswordStep: 'CONFIRM_RESET_PASSWORD_WITH_CODE' } });
    expectMaskedEmail(response.data?.resetPassword?.nextStep.codeDeliveryDetails, email);
    expect(t.world.engine.outbox.latest(email)?.purpose).toBe('FORGOT_PASSWORD');

    const confirmed = await t.gql(ConfirmResetPasswordDocument, { input: { username: email, code: t.codeFor(email), newPassword: NEW_PASSWORD } }, { apiKey: API_KEY });
    expect(confirmed.errors).toBeUndefined();
    expect(confirmed.data?.confirmResetPassword).toEqual({ isPasswordReset: true, nextStep: { resetPasswordStep: 'DONE' } });
    await expectPassword(email, NEW_PASSWORD, PASSWORD);
  });

  test('changePassword: the new password signs in, the old one does not', async () => {
    const user = await signedUpUser(t, uniqueEmail('secret-change'));
    const response = await t.gql(ChangePasswordDocument, { input: { oldPassword: PASSWORD, newPassword: NEW_PASSWORD } }, { token: user.accessToken });
    expect(response.errors).toBeUndefined();
    expect(response.data?.changePassword).toMatchObject({ otherSessionsEnded: true, tokens: { accessToken: expect.any(String) } });
    await expectPassword(user.email, NEW_PASSWORD, PASSWORD);
  });
});
