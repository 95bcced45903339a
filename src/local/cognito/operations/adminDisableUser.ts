import { nextSignOutMark, requirePool, requireUser } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/**
 * A disabled user cannot sign in, and, as in Cognito, all their tokens are revoked: they stay
 * refused after the user is enabled again (see lookup.ts, signIn.ts).
 */
export const adminDisableUser: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const now = s.clock.now();
    await s.users.update(pool.poolId, user.usernameKey, { set: { enabled: false, signedOutAt: nextSignOutMark(user, now), modifiedAt: now } });
    return {};
  },
};
