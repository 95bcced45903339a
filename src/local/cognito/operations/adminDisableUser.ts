import { requirePool, requireUser } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/** A disabled user cannot sign in; their refresh and access tokens are refused (see lookup.ts, signIn.ts). */
export const adminDisableUser: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    await s.users.update(pool.poolId, user.usernameKey, { set: { enabled: false, modifiedAt: s.clock.now() } });
    return {};
  },
};
