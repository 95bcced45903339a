import { nextSignOutMark, requirePool, requireUser } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminUserGlobalSignOut: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    await s.users.update(pool.poolId, user.usernameKey, { set: { signedOutAt: nextSignOutMark(user, s.clock.now()) } });
    return {};
  },
};
