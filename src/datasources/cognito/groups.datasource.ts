/** Groups and membership. */
import {
  AdminAddUserToGroupCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CreateGroupCommand,
  DeleteGroupCommand,
  GetGroupCommand,
  ListGroupsCommand,
  ListUsersInGroupCommand,
  UpdateGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { Group } from '../../schema/types/admin.types';
import type { UserPage } from './adminUsers.datasource';
import type { CognitoGateway } from './gateway';
import { toGroup, toUser } from './shapes';

/** Calls on a named group: a missing group is reported as such. */
const GROUP = { notFound: 'Group not found.' };
const MEMBERSHIP = { ...GROUP, revealMissingUser: true };

export interface GroupSettings {
  name: string;
  description?: string;
  precedence?: number;
  roleArn?: string;
}

export class GroupsDataSource {
  constructor(private readonly cognito: CognitoGateway) {}

  private get pool(): string {
    return this.cognito.settings.userPoolId;
  }

  async list(limit: number, nextToken?: string): Promise<{ items: Group[]; nextToken?: string }> {
    const result = await this.cognito.call('ListGroups', (sdk) => sdk.send(new ListGroupsCommand({ UserPoolId: this.pool, Limit: limit, NextToken: nextToken })));
    return { items: (result.Groups ?? []).map(toGroup), nextToken: result.NextToken };
  }

  async get(name: string): Promise<Group> {
    const result = await this.cognito.call('GetGroup', (sdk) => sdk.send(new GetGroupCommand({ UserPoolId: this.pool, GroupName: name })), GROUP);
    return toGroup(result.Group ?? {});
  }

  async create(settings: GroupSettings): Promise<Group> {
    const result = await this.cognito.call('CreateGroup', (sdk) => sdk.send(new CreateGroupCommand(this.groupInput(settings))));
    return toGroup(result.Group ?? {});
  }

  async update(settings: GroupSettings): Promise<Group> {
    const result = await this.cognito.call('UpdateGroup', (sdk) => sdk.send(new UpdateGroupCommand(this.groupInput(settings))), GROUP);
    return toGroup(result.Group ?? {});
  }

  private groupInput(settings: GroupSettings) {
    return {
      UserPoolId: this.pool,
      GroupName: settings.name,
      Description: settings.description,
      Precedence: settings.precedence,
      RoleArn: settings.roleArn,
    };
  }

  async delete(name: string): Promise<void> {
    await this.cognito.call('DeleteGroup', (sdk) => sdk.send(new DeleteGroupCommand({ UserPoolId: this.pool, GroupName: name })), GROUP);
  }

  async addUser(username: string, group: string): Promise<void> {
    await this.cognito.call(
      'AdminAddUserToGroup',
      (sdk) => sdk.send(new AdminAddUserToGroupCommand({ UserPoolId: this.pool, Username: username, GroupName: group })),
      MEMBERSHIP,
    );
  }

  async removeUser(username: string, group: string): Promise<void> {
    await this.cognito.call(
      'AdminRemoveUserFromGroup',
      (sdk) => sdk.send(new AdminRemoveUserFromGroupCommand({ UserPoolId: this.pool, Username: username, GroupName: group })),
      MEMBERSHIP,
    );
  }

  /** Every group the user is in (all pages). */
  async groupsOf(username: string): Promise<Group[]> {
    const groups: Group[] = [];
    let nextToken: string | undefined;
    do {
      const page = await this.cognito.call(
        'AdminListGroupsForUser',
        (sdk) => sdk.send(new AdminListGroupsForUserCommand({ UserPoolId: this.pool, Username: username, Limit: 60, NextToken: nextToken })),
        { revealMissingUser: true },
      );
      groups.push(...(page.Groups ?? []).map(toGroup));
      nextToken = page.NextToken;
    } while (nextToken);
    return groups;
  }

  async members(name: string, limit: number, nextToken?: string): Promise<UserPage> {
    const result = await this.cognito.call('ListUsersInGroup', (sdk) =>
      sdk.send(new ListUsersInGroupCommand({ UserPoolId: this.pool, GroupName: name, Limit: limit, NextToken: nextToken })),
      GROUP,
    );
    return { items: (result.Users ?? []).map(toUser), nextToken: result.NextToken };
  }
}
