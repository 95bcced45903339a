import { clientSettingsFrom, describeClient, newClientId, newClientSecret } from '../domain/clientSettings';
import { requirePool } from '../domain/lookup';
import type { ClientRecord } from '../domain/model';
import { optionalBoolean, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const createUserPoolClient: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const settings = clientSettingsFrom(input);
    const now = s.clock.now();
    const client: ClientRecord = {
      ...settings,
      clientId: newClientId(),
      poolId: pool.poolId,
      clientSecret: optionalBoolean(input, 'GenerateSecret') ? newClientSecret() : undefined,
      createdAt: now,
      modifiedAt: now,
    };
    await s.pools.createClient(client);
    return { UserPoolClient: describeClient(client) };
  },
};
