import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  CreateGroupCommandInput,
  DeleteGroupCommand,
  DeleteUserCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, confirmedUser, createApp, decodeJwt, refresh, signIn, signedInUser, uniqueEmail, useEngine } from '../../support/cognito';

const ctx = useEngine();
let app: App;
beforeAll(async () => {
  app = await createApp(ctx.t);
});

const ROLE = 'arn:aws:iam::123456789012:role/editors';
const notFound = { name: 'ResourceNotFoundException', message: 'Group not found.' };
let groupCounter = 0;
const uniqueGroup = (label = 'group') => `${label}-${++groupCounter}`;

const createGroup = (input: Partial<CreateGroupCommandInput> & { GroupName: string }, target: App = app) =>
  ctx.t.admin.send(new CreateGroupCommand({ UserPoolId: target.poolId, ...input }));
const addToGroup = (username: string, group: string) =>
  ctx.t.admin.send(new AdminAddUserToGroupCommand({ UserPoolId: app.poolId, Username: username, GroupName: group }));
const removeFromGroup = (username: string, group: string) =>
  ctx.t.admin.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: app.poolId, Username: username, GroupName: group }));
const groupsOf = async (username: string) =>
  (await ctx.t.admin.send(new AdminListGroupsForUserCommand({ UserPoolId: app.poolId, Username: username }))).Groups!.map((g) => g.GroupName);
const membersOf = async (group: string) =>
  (await ctx.t.admin.send(new ListUsersInGroupCommand({ UserPoolId: app.poolId, GroupName: group }))).Users!.map((u) => u.Username);

describe('CreateGroup, GetGroup, UpdateGroup, ListGroups, DeleteGroup', () => {
  test('a group is created, read, updated and deleted', async () => {
    const name = uniqueGroup('editors');
    const { Group: created } = await createGroup({ GroupName: name, Description: 'Edit things', RoleArn: ROLE, Precedence: 5 });
    expect(created).toMatchObject({ GroupName: name, UserPoolId: app.poolId, Description: 'Edit things', RoleArn: ROLE, Precedence: 5 });
    expect(created!.CreationDate).toBeInstanceOf(Date);
    expect((await ctx.t.admin.send(new GetGroupCommand({ UserPoolId: app.poolId, GroupName: name }))).Group).toEqual(created);
    ctx.clock.advance(5000);
    const { Group: updated } = await ctx.t.admin.send(new UpdateGroupCommand({ UserPoolId: app.poolId, GroupName: name, Description: 'Edit more', Precedence: 1 }));
    expect(updated).toMatchObject({ GroupName: name, Description: 'Edit more', RoleArn: ROLE, Precedence: 1 });
    expect(updated!.LastModifiedDate!.getTime() - updated!.CreationDate!.getTime()).toBe(5000);
    await ctx.t.admin.send(new DeleteGroupCommand({ UserPoolId: app.poolId, GroupName: name }));
    await expect(ctx.t.admin.send(new GetGroupCommand({ UserPoolId: app.poolId, GroupName: name }))).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new DeleteGroupCommand({ UserPoolId: app.poolId, GroupName: name }))).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new UpdateGroupCommand({ UserPoolId: app.poolId, GroupName: name, Description: 'x' }))).rejects.toMatchObject(notFound);
  });

  test('refuses duplicates, bad settings and unknown pools, creating nothing', async () => {
    const name = uniqueGroup();
    await createGroup({ GroupName: name });
    await expect(createGroup({ GroupName: name, Description: 'again' })).rejects.toMatchObject({
      name: 'GroupExistsException',
      message: `A group with the name ${name} already exists.`,
    });
    expect((await ctx.t.admin.send(new GetGroupCommand({ UserPoolId: app.poolId, GroupName: name }))).Group!.Description).toBeUndefined();
    const bad = uniqueGroup('bad');
    await expect(createGroup({ GroupName: bad, RoleArn: 'not-an-arn-not-an-arn' })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(createGroup({ GroupName: bad, Precedence: -1 })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(createGroup({ GroupName: 'x'.repeat(129) })).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(ctx.t.admin.send(new GetGroupCommand({ UserPoolId: app.poolId, GroupName: bad }))).rejects.toMatchObject(notFound);
    await expect(ctx.t.admin.send(new CreateGroupCommand({ UserPoolId: 'us-east-1_nothere', GroupName: bad }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool us-east-1_nothere does not exist.',
    });
  });

  test('ListGroups pages through the groups of one pool', async () => {
    const own = await createApp(ctx.t);
    const names = ['alpha', 'bravo', 'charlie'];
    for (const name of names) await createGroup({ GroupName: name }, own);
    await createGroup({ GroupName: 'elsewhere' }); // another pool's group
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.t.admin.send(new ListGroupsCommand({ UserPoolId: own.poolId, Limit: 2, NextToken: token }));
      expect(page.Groups!.length).toBeLessThanOrEqual(2);
      seen.push(...page.Groups!.map((g) => g.GroupName!));
      token = page.NextToken;
    } while (token);
    expect(seen.sort()).toEqual(names);
    await expect(ctx.t.admin.send(new ListGroupsCommand({ UserPoolId: own.poolId, Limit: 61 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });
});

describe('memberships', () => {
  test('added users are listed both ways and get group claims in new tokens', async () => {
    const [low, high, plain] = [uniqueGroup('low'), uniqueGroup('high'), uniqueGroup('plain')];
    await createGroup({ GroupName: low, Precedence: 1, RoleArn: ROLE });
    await createGroup({ GroupName: high, Precedence: 10, RoleArn: 'arn:aws:iam::123456789012:role/viewers' });
    await createGroup({ GroupName: plain });
    const user = await signedInUser(app);
    expect(decodeJwt(user.tokens.IdToken).payload).not.toHaveProperty('cognito:groups');
    for (const group of [plain, high, low]) await addToGroup(user.email, group);
    await addToGroup(user.email, low); // adding twice is harmless
    expect((await groupsOf(user.email)).sort()).toEqual([high, low, plain].sort());
    expect(await membersOf(low)).toEqual([user.sub]);

    const tokens = await signIn(app, user.email, user.password);
    expect(decodeJwt(tokens.IdToken).payload).toMatchObject({
      'cognito:groups': [low, high, plain],
      'cognito:roles': [ROLE, 'arn:aws:iam::123456789012:role/viewers'],
      'cognito:preferred_role': ROLE,
    });
    const access = decodeJwt(tokens.AccessToken).payload;
    expect(access['cognito:groups']).toEqual([low, high, plain]);
    expect(access).not.toHaveProperty('cognito:roles');

    await removeFromGroup(user.email, low);
    expect(await membersOf(low)).toEqual([]);
    const refreshed = (await refresh(app, tokens.RefreshToken)).AuthenticationResult!;
    expect(decodeJwt(refreshed.IdToken!).payload).toMatchObject({
      'cognito:groups': [high, plain],
      'cognito:preferred_role': 'arn:aws:iam::123456789012:role/viewers',
    });
  });

  test('unknown users and groups are named as such', async () => {
    const group = uniqueGroup();
    await createGroup({ GroupName: group });
    const user = await confirmedUser(app);
    const ghost = uniqueEmail('ghost');
    const userNotFound = { name: 'UserNotFoundException', message: 'User does not exist.' };
    await expect(addToGroup(ghost, group)).rejects.toMatchObject(userNotFound);
    await expect(addToGroup(user.email, uniqueGroup('missing'))).rejects.toMatchObject(notFound);
    await expect(removeFromGroup(ghost, group)).rejects.toMatchObject(userNotFound);
    await expect(groupsOf(ghost)).rejects.toMatchObject(userNotFound);
    await expect(membersOf(uniqueGroup('missing'))).rejects.toMatchObject(notFound);
    expect(await membersOf(group)).toEqual([]);
  });

  test('deleting a group or a user removes the memberships', async () => {
    const [doomed, kept] = [uniqueGroup('doomed'), uniqueGroup('kept')];
    await createGroup({ GroupName: doomed });
    await createGroup({ GroupName: kept });
    const leaving = await signedInUser(app);
    const staying = await confirmedUser(app);
    for (const user of [leaving, staying]) {
      await addToGroup(user.email, doomed);
      await addToGroup(user.email, kept);
    }
    await ctx.t.admin.send(new DeleteGroupCommand({ UserPoolId: app.poolId, GroupName: doomed }));
    expect(await groupsOf(staying.email)).toEqual([kept]);
    await ctx.t.admin.send(new DeleteUserCommand({ AccessToken: leaving.tokens.AccessToken }));
    expect(await membersOf(kept)).toEqual([staying.sub]);
    await createGroup({ GroupName: doomed });
    expect(await membersOf(doomed)).toEqual([]);
  });

  test('ListUsersInGroup pages through the members', async () => {
    const group = uniqueGroup('crowd');
    await createGroup({ GroupName: group });
    const users = [await confirmedUser(app), await confirmedUser(app), await confirmedUser(app)];
    for (const user of users) await addToGroup(user.email, group);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await ctx.t.admin.send(new ListUsersInGroupCommand({ UserPoolId: app.poolId, GroupName: group, Limit: 2, NextToken: token }));
      expect(page.Users!.length).toBeLessThanOrEqual(2);
      for (const u of page.Users!) {
        expect(u).toMatchObject({ UserStatus: 'CONFIRMED', Enabled: true, Attributes: expect.arrayContaining([{ Name: 'sub', Value: u.Username }]) });
        seen.push(u.Username!);
      }
      token = page.NextToken;
    } while (token);
    expect(seen.sort()).toEqual(users.map((u) => u.sub).sort());
  });
});
