/**
 * Operations that act on one user, in their two forms: the user of an access token (GetDevice,
 * SetUserMFAPreference, ...) and, SigV4-signed, the user an admin names (AdminGetDevice,
 * AdminSetUserMFAPreference, ...). The work is written once, for a pool and a user.
 */
import { requiredString, rules } from '../params';
import type { EngineServices, Operation } from '../services';
import { authenticateAccessToken, requirePool, requireUser } from './lookup';
import type { PoolRecord, UserRecord } from './model';

export type UserWork = (s: EngineServices, pool: PoolRecord, user: UserRecord, input: Record<string, unknown>) => Promise<object>;

export const forTokenUser = (work: UserWork): Operation => ({
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    return work(s, pool, user, input);
  },
});

export const forNamedUser = (work: UserWork): Operation => ({
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    return work(s, pool, user, input);
  },
});
