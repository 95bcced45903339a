import { clientSettingsFrom, describeClient } from '../domain/clientSettings';
import { ResourceNotFoundException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/**
 * Replaces an app client's settings (RefreshTokenRotation among them). As in Cognito, what the
 * request leaves out returns to its default; the id, the secret and the creation date stay.
 */
export const updateUserPoolClient: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const poolId = requiredString(input, 'UserPoolId', rules.poolId);
    const clientId = requiredString(input, 'ClientId', rules.clientId);
    const current = await s.pools.getClient(clientId);
    if (!current || current.poolId !== poolId) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    const settings = clientSettingsFrom({ ClientName: current.clientName, ...input });
    const updated = await s.pools.updateClient({ ...current, ...settings, modifiedAt: s.clock.now() });
    if (!updated) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    return { UserPoolClient: describeClient(updated) };
  },
};
