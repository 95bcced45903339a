/**
 * The devices Cognito tracks: the signed-in user's own (list, remember, forget) and, for admins,
 * anyone's (`user { devices }`, adminForgetDevice). A device's name is fixed when it is first
 * confirmed (the sign-in's deviceName or User-Agent): Cognito has no call to rename a device, so
 * this API offers none.
 */
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiContext, signedIn } from '../context';
import { badInput } from '../errors';
import { BackendCost } from '../limits/cost';
import { ADMINS_ONLY } from '../schema/directives';
import { DeviceConnection } from '../schema/types/device.types';
import { User } from '../schema/types/profile.types';
import { adminChanged, recordEvent } from './directorySync';
import * as check from './input';

function deviceKey(value: string): string {
  if (!/^[\w-]+_[0-9a-f-]+$/.test(value) || value.length > 55) throw badInput('key is not a device key', 'key');
  return value;
}

@Resolver(() => User)
export class DevicesResolver {
  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive('@aws_cognito_user_pools')
  @Query(() => DeviceConnection, { nullable: true, description: "The signed-in user's devices, a page at a time (at most 60)." })
  async myDevices(
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<DeviceConnection> {
    const { identity, accessToken } = signedIn(context);
    const current = typeof identity.claims.device_key === 'string' ? identity.claims.device_key : undefined;
    return context.sources.devices.list(accessToken, check.pageSize(limit), check.pageToken(nextToken), current);
  }

  @BackendCost({ calls: 2 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: 'Remembers one of the user\'s devices: signing in from it (with its key and secret) then skips MFA.' })
  async rememberDevice(@Arg('key') key: string, @Ctx() context: ApiContext): Promise<boolean> {
    const { identity, accessToken } = signedIn(context);
    await context.sources.devices.setRemembered(accessToken, deviceKey(key), true);
    await recordEvent(context, identity.sub, 'DEVICE_CHANGED', 'rememberDevice');
    return true;
  }

  @BackendCost({ calls: 2 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, { nullable: true, description: 'Forgets one of the user\'s devices: its keys stop working, and signing in from it asks for MFA again.' })
  async forgetDevice(@Arg('key') key: string, @Ctx() context: ApiContext): Promise<boolean> {
    const { identity, accessToken } = signedIn(context);
    await context.sources.devices.forget(accessToken, deviceKey(key));
    await recordEvent(context, identity.sub, 'DEVICE_CHANGED', 'forgetDevice');
    return true;
  }

  @BackendCost({ calls: 1, items: check.PAGE })
  @FieldResolver(() => DeviceConnection, { nullable: true, description: 'The devices Cognito tracks for the user.' })
  async devices(
    @Root() user: User,
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<DeviceConnection> {
    return context.sources.devices.adminList(user.username, check.pageSize(limit), check.pageToken(nextToken));
  }

  @BackendCost({ calls: 4 }) // the user, the change, the event, the mirror
  @Directive(ADMINS_ONLY)
  @Mutation(() => Boolean, { nullable: true, description: "Forgets one of a user's devices. Leaves a security event naming the admin." })
  async adminForgetDevice(@Arg('username') username: string, @Arg('key') key: string, @Ctx() context: ApiContext): Promise<boolean> {
    deviceKey(key);
    const user = await context.loaders.user.load(check.username(username));
    await context.sources.devices.adminForget(user.username, key);
    await adminChanged(context, user, 'adminForgetDevice');
    return true;
  }
}
