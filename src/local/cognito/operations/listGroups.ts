import { decodeToken, describeGroup, encodeToken } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { optionalNumber, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const listGroups: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const page = await s.groups.list(pool.poolId, optionalNumber(input, 'Limit', 1, 60) ?? 60, decodeToken(input, 'NextToken'));
    const groups = await s.groups.getMany(pool.poolId, page.items);
    groups.sort((a, b) => a.groupName.localeCompare(b.groupName));
    return { Groups: groups.map(describeGroup), NextToken: encodeToken(page.next) };
  },
};
