/**
 * Checking a password against a legacy hash: bcrypt (`$2a$`, `$2b$`, `$2y$`) with bcryptjs,
 * argon2id (`$argon2id$`) with @node-rs/argon2. A decoy hash with the same algorithm and cost as
 * a real one lets an unknown name cost what a known one does.
 */
import { Algorithm, hash as argon2Hash, parseOptions, verify as argon2Verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';

export type HashKind = 'bcrypt' | 'argon2id';

export function hashKind(hash: string): HashKind | undefined {
  if (/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) return 'bcrypt';
  if (hash.startsWith('$argon2id$')) return 'argon2id';
  return undefined;
}

/** Whether `password` matches `hash`; a hash of a kind we do not read (or a broken one) never matches. */
export async function verifyLegacyPassword(hash: string, password: string): Promise<boolean> {
  try {
    const kind = hashKind(hash);
    if (kind === 'bcrypt') return await bcrypt.compare(password, hash);
    if (kind === 'argon2id') return await argon2Verify(hash, password);
  } catch {
    // a malformed hash is a wrong password
  }
  return false;
}

/** A hash of a random secret in the same format and at the same cost as `sample`. */
export async function decoyLike(sample: string): Promise<string> {
  const secret = randomBytes(24).toString('base64url');
  if (hashKind(sample) === 'argon2id') {
    const { memoryCost, timeCost, parallelism } = parseOptions(sample);
    return argon2Hash(secret, { algorithm: Algorithm.Argon2id, memoryCost, timeCost, parallelism });
  }
  const rounds = hashKind(sample) === 'bcrypt' ? Number(sample.slice(4, 6)) : 10;
  return bcrypt.hash(secret, rounds);
}
