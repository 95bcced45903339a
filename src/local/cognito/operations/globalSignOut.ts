import { authenticateAccessToken } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const globalSignOut: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    // Every session created up to now is signed out: its refresh and access tokens are refused.
    // The mark only moves forward (past sessions started in the same millisecond as the last
    // sign-out, and never back if the clock does), so no signed-out session comes back.
    const signedOutAt = Math.max(s.clock.now(), user.signedOutAt + 1);
    await s.users.update(pool.poolId, user.usernameKey, { set: { signedOutAt } });
    return {};
  },
};
