import { ResourceNotFoundException } from '../errors';
import { describeClient } from '../domain/clientSettings';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const describeUserPoolClient: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const poolId = requiredString(input, 'UserPoolId', rules.poolId);
    const clientId = requiredString(input, 'ClientId', rules.clientId);
    const client = await s.pools.getClient(clientId);
    if (!client || client.poolId !== poolId) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    return { UserPoolClient: describeClient(client) };
  },
};
