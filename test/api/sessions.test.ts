/**
 * refreshSession, signOut and globalSignOut, and the API's refusal of access tokens of sessions
 * that were signed out (which a plain JWT verifier would still accept until they expire).
 * The engine runs on the system clock here: the API compares token issue times with real time.
 */
import { GlobalSignOutDocument, MeDocument, RefreshSessionDocument, SignOutDocument } from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectError, expectRefreshedSession, expectUnauthenticated } from '../support/expect';
import { claimsOf, signedUpUser, signInTokens, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const me = (token: string) => t.gql(MeDocument, {}, { token });
const refresh = (refreshToken: string) => t.gql(RefreshSessionDocument, { input: { refreshToken } }, { apiKey: API_KEY });
const signOut = (token: string, refreshToken: string) => t.gql(SignOutDocument, { input: { refreshToken } }, { token });
const globalSignOut = (token: string) => t.gql(GlobalSignOutDocument, {}, { token });

async function expectWorks(accessToken: string, sub: string): Promise<void> {
  const response = await me(accessToken);
  expect(response.status).toBe(200);
  expect(response.data?.me?.sub).toBe(sub);
}

/** Waits until early in a wall-clock second, so the next few calls share it. */
async function startOfSecond(): Promise<number> {
  const wait = 1000 - (Date.now() % 1000);
  if (wait < 900) await new Promise((resolve) => setTimeout(resolve, wait + 5));
  return Math.floor(Date.now() / 1000);
}

describe('refreshSession', () => {
  test('gives new ID and access tokens for the same user; the refresh token stays the same', async () => {
    const user = await signedUpUser(t, uniqueEmail('refresh'));
    const tokens = expectRefreshedSession(await refresh(user.refreshToken), user);
    expect(claimsOf(tokens.idToken)).toMatchObject({ sub: user.sub, email: user.email });
    await expectWorks(tokens.accessToken, user.sub);
  });

  test('a refresh token the engine never issued is refused', async () => {
    expectError(await refresh('not.a.refresh-token'), 'refreshSession', 'NOT_AUTHORIZED', 'Invalid Refresh Token');
  });
});

describe('signOut', () => {
  test('revokes this session: its access tokens get 401 and its refresh token is refused', async () => {
    const user = await signedUpUser(t, uniqueEmail('signout'));
    const refreshed = (await refresh(user.refreshToken)).data!.refreshSession!.tokens!.accessToken;
    const response = await signOut(user.accessToken, user.refreshToken);
    expect(response.errors).toBeUndefined();
    expect(response.data?.signOut).toBe(true);
    expectUnauthenticated(await me(user.accessToken));
    // Every access token of the session, not only the one that signed out.
    expectUnauthenticated(await me(refreshed));
    expectError(await refresh(user.refreshToken), 'refreshSession', 'NOT_AUTHORIZED', 'Refresh Token has been revoked');
  });

  test("leaves the user's other sessions signed in", async () => {
    const user = await signedUpUser(t, uniqueEmail('signout-one'));
    const other = await signInTokens(t, user.email);
    await signOut(user.accessToken, user.refreshToken);
    await expectWorks(other.accessToken, user.sub);
    expect((await refresh(other.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
  });

  test.each([
    ['malformed', 'has spaces in it', 'refreshToken is not a valid token'],
    ['empty', '', 'refreshToken must not be empty'],
    ['oversized', 'a'.repeat(16385), 'refreshToken must be at most 16384 characters'],
    ['well-formed but made up', 'abc.def', "refreshToken is not this session's refresh token"],
  ])('a refresh token that is %s gets BAD_USER_INPUT and the session stays signed in', async (_kind, refreshToken, message) => {
    const user = await signedUpUser(t, uniqueEmail('signout-bad'));
    expectError(await signOut(user.accessToken, refreshToken), 'signOut', 'BAD_USER_INPUT', message);
    await expectWorks(user.accessToken, user.sub);
    expect((await refresh(user.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
  });

  test("another session's refresh token, of the same user or another, is refused and both stay signed in", async () => {
    const user = await signedUpUser(t, uniqueEmail('signout-mine'));
    const mySecondSession = await signInTokens(t, user.email);
    const someoneElse = await signedUpUser(t, uniqueEmail('signout-theirs'));
    for (const foreign of [mySecondSession, someoneElse]) {
      expectError(await signOut(user.accessToken, foreign.refreshToken), 'signOut', 'BAD_USER_INPUT', "refreshToken is not this session's refresh token");
    }
    await expectWorks(user.accessToken, user.sub);
    await expectWorks(mySecondSession.accessToken, user.sub);
    await expectWorks(someoneElse.accessToken, someoneElse.sub);
    for (const session of [user, mySecondSession, someoneElse]) {
      expect((await refresh(session.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
    }
  });
});

describe('globalSignOut', () => {
  test('signs out every session: all access tokens get 401, all refresh tokens are refused', async () => {
    const user = await signedUpUser(t, uniqueEmail('global'));
    const other = await signInTokens(t, user.email);
    const response = await globalSignOut(user.accessToken);
    expect(response.errors).toBeUndefined();
    expect(response.data?.globalSignOut).toBe(true);
    for (const session of [user, other]) {
      expectUnauthenticated(await me(session.accessToken));
      expectError(await refresh(session.refreshToken), 'refreshSession', 'NOT_AUTHORIZED', 'Refresh Token has been revoked');
    }
  });

  test('a sign-in after a global sign-out works, even within the same second', async () => {
    const user = await signedUpUser(t, uniqueEmail('global-again'));
    // Sign in, sign out everywhere and sign in again within one second of wall-clock time: the
    // token claims (whole seconds) cannot tell the old session from the new one.
    let sameSecond = false;
    for (let attempt = 0; attempt < 3 && !sameSecond; attempt++) {
      const second = await startOfSecond();
      const before = await signInTokens(t, user.email);
      await globalSignOut(before.accessToken);
      const after = await signInTokens(t, user.email);
      sameSecond = claimsOf(before.accessToken).iat === second && claimsOf(after.accessToken).iat === second;
      expectUnauthenticated(await me(before.accessToken));
      await expectWorks(after.accessToken, user.sub);
      expect((await refresh(after.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
    }
    expect(sameSecond).toBe(true);
  });

  test('a later sign-in is not affected by an earlier global sign-out', async () => {
    const user = await signedUpUser(t, uniqueEmail('global-later'));
    await globalSignOut(user.accessToken);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const fresh = await signInTokens(t, user.email);
    await expectWorks(fresh.accessToken, user.sub);
  });
});
