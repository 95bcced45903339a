/** User management for members of Admins. */
import { Arg, Ctx, Directive, Int, Mutation, Query, Resolver } from 'type-graphql';
import { BackendCost } from '../limits/cost';
import type { ApiContext } from '../context';
import { toCognitoAttributes } from '../datasources/cognito/attributes';
import { badInput } from '../errors';
import { AdminCreateUserInput, AdminSetUserPasswordInput, AdminUserAttributesInput, UserConnection, UserFilterInput } from '../schema/types/admin.types';
import { User } from '../schema/types/profile.types';
import { ADMINS_ONLY } from '../schema/directives';
import { guardAdmins } from './adminSafety';
import { adminChanged, forgetUser, mirrorUser, recordEvent } from './directorySync';
import { endEverySession, endEverySessionOf } from './endSessions';
import * as check from './input';
import { cognitoFilter } from './userFilter';

@Resolver()
export class AdminUsersResolver {
  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive(ADMINS_ONLY)
  @Query(() => UserConnection, { nullable: true, description: 'Users, optionally filtered on one attribute, a page at a time.' })
  async users(
    @Ctx() { sources }: ApiContext,
    @Arg('filter', () => UserFilterInput, { nullable: true }) filter?: UserFilterInput,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<UserConnection> {
    return sources.adminUsers.list(check.pageSize(limit), cognitoFilter(filter), check.pageToken(nextToken));
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Query(() => User, { nullable: true, description: 'One user, by username, email or sub.' })
  async user(@Arg('username') username: string, @Ctx() { loaders }: ApiContext): Promise<User> {
    return loaders.user.load(check.username(username));
  }

  @BackendCost({ calls: 1 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => User, { nullable: true, description: 'Invites a user: a temporary password is emailed; they set their own at first sign-in.' })
  async adminCreateUser(@Arg('input') input: AdminCreateUserInput, @Ctx() context: ApiContext): Promise<User> {
    const { sources } = context;
    check.username(input.username);
    if (input.temporaryPassword) check.password(input.temporaryPassword, 'temporaryPassword');
    if (input.suppressInvitation && input.resendInvitation) throw badInput('Choose suppressInvitation or resendInvitation, not both');
    const attributes = toCognitoAttributes(input.attributes as Record<string, unknown> | undefined);
    check.usernameAgreesWithAttributes(await sources.pool.signInAttributes(), input.username, attributes);
    const user = await sources.adminUsers.create({
      username: input.username,
      temporaryPassword: input.temporaryPassword ?? undefined,
      attributes,
      action: input.resendInvitation ? 'RESEND' : input.suppressInvitation ? 'SUPPRESS' : undefined,
    });
    // No PostConfirmation fires for an invited user, so the record starts here.
    await Promise.all([mirrorUser(context, user, { signUpSource: 'ADMIN_CREATE_USER' }), recordEvent(context, user.sub, 'ADMIN_ACTION', 'adminCreateUser')]);
    return user;
  }

  @BackendCost({ calls: 8 }) // the user, the safety rail (lease, groups, Admins), the sign-out record, the change, the re-read
  @Directive(ADMINS_ONLY)
  @Mutation(() => User, { nullable: true, description: 'Disables a user: they cannot sign in and their sessions end.' })
  async adminDisableUser(@Arg('username') username: string, @Ctx() context: ApiContext): Promise<User> {
    const user = await context.loaders.user.load(check.username(username));
    await guardAdmins(context, { kind: 'disable', username: user.username }, async () => {
      await context.sources.revocations.signedOutEverywhere(user.sub);
      await context.sources.adminUsers.disable(user.username);
    });
    return adminChanged(context, user, 'adminDisableUser');
  }

  @BackendCost({ calls: 3 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => User, { nullable: true })
  async adminEnableUser(@Arg('username') username: string, @Ctx() context: ApiContext): Promise<User> {
    const user = await context.loaders.user.load(check.username(username));
    await context.sources.adminUsers.enable(user.username);
    return adminChanged(context, user, 'adminEnableUser');
  }

  @BackendCost({ calls: 7 }) // the user, the safety rail (lease, groups, Admins), the sign-out record, the change
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: 'Deletes a user and ends their sessions. This cannot be undone.' })
  async adminDeleteUser(@Arg('username') username: string, @Ctx() context: ApiContext): Promise<boolean> {
    const user = await context.loaders.user.load(check.username(username));
    await guardAdmins(context, { kind: 'delete', username: user.username }, async () => {
      await context.sources.revocations.signedOutEverywhere(user.sub);
      await context.sources.adminUsers.delete(user.username);
    });
    await forgetUser(context, user.sub);
    return true;
  }

  @BackendCost({ calls: 3 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => User, { nullable: true, description: 'Sets attributes, including the verification flags.' })
  async adminUpdateUserAttributes(
    @Arg('username') username: string,
    @Arg('input') input: AdminUserAttributesInput,
    @Ctx() context: ApiContext,
  ): Promise<User> {
    const attributes = toCognitoAttributes(input as Record<string, unknown>);
    if (attributes.length === 0) throw badInput('Give at least one attribute to change');
    const user = await context.loaders.user.load(check.username(username));
    await context.sources.adminUsers.updateAttributes(user.username, attributes);
    return adminChanged(context, user, 'adminUpdateUserAttributes');
  }

  @BackendCost({ calls: 3 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: "Signs the user out of every session; their tokens stop working now." })
  async adminSignOutUser(@Arg('username') username: string, @Ctx() context: ApiContext): Promise<boolean> {
    const user = await endEverySessionOf(context, check.username(username));
    await adminChanged(context, user, 'adminSignOutUser');
    return true;
  }

  @BackendCost({ calls: 2 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: 'Requires a new password: next sign-in answers RESET_PASSWORD, and a code is sent.' })
  async adminResetUserPassword(@Arg('username') username: string, @Ctx() context: ApiContext): Promise<boolean> {
    const user = await context.loaders.user.load(check.username(username));
    await context.sources.adminUsers.resetPassword(user.username);
    await adminChanged(context, user, 'adminResetUserPassword');
    return true;
  }

  @BackendCost({ calls: 4 }) // the user, the change, every session ended (the revocation record, Cognito)
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: "Sets a password: permanent, or temporary (changed at next sign-in). The user's sessions end." })
  async adminSetUserPassword(@Arg('input') input: AdminSetUserPasswordInput, @Ctx() context: ApiContext): Promise<boolean> {
    check.password(input.password);
    const user = await context.loaders.user.load(check.username(input.username));
    await context.sources.adminUsers.setPassword(user.username, input.password, input.permanent);
    await endEverySession(context, user);
    await adminChanged(context, user, 'adminSetUserPassword');
    return true;
  }
}
