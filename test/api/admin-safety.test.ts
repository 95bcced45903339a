/**
 * The safety rail: no change may leave Admins without an enabled member. With the seeded admin
 * as the only one, every way of losing them is refused with SAFETY_RAIL and changes nothing;
 * once a second admin exists the same changes go through. The tests run in order on one pool.
 */
import {
  AdminDeleteUserDocument,
  AdminDisableUserDocument,
  AdminEnableUserDocument,
  AdminRemoveUserFromGroupDocument,
  DeleteGroupDocument,
  DeleteMyAccountDocument,
  GroupDocument,
  MeDocument,
} from '../generated/graphql';
import { ADMIN_EMAIL, ADMIN_PASSWORD, startTestApi, TestApi } from '../support/api';
import { addToGroup, ADMINS, adminToken, memberOf } from '../support/admin';
import { expectError, expectUnauthenticated } from '../support/expect';
import { SignedInUser, signInTokens, uniqueEmail } from '../support/users';

let t: TestApi;
let seeded: string;
beforeAll(async () => {
  t = await startTestApi();
  seeded = await adminToken(t);
});
afterAll(() => t.stop());

const RAIL = /no enabled member|cannot be deleted/;
const removeFromAdmins = (username: string, token: string) => t.gql(AdminRemoveUserFromGroupDocument, { username, groupName: ADMINS }, { token });
const disable = (username: string, token: string) => t.gql(AdminDisableUserDocument, { username }, { token });

/** The emails of Admins' members, sorted, read by an admin. */
async function adminsNow(token: string): Promise<string[]> {
  const response = await t.gql(GroupDocument, { name: ADMINS, limit: 60 }, { token });
  expect(response.errors).toBeUndefined();
  return response.data!.group!.members!.items.map((u) => u.email!).sort();
}

/** The seeded admin is still there, enabled, in Admins, and their session still works. */
async function expectSeededAdminIntact(): Promise<void> {
  expect((await t.gql(MeDocument, {}, { token: seeded })).data?.me).toMatchObject({ email: ADMIN_EMAIL, enabled: true });
  expect(await adminsNow(seeded)).toContain(ADMIN_EMAIL);
}

describe('the seeded admin is the only admin', () => {
  test.each([
    ['adminRemoveUserFromGroup', () => removeFromAdmins(ADMIN_EMAIL, seeded)],
    ['adminDisableUser', () => disable(ADMIN_EMAIL, seeded)],
    ['adminDeleteUser', () => t.gql(AdminDeleteUserDocument, { username: ADMIN_EMAIL }, { token: seeded })],
    ['deleteGroup', () => t.gql(DeleteGroupDocument, { name: ADMINS }, { token: seeded })],
    ['deleteMyAccount', () => t.gql(DeleteMyAccountDocument, {}, { token: seeded })],
  ])('%s is refused with SAFETY_RAIL and nothing changes', async (field, call) => {
    expectError(await call(), field, 'SAFETY_RAIL', RAIL);
    await expectSeededAdminIntact();
    expect(await adminsNow(seeded)).toEqual([ADMIN_EMAIL]);
  });

  test('a disabled member of Admins does not count', async () => {
    const other = await memberOf(t, seeded, uniqueEmail('disabled-admin'), ADMINS);
    expect((await disable(other.email, seeded)).data?.adminDisableUser?.enabled).toBe(false);
    expectError(await removeFromAdmins(ADMIN_EMAIL, seeded), 'adminRemoveUserFromGroup', 'SAFETY_RAIL', RAIL);
    expectError(await disable(ADMIN_EMAIL, seeded), 'adminDisableUser', 'SAFETY_RAIL', RAIL);
    await expectSeededAdminIntact();
    // Disabled and removed, it leaves the seeded admin alone again.
    expect((await removeFromAdmins(other.email, seeded)).data?.adminRemoveUserFromGroup).toBe(true);
    expect(await adminsNow(seeded)).toEqual([ADMIN_EMAIL]);
  });
});

describe('with a second admin', () => {
  let second: SignedInUser;
  beforeAll(async () => {
    second = await memberOf(t, seeded, uniqueEmail('second-admin'), ADMINS);
  });

  test('the first admin can be disabled (their session ends), enabled, and removed from Admins', async () => {
    const disabled = await disable(ADMIN_EMAIL, second.accessToken);
    expect(disabled.errors).toBeUndefined();
    expect(disabled.data?.adminDisableUser?.enabled).toBe(false);
    expectUnauthenticated(await t.gql(MeDocument, {}, { token: seeded }));
    expect((await t.gql(AdminEnableUserDocument, { username: ADMIN_EMAIL }, { token: second.accessToken })).data?.adminEnableUser?.enabled).toBe(true);

    const removed = await removeFromAdmins(ADMIN_EMAIL, second.accessToken);
    expect(removed.data?.adminRemoveUserFromGroup).toBe(true);
    expect(await adminsNow(second.accessToken)).toEqual([second.email]);
    // Now the second admin is the only one, and the rail holds for them.
    expectError(await removeFromAdmins(second.email, second.accessToken), 'adminRemoveUserFromGroup', 'SAFETY_RAIL', RAIL);
    expectError(await t.gql(DeleteGroupDocument, { name: ADMINS }, { token: second.accessToken }), 'deleteGroup', 'SAFETY_RAIL', RAIL);
  });

  test('an admin who is not the last can delete their own account', async () => {
    const third = await memberOf(t, second.accessToken, uniqueEmail('leaving-admin'), ADMINS);
    expect((await t.gql(DeleteMyAccountDocument, {}, { token: third.accessToken })).data?.deleteMyAccount).toBe(true);
    expect(await adminsNow(second.accessToken)).toEqual([second.email]);
  });

  test('two admins removing each other at the same moment: exactly one succeeds', async () => {
    await addToGroup(t, second.accessToken, ADMIN_EMAIL, ADMINS);
    seeded = (await signInTokens(t, ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
    const results = await Promise.all([removeFromAdmins(second.email, seeded), removeFromAdmins(ADMIN_EMAIL, second.accessToken)]);
    const succeeded = results.filter((r) => r.data?.adminRemoveUserFromGroup === true);
    const refused = results.filter((r) => r.errors?.[0]?.extensions?.code === 'SAFETY_RAIL');
    expect([succeeded.length, refused.length]).toEqual([1, 1]);
    const survivor = results[0] === succeeded[0] ? seeded : second.accessToken;
    expect(await adminsNow(survivor)).toHaveLength(1);
  });
});
