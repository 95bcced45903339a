/** Group management for members of Admins. */
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import type { ApiContext } from '../context';
import { badInput } from '../errors';
import { Group, GroupConnection, GroupInput, UserConnection } from '../schema/types/admin.types';
import { guardAdmins } from './adminSafety';
import { ADMINS_ONLY } from '../schema/directives';
import { recordEvent } from './directorySync';
import * as check from './input';

const ROLE_ARN = /^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

function groupName(name: string, field = 'name'): string {
  check.text(name, field, 128);
  if (/\s/.test(name)) throw badInput(`${field} must not contain spaces`, field);
  return name;
}

function groupSettings(input: GroupInput) {
  groupName(input.name);
  if (input.description !== undefined && input.description !== null && input.description.length > 2048) {
    throw badInput('description must be at most 2048 characters', 'description');
  }
  if (input.precedence !== undefined && input.precedence !== null && input.precedence < 0) throw badInput('precedence must not be negative', 'precedence');
  if (input.roleArn && !ROLE_ARN.test(input.roleArn)) throw badInput('roleArn must be an IAM role ARN', 'roleArn');
  return { name: input.name, description: input.description ?? undefined, precedence: input.precedence ?? undefined, roleArn: input.roleArn ?? undefined };
}

@Resolver(() => Group)
export class AdminGroupsResolver {
  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive(ADMINS_ONLY)
  @Query(() => GroupConnection, { nullable: true, description: 'All groups, a page at a time.' })
  async groups(
    @Ctx() { sources }: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<GroupConnection> {
    return sources.groups.list(check.pageSize(limit), check.pageToken(nextToken));
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Query(() => Group, { nullable: true })
  async group(@Arg('name') name: string, @Ctx() { loaders }: ApiContext): Promise<Group> {
    return loaders.group.load(groupName(name));
  }

  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive(ADMINS_ONLY)
  @FieldResolver(() => UserConnection, { nullable: true, description: "The group's members, a page at a time (admins only)." })
  async members(
    @Root() group: Group,
    @Ctx() { loaders }: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<UserConnection> {
    return loaders.members.load({ group: group.name, limit: check.pageSize(limit), nextToken: check.pageToken(nextToken) });
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => Group, { nullable: true })
  async createGroup(@Arg('input') input: GroupInput, @Ctx() { sources }: ApiContext): Promise<Group> {
    return sources.groups.create(groupSettings(input));
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => Group, { nullable: true })
  async updateGroup(@Arg('input') input: GroupInput, @Ctx() { sources }: ApiContext): Promise<Group> {
    return sources.groups.update(groupSettings(input));
  }

  @BackendCost({ calls: 3 }) // the lease (taken and given back), DeleteGroup
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: 'Deletes a group (its members stay). Admins cannot be deleted.' })
  async deleteGroup(@Arg('name') name: string, @Ctx() context: ApiContext): Promise<boolean> {
    await guardAdmins(context, { kind: 'delete-group', group: groupName(name) }, () => context.sources.groups.delete(name));
    return true;
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: 'Membership shows in the user’s next tokens.' })
  async adminAddUserToGroup(@Arg('username') username: string, @Arg('groupName') group: string, @Ctx() context: ApiContext): Promise<boolean> {
    await context.sources.groups.addUser(check.username(username), groupName(group, 'groupName'));
    await recordEvent(context, (await context.loaders.user.load(username)).sub, 'ADMIN_ACTION', `adminAddUserToGroup ${group}`);
    return true;
  }

  @BackendCost({ calls: 6 }) // the user, the safety rail (lease, groups, Admins), the change
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true })
  async adminRemoveUserFromGroup(@Arg('username') username: string, @Arg('groupName') group: string, @Ctx() context: ApiContext): Promise<boolean> {
    const user = await context.loaders.user.load(check.username(username));
    await guardAdmins(context, { kind: 'remove-member', username: user.username, group: groupName(group, 'groupName') }, () =>
      context.sources.groups.removeUser(user.username, group),
    );
    await recordEvent(context, user.sub, 'ADMIN_ACTION', `adminRemoveUserFromGroup ${group}`);
    return true;
  }
}
