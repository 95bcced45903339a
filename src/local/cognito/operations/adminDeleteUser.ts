import { requirePool, requireUser, signInNames } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminDeleteUser: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    if (await s.users.delete(user, signInNames(pool, user))) await s.pools.adjustUserCount(pool.poolId, -1);
    return {};
  },
};
