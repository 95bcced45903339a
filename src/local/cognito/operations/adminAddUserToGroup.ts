import { groupName, requireGroup } from '../domain/groupShapes';
import { requirePool, requireUser } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminAddUserToGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const group = await requireGroup(s, pool.poolId, groupName(input));
    await s.groups.addMember(pool.poolId, group.groupName, user.usernameKey, s.clock.now());
    return {};
  },
};
