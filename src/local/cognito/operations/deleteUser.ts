import { authenticateAccessToken, signInNames } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const deleteUser: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    if (await s.users.delete(user, signInNames(pool, user))) await s.pools.adjustUserCount(pool.poolId, -1);
    return {};
  },
};
