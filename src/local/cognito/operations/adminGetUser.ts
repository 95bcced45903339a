import { describeUser } from '../domain/describeUser';
import { requirePool, requireUser } from '../domain/lookup';
import { describeMfa } from '../domain/mfa/userMfa';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminGetUser: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    return { ...describeUser(user, 'UserAttributes'), ...describeMfa(pool, user) };
  },
};
