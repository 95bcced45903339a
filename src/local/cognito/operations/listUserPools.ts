import { optionalNumber, optionalString } from '../params';
import { InvalidParameterException } from '../errors';
import type { Operation } from '../services';

export const listUserPools: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const limit = optionalNumber(input, 'MaxResults', 1, 60);
    if (limit === undefined) throw new InvalidParameterException('MaxResults is required.');
    const token = optionalString(input, 'NextToken', { max: 131072 });
    const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
    const { pools, next } = await s.pools.listPools(limit, after);
    return {
      UserPools: pools.map((p) => ({ Id: p.poolId, Name: p.name, CreationDate: new Date(p.createdAt), LastModifiedDate: new Date(p.createdAt) })),
      NextToken: next ? Buffer.from(next).toString('base64url') : undefined,
    };
  },
};
