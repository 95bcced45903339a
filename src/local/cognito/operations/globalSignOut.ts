import { authenticateAccessToken, nextSignOutMark } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const globalSignOut: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    // Every session created up to now is signed out: its refresh and access tokens are refused.
    await s.users.update(pool.poolId, user.usernameKey, { set: { signedOutAt: nextSignOutMark(user, s.clock.now()) } });
    return {};
  },
};
