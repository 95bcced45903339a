/**
 * The user directory on the User type (`metadata`, `securityEvents`) and the signed-in user's
 * preferences. A User is only ever the caller's own record or one an admin looks at, so these
 * fields need no rule of their own. A record that is missing or behind Cognito's is mirrored as
 * it is read: the directory repairs itself wherever it is looked at.
 */
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { ApiContext, signedIn } from '../context';
import type { DirectoryProfile } from '../datasources/metadata/directory.types';
import { isBehind, mirrorOf, toMetadata, toSecurityEvent } from '../datasources/metadata/profileShapes';
import { BackendCost } from '../limits/cost';
import { PreferencesInput, SecurityEventConnection, UserMetadata } from '../schema/types/directory.types';
import { User } from '../schema/types/profile.types';
import * as check from './input';

/** The user's directory record, mirrored first if it is missing or older than `user`. */
export async function currentRecord(context: ApiContext, user: User): Promise<DirectoryProfile> {
  const record = await context.loaders.metadataOf.load(user.sub);
  if (record && !isBehind(record, user)) return record;
  await context.sources.directory.mirror(user.sub, mirrorOf(user, context.indexedAttributes));
  const mirrored = await context.sources.directory.get(user.sub);
  if (!mirrored) throw new Error('directory record missing right after it was written');
  context.loaders.metadataOf.clear(user.sub).prime(user.sub, mirrored);
  return mirrored;
}

@Resolver(() => User)
export class DirectoryResolver {
  @BackendCost({ calls: 1 })
  @FieldResolver(() => UserMetadata, { nullable: true, description: "The app's record of the user: activity, preferences, plan and flags." })
  async metadata(@Root() user: User, @Ctx() context: ApiContext): Promise<UserMetadata> {
    return toMetadata(await currentRecord(context, user));
  }

  @BackendCost({ calls: 1, items: check.PAGE })
  @FieldResolver(() => SecurityEventConnection, { nullable: true, description: 'What happened to the account, newest first ("was this you?").' })
  async securityEvents(
    @Root() user: User,
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<SecurityEventConnection> {
    const page = await context.sources.directory.events(user.sub, check.pageSize(limit), check.pageToken(nextToken));
    return { items: page.items.map(toSecurityEvent), nextToken: page.nextToken };
  }

  @BackendCost({ calls: 3 })
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => UserMetadata, { nullable: true, description: "Changes the signed-in user's preferences, display name or locale." })
  async updateMyPreferences(@Arg('input') input: PreferencesInput, @Ctx() context: ApiContext): Promise<UserMetadata> {
    const patch = check.preferences(input);
    const user = await context.sources.profile.signedInUser(signedIn(context).identity);
    await currentRecord(context, user);
    return toMetadata(await context.sources.directory.updateApp(user.sub, patch));
  }
}
