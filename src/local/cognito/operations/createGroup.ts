import { describeGroup, groupName, groupSettings } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { GroupExistsException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const createGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const name = groupName(input);
    const now = s.clock.now();
    const group = { poolId: pool.poolId, groupName: name, ...groupSettings(input), createdAt: now, modifiedAt: now };
    if (!(await s.groups.create(group))) throw new GroupExistsException(`A group with the name ${name} already exists.`);
    return { Group: describeGroup(group) };
  },
};
