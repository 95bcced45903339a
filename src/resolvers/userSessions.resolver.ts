/**
 * The user's sign-in sessions, as the directory records them (signInSessions.ts): listed for the
 * user (`mySessions`) and for admins (`user { sessions }`), and ended one at a time (ASVS 7.5.2).
 */
import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ApiContext, signedIn } from '../context';
import { parseSessionId, SessionRecord, sessionId } from '../datasources/metadata/sessions.store';
import { ApiError } from '../errors';
import { BackendCost } from '../limits/cost';
import { SignInSession, SignInSessionConnection } from '../schema/types/device.types';
import { User } from '../schema/types/profile.types';
import * as check from './input';
import { callerSession, endSession as endOneSession } from './signInSessions';

const toSession = (record: SessionRecord, currentJti: string | undefined): SignInSession => ({
  id: sessionId(record),
  device: record.device,
  ip: record.ip,
  startedAt: new Date(record.startedAt),
  lastUsedAt: new Date(record.lastUsedAt),
  current: record.originJti === currentJti,
});

async function liveSessions(context: ApiContext, sub: string, limit: number | undefined, nextToken: string | undefined | null): Promise<SignInSessionConnection> {
  const { signedOutAt } = await context.sources.revocations.state(sub, undefined);
  const page = await context.sources.sessions.live(sub, signedOutAt, check.pageSize(limit), check.pageToken(nextToken));
  const current = callerSession(context)?.originJti;
  return { items: page.items.map((s) => toSession(s, current)), nextToken: page.nextToken };
}

@Resolver(() => User)
export class UserSessionsResolver {
  @BackendCost({ calls: 2, items: check.PAGE })
  @Directive('@aws_cognito_user_pools')
  @Query(() => SignInSessionConnection, { nullable: true, description: "The signed-in user's live sign-in sessions, newest first." })
  async mySessions(
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<SignInSessionConnection> {
    return liveSessions(context, signedIn(context).identity.sub, limit, nextToken);
  }

  @BackendCost({ calls: 4 }) // the record, the family's revocation, the record ended (and the pool's token lifetime, once)
  @Directive('@aws_cognito_user_pools')
  @Mutation(() => Boolean, {
    nullable: true,
    description: 'Ends one of the user\'s sessions (an id from mySessions): its access tokens are refused from now on, and refreshSession refuses its refresh token.',
  })
  async endSession(@Arg('id', () => ID) id: string, @Ctx() context: ApiContext): Promise<boolean> {
    const ref = parseSessionId(signedIn(context).identity.sub, check.text(id, 'id', 160));
    if (!(await endOneSession(context, ref))) throw new ApiError('NOT_FOUND', 'No such session: it has ended, or it is not one of yours.', { field: 'id' });
    return true;
  }

  @BackendCost({ calls: 2, items: check.PAGE })
  @FieldResolver(() => SignInSessionConnection, { nullable: true, description: "The user's live sign-in sessions, newest first." })
  async sessions(
    @Root() user: User,
    @Ctx() context: ApiContext,
    @Arg('limit', () => Int, { nullable: true }) limit?: number,
    @Arg('nextToken', () => String, { nullable: true }) nextToken?: string,
  ): Promise<SignInSessionConnection> {
    return liveSessions(context, user.sub, limit, nextToken);
  }
}
