/** Groups as signed-in users see them: their own, and a user's groups on the User type. */
import { Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { GROUPS_PER_USER_ESTIMATE } from '../limits/caps';
import { BackendCost } from '../limits/cost';
import { ApiContext, signedIn } from '../context';
import { Group } from '../schema/types/admin.types';
import { User } from '../schema/types/profile.types';

@Resolver(() => User)
export class GroupsResolver {
  @BackendCost({ calls: 1, items: GROUPS_PER_USER_ESTIMATE })
  @Directive('@aws_cognito_user_pools')
  @Query(() => [Group], { nullable: true, description: "The signed-in user's groups." })
  async myGroups(@Ctx() context: ApiContext): Promise<Group[]> {
    return context.loaders.groupsOf.load(signedIn(context).identity.username);
  }

  @BackendCost({ calls: 1, items: GROUPS_PER_USER_ESTIMATE })
  @FieldResolver(() => [Group], { nullable: true, description: 'The groups this user belongs to.' })
  async groups(@Root() user: User, @Ctx() context: ApiContext): Promise<Group[]> {
    return context.loaders.groupsOf.load(user.username);
  }
}
