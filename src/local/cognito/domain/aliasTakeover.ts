/**
 * Moving a verified alias (email or phone a user signs in with, in a pool with alias attributes)
 * from the user who holds it to a new user. Cognito does this when PreSignUp auto-verifies an
 * address, or UserMigration asks for forceAliasCreation: the previous holder keeps the address,
 * unverified, and can no longer sign in with it.
 */
import type { EngineServices } from '../services';
import { changeAttributes } from './attributeChanges';
import { signInNames } from './lookup';
import type { PoolRecord, UserRecord } from './model';

export async function takeOverAliases(s: EngineServices, pool: PoolRecord, user: UserRecord): Promise<void> {
  for (const name of signInNames(pool, user)) {
    if (name.kind !== 'email' && name.kind !== 'phone_number') continue;
    if (pool.settings.UsernameAttributes.includes(name.kind)) continue;
    const holderKey = await s.users.resolveName(pool.poolId, name);
    const holder = holderKey && holderKey !== user.usernameKey ? await s.users.get(pool.poolId, holderKey) : undefined;
    if (holder) await changeAttributes(s, pool, holder, { [`${name.kind}_verified`]: 'false' });
  }
}
