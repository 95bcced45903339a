/**
 * Groups: membership shows in the user's NEXT tokens (never in tokens already issued), in
 * myGroups and me.groups at once; group management; members and groups a page at a time.
 */
import {
  AdminRemoveUserFromGroupDocument,
  CreateGroupDocument,
  DeleteGroupDocument,
  GroupDocument,
  GroupsDocument,
  MeWithGroupsDocument,
  MyGroupsDocument,
  RefreshSessionDocument,
  UpdateGroupDocument,
  UserDocument,
  UsersDocument,
} from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { addToGroup, ADMINS, adminToken, collectPages, createGroup, expectPaged } from '../support/admin';
import { expectDenied, expectError } from '../support/expect';
import { claimsOf, signedUpUser, signInTokens, uniqueEmail } from '../support/users';

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
});
afterAll(() => t.stop());

const groupsInToken = (accessToken: string) => claimsOf(accessToken)['cognito:groups'];
const listUsers = (accessToken: string) => t.gql(UsersDocument, { limit: 5 }, { token: accessToken });
const refreshedToken = async (refreshToken: string) =>
  (await t.gql(RefreshSessionDocument, { input: { refreshToken } }, { apiKey: API_KEY })).data!.refreshSession!.tokens!.accessToken;

async function expectGroupsShown(accessToken: string, names: string[]): Promise<void> {
  expect((await t.gql(MyGroupsDocument, {}, { token: accessToken })).data?.myGroups?.map((g) => g.name)).toEqual(names);
  expect((await t.gql(MeWithGroupsDocument, {}, { token: accessToken })).data?.me?.groups?.map((g) => g.name)).toEqual(names);
}

describe('membership is in the next tokens', () => {
  test('added to Admins: the old token still cannot manage users, the next ones can', async () => {
    const user = await signedUpUser(t, uniqueEmail('promoted'));
    expect(groupsInToken(user.accessToken)).toBeUndefined();
    expectDenied(await listUsers(user.accessToken), 'users', 'Query');
    await expectGroupsShown(user.accessToken, []);

    await addToGroup(t, token, user.email, ADMINS);
    // Tokens already issued are unchanged; the live lists already show the membership.
    expectDenied(await listUsers(user.accessToken), 'users', 'Query');
    await expectGroupsShown(user.accessToken, [ADMINS]);

    const refreshed = await refreshedToken(user.refreshToken);
    expect(groupsInToken(refreshed)).toEqual([ADMINS]);
    expect((await listUsers(refreshed)).data?.users?.items.length).toBeGreaterThan(0);
    const signedIn = await signInTokens(t, user.email);
    expect(groupsInToken(signedIn.accessToken)).toEqual([ADMINS]);
    expect((await listUsers(signedIn.accessToken)).errors).toBeUndefined();
  });

  test('removed from a group: gone from the lists now, and from the next tokens', async () => {
    await createGroup(t, token, 'Editors');
    const user = await signedUpUser(t, uniqueEmail('demoted'));
    await addToGroup(t, token, user.sub, 'Editors');
    const member = await signInTokens(t, user.email);
    expect(groupsInToken(member.accessToken)).toEqual(['Editors']);

    const removed = await t.gql(AdminRemoveUserFromGroupDocument, { username: user.email, groupName: 'Editors' }, { token });
    expect(removed.data?.adminRemoveUserFromGroup).toBe(true);
    await expectGroupsShown(member.accessToken, []);
    expect(groupsInToken(member.accessToken)).toEqual(['Editors']);
    expect(groupsInToken(await refreshedToken(member.refreshToken))).toBeUndefined();
  });

  test("a user's groups by precedence, in the token and on user(username)", async () => {
    await t.gql(CreateGroupDocument, { input: { name: 'Low', precedence: 10 } }, { token });
    await t.gql(CreateGroupDocument, { input: { name: 'High', precedence: 1 } }, { token });
    const user = await signedUpUser(t, uniqueEmail('two-groups'));
    await addToGroup(t, token, user.sub, 'Low');
    await addToGroup(t, token, user.sub, 'High');
    expect(groupsInToken((await signInTokens(t, user.email)).accessToken)).toEqual(['High', 'Low']);
    const looked = await t.gql(UserDocument, { username: user.email }, { token });
    expect(looked.data?.user?.groups?.map((g) => g.name).sort()).toEqual(['High', 'Low']);
  });
});

describe('group management', () => {
  const roleArn = 'arn:aws:iam::123456789012:role/support-role';

  test('createGroup, updateGroup, then deleteGroup (its members stay)', async () => {
    const created = await t.gql(CreateGroupDocument, { input: { name: 'Support', description: 'Help desk', precedence: 5 } }, { token });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createGroup).toMatchObject({ name: 'Support', description: 'Help desk', precedence: 5, roleArn: null });
    expectError(await t.gql(CreateGroupDocument, { input: { name: 'Support' } }, { token }), 'createGroup', 'GROUP_EXISTS');

    const input = { name: 'Support', description: 'Customer support', precedence: 3, roleArn };
    const updated = await t.gql(UpdateGroupDocument, { input }, { token });
    expect(updated.data?.updateGroup).toMatchObject(input);
    expect((await t.gql(GroupDocument, { name: 'Support' }, { token })).data?.group).toMatchObject(input);

    const user = await signedUpUser(t, uniqueEmail('support-member'));
    await addToGroup(t, token, user.sub, 'Support');
    // The role is in the ID token (cognito:roles); the access token carries the group only.
    const tokens = await signInTokens(t, user.email);
    expect(claimsOf(tokens.idToken)).toMatchObject({ 'cognito:groups': ['Support'], 'cognito:roles': [roleArn], 'cognito:preferred_role': roleArn });
    expect(groupsInToken(tokens.accessToken)).toEqual(['Support']);

    expect((await t.gql(DeleteGroupDocument, { name: 'Support' }, { token })).data?.deleteGroup).toBe(true);
    expectError(await t.gql(GroupDocument, { name: 'Support' }, { token }), 'group', 'NOT_FOUND', 'Group not found.');
    const after = await t.gql(UserDocument, { username: user.email }, { token });
    expect(after.data?.user).toMatchObject({ sub: user.sub, groups: [] });
  });

  test('updating or deleting a group that does not exist is NOT_FOUND', async () => {
    expectError(await t.gql(UpdateGroupDocument, { input: { name: 'Nowhere', description: 'x' } }, { token }), 'updateGroup', 'NOT_FOUND', 'Group not found.');
    expectError(await t.gql(DeleteGroupDocument, { name: 'Nowhere' }, { token }), 'deleteGroup', 'NOT_FOUND', 'Group not found.');
  });
});

describe('pages', () => {
  test('group(name) members a page at a time: complete, no duplicates', async () => {
    await createGroup(t, token, 'Paged');
    const members = await Promise.all(Array.from({ length: 7 }, (_, i) => signedUpUser(t, uniqueEmail(`paged-${i}`))));
    for (const member of members) await addToGroup(t, token, member.sub, 'Paged');

    const { items, sizes } = await collectPages(async (nextToken) => {
      const response = await t.gql(GroupDocument, { name: 'Paged', limit: 3, nextToken }, { token });
      expect(response.errors).toBeUndefined();
      expect(response.data?.group?.name).toBe('Paged');
      return response.data!.group!.members!;
    });
    expectPaged(sizes, 3, members.length);
    expect(items.map((u) => u.email).sort()).toEqual(members.map((m) => m.email).sort());
  });

  test('groups a page at a time: complete, no duplicates', async () => {
    const names = Array.from({ length: 5 }, (_, i) => `Team-${i}`);
    for (const name of names) await createGroup(t, token, name);
    const { items } = await collectPages(async (nextToken) => (await t.gql(GroupsDocument, { limit: 2, nextToken }, { token })).data!.groups!);
    const listed = items.map((g) => g.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(expect.arrayContaining([ADMINS, ...names]));
  });
});
