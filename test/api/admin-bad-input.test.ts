/**
 * Bad input to the admin fields gets a clear error (BAD_USER_INPUT before anything runs, or the
 * request-level validation error) and changes nothing; unknown users are USER_NOT_FOUND (admins
 * may know who exists) and unknown groups NOT_FOUND.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import * as ops from '../generated/graphql';
import { startTestApi, TestApi } from '../support/api';
import { adminToken, createGroup } from '../support/admin';
import { expectError, expectRequestError } from '../support/expect';
import { chars, NEW_PASSWORD, signedUpUser, SignedInUser, uniqueEmail } from '../support/users';

let t: TestApi;
let token: string;
let user: SignedInUser;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
  user = await signedUpUser(t, uniqueEmail('target'));
  await createGroup(t, token, 'Existing');
});
afterAll(() => t.stop());

interface Case {
  name: string;
  field: string;
  document: TypedDocumentNode<unknown, never>;
  variables: () => unknown;
}
/** A table row: typed where it is written, uniform where it is run. */
const row = <T, V>(name: string, field: string, document: TypedDocumentNode<T, V>, variables: () => V): Case =>
  ({ name, field, document, variables }) as unknown as Case;
const run = (c: Case) => t.gql(c.document, c.variables() as never, { token });

const ROLE = 'arn:aws:iam::123456789012:role/ok';
const filter = (attribute: ops.FilterableAttribute, value: string, operator: ops.FilterOperator = 'EQUALS') => ({ filter: { attribute, operator, value } });

describe('BAD_USER_INPUT, and nothing changes', () => {
  const cases: Case[] = [
    row('users limit 0', 'users', ops.UsersDocument, () => ({ limit: 0 })),
    row('users limit 61', 'users', ops.UsersDocument, () => ({ limit: 61 })),
    row('groups limit 61', 'groups', ops.GroupsDocument, () => ({ limit: 61 })),
    row('filter value with a quote', 'users', ops.UsersDocument, () => filter('EMAIL', 'a"b@example.com')),
    row('filter value with a backslash', 'users', ops.UsersDocument, () => filter('NAME', 'a\\b', 'STARTS_WITH')),
    row('300-character filter value', 'users', ops.UsersDocument, () => filter('EMAIL', chars(300), 'STARTS_WITH')),
    row('empty filter value', 'users', ops.UsersDocument, () => filter('EMAIL', '')),
    row("ENABLED filter value 'maybe'", 'users', ops.UsersDocument, () => filter('ENABLED', 'maybe')),
    row('STATUS filter value that is no status', 'users', ops.UsersDocument, () => filter('STATUS', 'ACTIVE')),
    row('a nextToken the API never gave', 'users', ops.UsersDocument, () => ({ nextToken: 'not-a-token' })),
    row('129-character username', 'user', ops.UserDocument, () => ({ username: chars(129) })),
    row('129-character group name', 'group', ops.GroupDocument, () => ({ name: chars(129) })),
    row('createGroup with a 129-character name', 'createGroup', ops.CreateGroupDocument, () => ({ input: { name: chars(129) } })),
    row('createGroup with a space in the name', 'createGroup', ops.CreateGroupDocument, () => ({ input: { name: 'Two words' } })),
    row('createGroup with a bad roleArn', 'createGroup', ops.CreateGroupDocument, () => ({ input: { name: 'BadRole', roleArn: 'arn:aws:s3:::bucket' } })),
    row('createGroup with a negative precedence', 'createGroup', ops.CreateGroupDocument, () => ({ input: { name: 'Negative', precedence: -1 } })),
    row('createGroup with a 2049-character description', 'createGroup', ops.CreateGroupDocument, () => ({ input: { name: 'Wordy', description: chars(2049) } })),
    row('updateGroup with a bad roleArn', 'updateGroup', ops.UpdateGroupDocument, () => ({ input: { name: 'Existing', roleArn: `${ROLE} ` } })),
    row('adminAddUserToGroup with a 129-character group', 'adminAddUserToGroup', ops.AdminAddUserToGroupDocument, () => ({ username: user.sub, groupName: chars(129) })),
    row('adminCreateUser with a username that is no email', 'adminCreateUser', ops.AdminCreateUserDocument, () => ({ input: { username: 'not-an-email' } })),
    row('adminCreateUser with an email other than the username', 'adminCreateUser', ops.AdminCreateUserDocument, () => ({
      input: { username: 'invitee@example.com', attributes: { email: 'someone-else@example.com' } },
    })),
    row('adminCreateUser with a bidi override in a name', 'adminCreateUser', ops.AdminCreateUserDocument, () => ({
      input: { username: 'invitee-bidi@example.com', attributes: { givenName: 'Ada\u202e' } },
    })),
    row('adminSetUserPassword with a 257-character password', 'adminSetUserPassword', ops.AdminSetUserPasswordDocument, () => ({ input: { username: user.sub, password: chars(257) } })),
  ];

  test.each(cases)('$name', async (c) => {
    expectError(await run(c), c.field, 'BAD_USER_INPUT');
  });

  test('the refused invitations created nobody and sent nothing', async () => {
    for (const username of ['invitee@example.com', 'someone-else@example.com', 'invitee-bidi@example.com']) {
      expectError(await t.gql(ops.UserDocument, { username }, { token }), 'user', 'USER_NOT_FOUND');
      expect(t.world.engine.outbox.list({ to: username })).toEqual([]);
    }
  });

  test('the refused group changes left the groups as they were', async () => {
    const names = (await t.gql(ops.GroupsDocument, { limit: 60 }, { token })).data?.groups?.items.map((g) => g.name);
    expect(names?.sort()).toEqual(['Admins', 'Existing']);
    expect((await t.gql(ops.GroupDocument, { name: 'Existing' }, { token })).data?.group).toMatchObject({ roleArn: null, description: null });
    expect((await t.gql(ops.UserDocument, { username: user.email }, { token })).data?.user?.groups).toEqual([]);
  });

  test('members limit 61 is refused on the nested field', async () => {
    const response = await t.gql(ops.GroupDocument, { name: 'Existing', limit: 61 }, { token });
    expect(response.data?.group).toMatchObject({ name: 'Existing', members: null });
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]).toMatchObject({ path: ['group', 'members'], extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('refused before running (request validation)', () => {
  test('a filter attribute that is not in the enum', async () => {
    const response = await t.gql(ops.UsersDocument, { filter: { attribute: 'CUSTOM_PLAN' as ops.FilterableAttribute, value: 'x' } }, { token });
    expectRequestError(response, 'BAD_USER_INPUT', /FilterableAttribute/);
  });

  test('a limit that is not an Int', async () => {
    expectRequestError(await t.raw({ query: '{ users(limit: "ten") { nextToken } }' }, { token }), 'GRAPHQL_VALIDATION_FAILED');
  });
});

describe('unknown users and groups', () => {
  const nobody = 'nobody@example.com';
  const unknownUser: Case[] = [
    row('user', 'user', ops.UserDocument, () => ({ username: nobody })),
    row('adminDisableUser', 'adminDisableUser', ops.AdminDisableUserDocument, () => ({ username: nobody })),
    row('adminEnableUser', 'adminEnableUser', ops.AdminEnableUserDocument, () => ({ username: nobody })),
    row('adminDeleteUser', 'adminDeleteUser', ops.AdminDeleteUserDocument, () => ({ username: nobody })),
    row('adminSignOutUser', 'adminSignOutUser', ops.AdminSignOutUserDocument, () => ({ username: nobody })),
    row('adminResetUserPassword', 'adminResetUserPassword', ops.AdminResetUserPasswordDocument, () => ({ username: nobody })),
    row('adminSetUserPassword', 'adminSetUserPassword', ops.AdminSetUserPasswordDocument, () => ({ input: { username: nobody, password: NEW_PASSWORD } })),
    row('adminUpdateUserAttributes', 'adminUpdateUserAttributes', ops.AdminUpdateUserAttributesDocument, () => ({ username: nobody, input: { name: 'X' } })),
    row('adminAddUserToGroup', 'adminAddUserToGroup', ops.AdminAddUserToGroupDocument, () => ({ username: nobody, groupName: 'Existing' })),
    row('adminRemoveUserFromGroup', 'adminRemoveUserFromGroup', ops.AdminRemoveUserFromGroupDocument, () => ({ username: nobody, groupName: 'Existing' })),
  ];

  test.each(unknownUser)('$name: USER_NOT_FOUND', async (c) => {
    expectError(await run(c), c.field, 'USER_NOT_FOUND', 'User does not exist.');
  });

  const unknownGroup: Case[] = [
    row('group', 'group', ops.GroupDocument, () => ({ name: 'NoSuchGroup' })),
    row('adminAddUserToGroup', 'adminAddUserToGroup', ops.AdminAddUserToGroupDocument, () => ({ username: user.sub, groupName: 'NoSuchGroup' })),
    row('adminRemoveUserFromGroup', 'adminRemoveUserFromGroup', ops.AdminRemoveUserFromGroupDocument, () => ({ username: user.sub, groupName: 'NoSuchGroup' })),
  ];

  test.each(unknownGroup)('$name: NOT_FOUND', async (c) => {
    expectError(await run(c), c.field, 'NOT_FOUND', 'Group not found.');
    expect((await t.gql(ops.UserDocument, { username: user.email }, { token })).data?.user?.groups).toEqual([]);
  });
});
