import { describeGroup, groupName, requireGroup } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    return { Group: describeGroup(await requireGroup(s, pool.poolId, groupName(input))) };
  },
};
