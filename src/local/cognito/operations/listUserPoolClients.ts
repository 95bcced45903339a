import { requirePool } from '../domain/lookup';
import { optionalNumber, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const listUserPoolClients: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const limit = optionalNumber(input, 'MaxResults', 1, 60) ?? 60;
    const token = optionalString(input, 'NextToken', { max: 131072 });
    const after = token ? Buffer.from(token, 'base64url').toString('utf8') : undefined;
    const { clients, next } = await s.pools.listClients(pool.poolId, limit, after);
    return {
      UserPoolClients: clients.map((c) => ({ ClientId: c.clientId, ClientName: c.clientName, UserPoolId: pool.poolId })),
      NextToken: next ? Buffer.from(next).toString('base64url') : undefined,
    };
  },
};
