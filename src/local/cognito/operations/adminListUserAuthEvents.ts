import { requirePool, requireUser } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { optionalNumber, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

/** A page token is the last event's sort key; anything else is refused. */
function afterKey(token: string | undefined): string | undefined {
  if (token === undefined) return undefined;
  const key = Buffer.from(token, 'base64url').toString('utf8');
  if (!/^EVENT#\d{15}#[0-9a-f-]{36}$/.test(key)) throw new InvalidParameterException('Invalid pagination token.');
  return key;
}

/** The user's sign-in history (one event per password sign-in attempt), newest first, as Cognito lists it. */
export const adminListUserAuthEvents: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const limit = optionalNumber(input, 'MaxResults', 0, 60) || 60;
    const after = afterKey(optionalString(input, 'NextToken', { max: 131072 }));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const page = await s.authEvents.list(pool.poolId, user.sub, s.clock.now(), limit, after);
    return {
      AuthEvents: page.events.map((event) => ({
        EventId: event.eventId,
        EventType: event.eventType,
        CreationDate: new Date(event.createdAt),
        EventResponse: event.response,
        ChallengeResponses: event.password ? [{ ChallengeName: 'Password', ChallengeResponse: event.password }] : [],
        EventContextData: { IpAddress: event.ipAddress },
      })),
      NextToken: page.next ? Buffer.from(page.next).toString('base64url') : undefined,
    };
  },
};
