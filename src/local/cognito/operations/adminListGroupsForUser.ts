import { decodeToken, describeGroup, encodeToken } from '../domain/groupShapes';
import { requirePool, requireUser } from '../domain/lookup';
import { optionalNumber, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminListGroupsForUser: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const page = await s.groups.groupsOf(pool.poolId, user.usernameKey, optionalNumber(input, 'Limit', 1, 60) ?? 60, decodeToken(input, 'NextToken'));
    const groups = await s.groups.getMany(pool.poolId, page.items);
    groups.sort((a, b) => a.groupName.localeCompare(b.groupName));
    return { Groups: groups.map(describeGroup), NextToken: encodeToken(page.next) };
  },
};
