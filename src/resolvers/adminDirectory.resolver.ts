/**
 * Directory questions Cognito cannot answer (ListUsers filters no custom attribute, sorts
 * nothing and pages by 60), served from the directory's indexes, and the app's own fields an
 * admin sets (plan, policy flags). For members of Admins.
 */
import { Arg, Ctx, Directive, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../context';
import { toMetadata } from '../datasources/metadata/profileShapes';
import { badInput } from '../errors';
import { BackendCost } from '../limits/cost';
import { ADMINS_ONLY } from '../schema/directives';
import { AWSDateTime } from '../schema/scalars';
import { AdminMetadataInput, UserMetadata, UserMetadataConnection } from '../schema/types/directory.types';
import { User } from '../schema/types/profile.types';
import { currentRecord } from './directory.resolver';
import { recordEvent } from './directorySync';
import * as check from './input';

@Resolver(() => UserMetadata)
export class AdminDirectoryResolver {
  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive(ADMINS_ONLY)
  @Query(() => UserMetadataConnection, {
    nullable: true,
    description: 'Users whose indexed attribute (e.g. custom:tenant) has this value, newest first.',
  })
  async usersByAttribute(
    @Arg('name') name: string,
    @Arg('value') value: string,
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<UserMetadataConnection> {
    if (!context.indexedAttributes.includes(name)) {
      throw badInput(`${name.slice(0, 64)} is not an indexed attribute (indexed: ${context.indexedAttributes.join(', ') || 'none'})`, 'name');
    }
    check.text(value, 'value', 2048);
    const page = await context.sources.directory.byAttribute(name, value, check.pageSize(limit), check.pageToken(nextToken));
    return { items: page.items.map(toMetadata), nextToken: page.nextToken };
  }

  @BackendCost({ calls: 1, items: check.PAGE })
  @Directive(ADMINS_ONLY)
  @Query(() => UserMetadataConnection, {
    nullable: true,
    description: 'Users who have not signed in since the given time (those who never have, by when they were created), least recently active first.',
  })
  async inactiveUsers(
    @Arg('since', () => AWSDateTime) since: Date,
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<UserMetadataConnection> {
    const page = await context.sources.directory.inactiveSince(since.getTime(), check.pageSize(limit), check.pageToken(nextToken));
    return { items: page.items.map(toMetadata), nextToken: page.nextToken };
  }

  @BackendCost({ calls: 1 })
  @FieldResolver(() => User, { nullable: true, description: "Cognito's record of the user." })
  async user(@Root() metadata: UserMetadata, @Ctx() context: ApiContext): Promise<User> {
    return context.loaders.user.load(metadata.sub);
  }

  @BackendCost({ calls: 4 })
  @Directive(ADMINS_ONLY)
  @Mutation(() => UserMetadata, { nullable: true, description: 'Sets the app fields an admin owns: the plan, and policy flags such as "suspended" (sign-in refused).' })
  async adminUpdateUserMetadata(@Arg('username') username: string, @Arg('input') input: AdminMetadataInput, @Ctx() context: ApiContext): Promise<UserMetadata> {
    const patch: { plan?: string; flags?: string[] } = {};
    if (input.plan !== undefined && input.plan !== null) patch.plan = check.text(input.plan, 'plan', 64);
    if (input.flags !== undefined && input.flags !== null) patch.flags = check.flags(input.flags);
    if (Object.keys(patch).length === 0) throw badInput('Give plan or flags');
    const user = await context.loaders.user.load(check.username(username));
    await currentRecord(context, user);
    const updated = await context.sources.directory.updateApp(user.sub, patch);
    await recordEvent(context, user.sub, 'ADMIN_ACTION', 'adminUpdateUserMetadata');
    return toMetadata(updated);
  }
}
