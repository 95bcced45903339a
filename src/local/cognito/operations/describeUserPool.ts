import { requirePool } from '../domain/lookup';
import { describePool } from '../domain/poolSettings';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const describeUserPool: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    return { UserPool: describePool(pool, await s.pools.countUsers(pool.poolId)) };
  },
};
