import { describeUser } from '../domain/describeUser';
import { decodeToken, encodeToken, groupName, requireGroup } from '../domain/groupShapes';
import { requirePool } from '../domain/lookup';
import { optionalNumber, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const listUsersInGroup: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const group = await requireGroup(s, pool.poolId, groupName(input));
    const page = await s.groups.members(pool.poolId, group.groupName, optionalNumber(input, 'Limit', 1, 60) ?? 60, decodeToken(input, 'NextToken'));
    const users = await Promise.all(page.items.map((key) => s.users.get(pool.poolId, key)));
    return {
      Users: users.flatMap((u) => (u ? [describeUser(u, 'Attributes')] : [])),
      NextToken: encodeToken(page.next),
    };
  },
};
