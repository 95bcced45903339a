import { groupName } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { ResourceNotFoundException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const deleteGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    if (!(await s.groups.delete(pool.poolId, groupName(input)))) throw new ResourceNotFoundException('Group not found.');
    return {};
  },
};
