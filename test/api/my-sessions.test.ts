/**
 * The user's sign-in sessions from the directory (ASVS 7.5.2): each sign-in is listed with its
 * address, User-Agent and times, the caller's own marked current; ending one makes its access
 * tokens and its refresh token stop working while the others keep working; a global sign-out ends
 * them all. Admins see a user's sessions.
 */
import { AdminUserSecurityDocument, EndSessionDocument, GlobalSignOutDocument, MeDocument, MySessionsDocument, RefreshSessionDocument } from '../generated/graphql';
import { nextSecond } from '../../src/resolvers/endSessions';
import { adminToken } from '../support/admin';
import { API_KEY, errorCode, startTestApi, TestApi } from '../support/api';
import { expectUnauthenticated } from '../support/expect';
import { signedUpUser, signInTokens, Tokens, uniqueEmail } from '../support/users';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const me = (token: string) => t.gql(MeDocument, {}, { token });
const refresh = (refreshToken: string) => t.gql(RefreshSessionDocument, { input: { refreshToken } }, { apiKey: API_KEY });
const sessions = async (token: string) => (await t.gql(MySessionsDocument, {}, { token })).data!.mySessions!.items;

async function expectLive(tokens: Tokens, sub: string): Promise<void> {
  expect((await me(tokens.accessToken)).data?.me?.sub).toBe(sub);
  expect((await refresh(tokens.refreshToken)).data?.refreshSession?.isSignedIn).toBe(true);
}

test('each sign-in is a session, the caller\'s own marked current', async () => {
  const user = await signedUpUser(t, uniqueEmail('sessions-list'));
  const phone = await signInTokens(t, user.email);
  const listed = await sessions(phone.accessToken);
  expect(listed).toHaveLength(2);
  const currentId = (list: typeof listed) => list.filter((s) => s.current).map((s) => s.id);
  expect(currentId(listed)).toHaveLength(1);
  for (const session of listed) {
    expect(session).toMatchObject({ id: expect.stringMatching(/^\d+\.[\w-]+$/), ip: '127.0.0.1', device: expect.any(String) });
    expect(Date.parse(session.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(session.startedAt));
  }
  const fromLaptop = await sessions(user.accessToken);
  expect(currentId(fromLaptop)).toHaveLength(1);
  expect(currentId(fromLaptop)).not.toEqual(currentId(listed));
});

test('ending one session: its access and refresh tokens stop working, the others keep working', async () => {
  const user = await signedUpUser(t, uniqueEmail('sessions-end'));
  const laptop: Tokens = user;
  const phone = await signInTokens(t, user.email);
  const phoneSession = (await sessions(phone.accessToken)).find((s) => s.current)!;
  expect((await t.gql(EndSessionDocument, { id: phoneSession.id }, { token: laptop.accessToken })).data?.endSession).toBe(true);
  expectUnauthenticated(await me(phone.accessToken));
  const refused = await refresh(phone.refreshToken);
  expect([errorCode(refused), refused.errors?.[0]?.message]).toEqual(['NOT_AUTHORIZED', 'Refresh Token has been revoked']);
  await expectLive(laptop, user.sub);
  expect((await sessions(laptop.accessToken)).map((s) => s.id)).not.toContain(phoneSession.id);
  // Ended is ended: a second time, and an id that is not the caller's, find nothing.
  expect(errorCode(await t.gql(EndSessionDocument, { id: phoneSession.id }, { token: laptop.accessToken }))).toBe('NOT_FOUND');
});

test("another user's session id, a made-up one and a malformed one end nothing", async () => {
  const owner = await signedUpUser(t, uniqueEmail('sessions-owner'));
  const stranger = await signedUpUser(t, uniqueEmail('sessions-stranger'));
  const [ownerSession] = await sessions(owner.accessToken);
  expect(errorCode(await t.gql(EndSessionDocument, { id: ownerSession.id }, { token: stranger.accessToken }))).toBe('NOT_FOUND');
  expect(errorCode(await t.gql(EndSessionDocument, { id: `${Date.now()}.made-up` }, { token: stranger.accessToken }))).toBe('NOT_FOUND');
  const malformed = await t.gql(EndSessionDocument, { id: 'not a session id' }, { token: stranger.accessToken });
  expect([errorCode(malformed), malformed.errors?.[0]?.extensions?.field]).toEqual(['BAD_USER_INPUT', 'id']);
  await expectLive(owner, owner.sub);
  expect(await sessions(owner.accessToken)).toHaveLength(1);
});

test('a global sign-out ends every listed session', async () => {
  const user = await signedUpUser(t, uniqueEmail('sessions-global'));
  await signInTokens(t, user.email);
  expect((await t.gql(GlobalSignOutDocument, {}, { token: user.accessToken })).data?.globalSignOut).toBe(true);
  await nextSecond(); // a new session in a later second than the sign-out
  const fresh = await signInTokens(t, user.email);
  const listed = await sessions(fresh.accessToken);
  expect(listed).toHaveLength(1);
  expect(listed[0].current).toBe(true);
});

test("an admin sees a user's sessions", async () => {
  const user = await signedUpUser(t, uniqueEmail('sessions-admin'));
  const admin = await adminToken(t);
  const view = await t.gql(AdminUserSecurityDocument, { username: user.email }, { token: admin });
  expect(view.data?.user?.sessions?.items).toEqual([expect.objectContaining({ current: false, ip: '127.0.0.1' })]);
});
