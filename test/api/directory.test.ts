/**
 * The user directory end to end: the engine calls the project's trigger handlers in-process (as
 * `npm start` does), and the API reads and writes the directory, over HTTP as a frontend and an
 * admin do. Each record's origin is checked in the table itself, so a record made lazily on read
 * cannot pass for one a trigger made.
 */
import * as ops from '../generated/graphql';
import { adminToken } from '../support/admin';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { claimsOf, confirmedUser, PASSWORD, signedUpUser, signIn, signInTokens, uniqueEmail } from '../support/users';

let t: TestApi;
let admin: string;
beforeAll(async () => {
  // A long revocation window, so the call counts below are the directory's own.
  t = await startTestApi({ cache: { revocationMs: 10_000, profileMs: 5000 } });
  admin = await adminToken(t);
});
afterAll(() => t.stop());

const myMetadata = async (token: string) => (await t.gql(ops.MyMetadataDocument, {}, { token })).data?.me?.metadata;
const myEvents = async (token: string) => (await t.gql(ops.MySecurityEventsDocument, { limit: 60 }, { token })).data?.me?.securityEvents?.items ?? [];

test('sign-up and confirmation: PostConfirmation makes the record', async () => {
  const email = uniqueEmail('dir-confirm');
  const sub = await confirmedUser(t, email);
  const record = await t.directory.get(sub);
  expect(record).toMatchObject({ sub, email, status: 'CONFIRMED', signUpSource: 'SIGN_UP', signInCount: 0 });
  expect(record!.confirmedAt).toEqual(expect.any(Number));
});

test('sign-in: the counters move and a SIGN_IN event appears, with the client address and device', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-signin'));
  const before = (await t.directory.get(user.sub))!;
  const again = await t.gql(ops.SignInDocument, { input: { username: user.email, password: PASSWORD } }, { apiKey: API_KEY, headers: { 'user-agent': 'DirectoryTest/1.0' } });
  const token = again.data!.signIn!.tokens!.accessToken;
  const metadata = await myMetadata(token);
  expect(metadata).toMatchObject({ signInCount: before.signInCount + 1, lastDevice: 'DirectoryTest/1.0', lastIp: '127.0.0.1' });
  expect(Date.parse(metadata!.lastSignInAt!)).toBeGreaterThanOrEqual(before.lastSignInAt ?? 0);
  const signIns = (await myEvents(token)).filter((e) => e.type === 'SIGN_IN');
  expect(signIns).toHaveLength(2);
  expect(signIns[0]).toMatchObject({ ip: '127.0.0.1', device: 'DirectoryTest/1.0' });
});

test('a wrong password leaves a SIGN_IN_FAILED event on the account (in the background, after the answer)', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-failed'));
  expect((await signIn(t, user.email, 'Wr0ng-Passw0rd!')).errors?.[0]?.extensions?.code).toBe('NOT_AUTHORIZED');
  let failed: unknown[] = [];
  for (let i = 0; i < 50 && failed.length === 0; i++) {
    failed = (await myEvents(user.accessToken)).filter((e) => e.type === 'SIGN_IN_FAILED');
    if (failed.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(failed).toHaveLength(1);
});

test('an admin invite makes a record, though no PostConfirmation fires', async () => {
  const email = uniqueEmail('dir-invite');
  const created = await t.gql(ops.AdminCreateUserDocument, { input: { username: email, suppressInvitation: true } }, { token: admin });
  const sub = created.data!.adminCreateUser!.sub;
  expect(await t.directory.get(sub)).toMatchObject({ sub, email, status: 'FORCE_CHANGE_PASSWORD', signUpSource: 'ADMIN_CREATE_USER' });
  const events = (await t.gql(ops.UserWithMetadataDocument, { username: email }, { token: admin })).data!.user!.securityEvents!.items;
  expect(events).toEqual([expect.objectContaining({ type: 'ADMIN_ACTION', action: 'adminCreateUser', actor: expect.any(String) })]);
});

test('an attribute change: the mirrored field follows, and the tenant query finds the user', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-tenant'));
  const tenant = `tenant-${Date.now()}`;
  expect((await t.gql(ops.UpdateMyAttributesDocument, { input: { custom: JSON.stringify({ tenant }) } }, { token: user.accessToken })).errors).toBeUndefined();
  expect((await t.directory.get(user.sub))?.indexed).toEqual({ 'custom:tenant': tenant });
  const found = await t.gql(ops.UsersByAttributeDocument, { name: 'custom:tenant', value: tenant }, { token: admin });
  expect(found.data?.usersByAttribute?.items.map((i) => i.sub)).toEqual([user.sub]);
});

test('the tenant query returns exactly that tenant, newest first, a page at a time', async () => {
  const tenant = `acme-${Date.now()}`;
  const subs: string[] = [];
  for (let i = 0; i < 5; i++) {
    const user = await signedUpUser(t, uniqueEmail(`dir-acme-${i}`));
    await t.gql(ops.UpdateMyAttributesDocument, { input: { custom: JSON.stringify({ tenant }) } }, { token: user.accessToken });
    subs.push(user.sub);
  }
  const other = await signedUpUser(t, uniqueEmail('dir-other'));
  await t.gql(ops.UpdateMyAttributesDocument, { input: { custom: JSON.stringify({ tenant: `${tenant}-other` }) } }, { token: other.accessToken });
  const first = (await t.gql(ops.UsersByAttributeDocument, { name: 'custom:tenant', value: tenant, limit: 3 }, { token: admin })).data!.usersByAttribute!;
  const second = (await t.gql(ops.UsersByAttributeDocument, { name: 'custom:tenant', value: tenant, limit: 3, nextToken: first.nextToken }, { token: admin })).data!.usersByAttribute!;
  expect([...first.items, ...second.items].map((i) => i.sub)).toEqual([...subs].reverse());
  expect(first.items[0].user?.email).toEqual(expect.stringContaining('dir-acme-4'));
});

test('PreTokenGeneration puts the directory plan and the tenant in the next tokens', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-claims'));
  await t.gql(ops.UpdateMyAttributesDocument, { input: { custom: JSON.stringify({ tenant: 'globex' }) } }, { token: user.accessToken });
  const set = await t.gql(ops.AdminUpdateUserMetadataDocument, { username: user.email, input: { plan: 'pro' } }, { token: admin });
  expect(set.data?.adminUpdateUserMetadata?.plan).toBe('pro');
  const tokens = await signInTokens(t, user.email);
  expect(claimsOf(tokens.idToken)).toMatchObject({ tenant: 'globex', plan: 'pro', sub: user.sub });
});

test('a suspended account is refused at sign-in with a message safe to show', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-suspended'));
  await t.gql(ops.AdminUpdateUserMetadataDocument, { username: user.email, input: { flags: ['suspended'] } }, { token: admin });
  const refused = await signIn(t, user.email);
  expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'REFUSED_BY_TRIGGER' }, message: 'This account cannot sign in at the moment. Please contact support.' });
  await t.gql(ops.AdminUpdateUserMetadataDocument, { username: user.email, input: { flags: [] } }, { token: admin });
  expect((await signIn(t, user.email)).data?.signIn?.isSignedIn).toBe(true);
});

test('updateMyPreferences stores preferences, display name and locale; bad ones change nothing', async () => {
  const user = await signedUpUser(t, uniqueEmail('dir-prefs'));
  const set = await t.gql(ops.UpdateMyPreferencesDocument, { input: { preferences: JSON.stringify({ theme: 'dark' }), displayName: 'Ada', locale: 'en-GB' } }, { token: user.accessToken });
  expect(set.data?.updateMyPreferences).toMatchObject({ preferences: JSON.stringify({ theme: 'dark' }), displayName: 'Ada', locale: 'en-GB' });
  for (const input of [{ preferences: JSON.stringify([1]) }, { preferences: JSON.stringify({ big: 'x'.repeat(5000) }) }, { locale: 'not a locale' }, { displayName: 'A\u202e' }, {}]) {
    const refused = await t.gql(ops.UpdateMyPreferencesDocument, { input }, { token: user.accessToken });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  }
  expect(await myMetadata(user.accessToken)).toMatchObject({ preferences: JSON.stringify({ theme: 'dark' }), displayName: 'Ada', locale: 'en-GB' });
});

test('a page of 60 users with their metadata costs one ListUsers and one BatchGetItem', async () => {
  // Warm: the admin token's revocation state is then reused, and records found behind Cognito's
  // on this first read (the seeded admin has none yet) are mirrored.
  expect((await t.gql(ops.UsersWithMetadataDocument, { limit: 60 }, { token: admin })).errors).toBeUndefined();
  const directoryCalls: string[] = [];
  const cognitoCalls: string[] = [];
  const stopDynamo = t.world.dynamo.observe((operation, tables) => tables.includes('identity-metadata') && directoryCalls.push(operation));
  const stopCognito = t.world.engine.observe((operation) => cognitoCalls.push(operation));
  const page = await t.gql(ops.UsersWithMetadataDocument, { limit: 60 }, { token: admin });
  stopDynamo();
  stopCognito();
  expect(page.errors).toBeUndefined();
  expect(page.data!.users!.items.length).toBeGreaterThan(10);
  expect(page.data!.users!.items.every((u) => u.metadata !== null)).toBe(true);
  expect(cognitoCalls).toEqual(['ListUsers']);
  expect(directoryCalls).toEqual(['BatchGetItem']);
});
