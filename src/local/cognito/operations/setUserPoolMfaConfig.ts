import { requirePool } from '../domain/lookup';
import { describeMfaConfig, mfaConfigFrom } from '../domain/mfa/poolMfa';
import { ResourceNotFoundException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/** The pool's MFA mode and factors; a factor section left out stays as it was. */
export const setUserPoolMfaConfig: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const settings = { ...pool.settings, ...mfaConfigFrom(pool, input) };
    const updated = await s.pools.updatePool(pool.poolId, { name: pool.name, settings, modifiedAt: s.clock.now() });
    if (!updated) throw new ResourceNotFoundException(`User pool ${pool.poolId} does not exist.`);
    return describeMfaConfig(updated);
  },
};
