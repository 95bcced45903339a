/**
 * Admin fan-out: the cost limit refuses a deeply nested admin query before it runs, allows an
 * admin page of 60 users with their groups, and the per-request loaders make an allowed nested
 * query cost one Cognito call per distinct user, group and page.
 */
import { AdminAddUserToGroupCommand } from '@aws-sdk/client-cognito-identity-provider';
import { LIMITS } from '../../src/limits/caps';
import { adminToken, createGroup, engineCalls, seedUsers, withEngineSdk } from '../support/admin';
import { startTestApi, TestApi } from '../support/api';

let t: TestApi;
let token: string;
const USERS = Array.from({ length: 60 }, (_, i) => `fan-out-${i}@example.com`);
const TEAM = USERS.slice(0, 5);

beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
  await seedUsers(t, USERS);
  await createGroup(t, token, 'Team');
  await withEngineSdk(t, (sdk, UserPoolId) =>
    Promise.all(TEAM.map((Username) => sdk.send(new AdminAddUserToGroupCommand({ UserPoolId, Username, GroupName: 'Team' })))),
  );
});
afterAll(() => t.stop());

test('an admin query nested 10 deep through groups and members is refused by the cost limit, and nothing runs', async () => {
  const query = '{ groups { items { members { items { groups { members { items { groups { members { nextToken } } } } } } } } } }';
  let response: Awaited<ReturnType<TestApi['raw']>> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw({ query }, { token });
  });
  expect(response!.status).toBe(400);
  expect(response!.errors).toHaveLength(1);
  expect(response!.errors![0]).toMatchObject({
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'cost', maximum: LIMITS.cost },
    message: expect.stringMatching(new RegExp(`^The operation would make an estimated \\d+ backend calls; the limit is ${LIMITS.cost}\\.$`)),
  });
  expect(calls.size).toBe(0);
});

test('an admin page of 60 users with their groups is allowed: one ListUsers, one AdminListGroupsForUser per user', async () => {
  let response: Awaited<ReturnType<TestApi['raw']>> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw({ query: '{ users(limit: 60) { items { username groups { name } } nextToken } }' }, { token });
  });
  expect(response!.errors).toBeUndefined();
  const items = (response!.data as { users: { items: unknown[] } }).users.items;
  expect(items).toHaveLength(60);
  expect(calls.get('ListUsers')).toBe(1);
  expect(calls.get('AdminListGroupsForUser')).toBe(60);
});

test('a page of members with their groups, asked twice over, costs one call per distinct user, group and page', async () => {
  const query = `{
    group(name: "Team") { name members(limit: 10) { items { username groups { name members(limit: 10) { items { username } } } } } }
    again: group(name: "Team") { members(limit: 10) { items { groups { name } } } }
  }`;
  let response: Awaited<ReturnType<TestApi['raw']>> | undefined;
  const calls = await engineCalls(t, async () => {
    response = await t.raw({ query }, { token });
  });
  expect(response!.errors).toBeUndefined();
  const data = response!.data as { group: { members: { items: { username: string; groups: { name: string; members: { items: unknown[] } }[] }[] } } };
  expect(data.group.members.items).toHaveLength(TEAM.length);
  for (const member of data.group.members.items) expect(member.groups).toEqual([{ name: 'Team', members: { items: expect.any(Array) } }]);
  expect(Object.fromEntries(calls)).toEqual({ GetGroup: 1, ListUsersInGroup: 1, AdminListGroupsForUser: TEAM.length });
});
