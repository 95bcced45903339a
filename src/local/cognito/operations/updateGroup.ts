import { describeGroup, groupName, groupSettings } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { ResourceNotFoundException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const updateGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const updated = await s.groups.update(pool.poolId, groupName(input), groupSettings(input), s.clock.now());
    if (!updated) throw new ResourceNotFoundException('Group not found.');
    return { Group: describeGroup(updated) };
  },
};
