/**
 * A password as the engine keeps it: the argon2id hash (for USER_PASSWORD_AUTH and every other
 * check of a typed password) and the SRP salt and verifier of the same password (USER_SRP_AUTH;
 * see srp/verifier.ts for why both, and what the verifier costs). Every point that sets a password
 * stores all three together, so they never disagree.
 */
import type { EngineServices } from '../services';
import type { UserRecord } from './model';
import { makeVerifier } from './srp/verifier';

export type StoredPassword = Pick<UserRecord, 'passwordHash' | 'srpSalt' | 'srpVerifier'>;

/** The stored form of `password` for the user named `username` (USER_ID_FOR_SRP) in `poolId`. */
export async function storedPassword(s: EngineServices, poolId: string, username: string, password: string): Promise<StoredPassword> {
  const passwordHash = await s.hasher.hash(password);
  const { salt, verifier } = makeVerifier(poolId, username, password);
  return { passwordHash, srpSalt: salt, srpVerifier: verifier };
}

/** A user whose password predates SRP: no verifier yet (a password sign-in adds one). */
export const lacksVerifier = (user: UserRecord): boolean => !user.srpVerifier || !user.srpSalt;
