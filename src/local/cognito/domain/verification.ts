/** Marking an address verified once a code sent to it came back. */
import { AliasExistsException } from '../errors';
import type { EngineServices } from '../services';
import { signInNames } from './lookup';
import type { PoolRecord, UserRecord } from './model';
import { NameTakenError } from './users.store';

/** The `<attr>_verified` flags to set: for whichever of email / phone holds the address. */
export function verifiedFlagsFor(user: UserRecord, destination: string): Record<string, string> {
  const flags: Record<string, string> = {};
  for (const attr of ['email', 'phone_number']) {
    if (user.attributes[attr] && user.attributes[attr] === destination) flags[`${attr}_verified`] = 'true';
  }
  return flags;
}

/** Alias attributes become sign-in names once verified; claim them (they must be unique). */
export async function claimVerifiedAliases(s: EngineServices, pool: PoolRecord, user: UserRecord): Promise<void> {
  for (const name of signInNames(pool, user)) {
    if (name.kind === 'sub' || pool.settings.UsernameAttributes.includes(name.kind)) continue;
    try {
      await s.users.claimName(pool.poolId, name, user.usernameKey);
    } catch (error) {
      if (error instanceof NameTakenError) throw new AliasExistsException(`An account with the given ${name.kind} already exists.`);
      throw error;
    }
  }
}
