import { requirePool } from '../domain/lookup';
import { updatedPoolSettings } from '../domain/poolSettings';
import { ResourceNotFoundException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

/** Changes a pool's settings (LambdaConfig among them); what the request leaves out returns to its default, as in Cognito. */
export const updateUserPool: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const name = optionalString(input, 'PoolName', { max: 128, pattern: /^[\w\s+=,.@-]+$/ }) ?? pool.name;
    const settings = updatedPoolSettings(pool.settings, input);
    if (!(await s.pools.updatePool(pool.poolId, { name, settings, modifiedAt: s.clock.now() }))) {
      throw new ResourceNotFoundException(`User pool ${pool.poolId} does not exist.`);
    }
    return {};
  },
};
