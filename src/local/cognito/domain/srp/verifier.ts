/**
 * SRP verifiers: what lets the engine check a password it never sees (USER_SRP_AUTH).
 *
 * Why it is stored: SRP proves knowledge of the password against v = g^x, x = H(salt ‖
 * H(poolName ‖ userId ‖ ":" ‖ password)). An argon2id hash cannot give v, so each place that sets
 * a password (SignUp, AdminCreateUser, AdminSetUserPassword, ConfirmForgotPassword,
 * ChangePassword, NEW_PASSWORD_REQUIRED, UserMigration) stores the salt and v beside the hash.
 *
 * What it costs: one modular exponentiation per password set (about 2 ms), and a second
 * password-equivalent in the table. A verifier is no weaker than the hash against someone who
 * reads the table (each guess costs one exponentiation instead of one argon2id, so a verifier is
 * in fact cheaper to attack offline: protect the table as you would the hashes).
 *
 * Names with no verifier (unknown names, and users whose password was set before this existed)
 * get a simulated one, derived from the pool's pepper and the name: stable, indistinguishable from
 * a real one by the client, and matching no password, so their sign-in fails as a wrong password
 * does, with the same work.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { fromHex, g, hashHex, hashText, N, N_BYTES, padHex, power } from '../../../../lib/srpGroup';

export interface Verifier {
  /** Hex, as padHex writes it (what the client hashes). */
  salt: string;
  verifier: string;
}

/** The part of a pool id after the region: Cognito's "pool name" in the SRP hashes. */
export const poolNameOf = (poolId: string): string => poolId.split('_')[1] ?? '';

/** x, for `prefix` (the pool name, or a device's group key) and `userId` (USER_ID_FOR_SRP, or the device key). */
export const privateValue = (salt: string, prefix: string, userId: string, password: string): bigint =>
  fromHex(hashHex(padHex(fromHex(salt)) + hashText(`${prefix}${userId}:${password}`)));

/** A fresh salt and the verifier of `password` for this user. */
export function makeVerifier(poolId: string, userId: string, password: string): Verifier {
  const salt = padHex(fromHex(randomBytes(16).toString('hex')));
  const v = power(g, privateValue(salt, poolNameOf(poolId), userId, password));
  if (v === undefined) throw new Error('SRP verifier could not be computed');
  return { salt, verifier: padHex(v) };
}

/** Bytes derived from the pepper for `label`, as many as asked (an HMAC in counter mode). */
function derived(pepper: string, label: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let i = 0; blocks.length * 32 < length; i++) blocks.push(createHmac('sha256', pepper).update(`${label}:${i}`).digest());
  return Buffer.concat(blocks).subarray(0, length);
}

/** The stable stand-in verifier of a name that has none (see the header). No exponentiation. */
export function simulatedVerifier(pepper: string, name: string): Verifier {
  const salt = padHex(fromHex(derived(pepper, `srp-salt:${name}`, 16).toString('hex')));
  const verifier = fromHex(derived(pepper, `srp-verifier:${name}`, N_BYTES).toString('hex')) % N;
  return { salt, verifier: padHex(verifier) };
}

/** A stable UUID-shaped stand-in for a sub, for USER_ID_FOR_SRP of a name no user has. */
export function simulatedSub(pepper: string, name: string): string {
  const hex = derived(pepper, `srp-sub:${name}`, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[parseInt(hex[16], 16) % 4]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Reads a device's DeviceSecretVerifierConfig (base64 of the padded hex bytes), or undefined when malformed. */
export function verifierFromConfig(config: { PasswordVerifier?: unknown; Salt?: unknown }): Verifier | undefined {
  const decode = (value: unknown): bigint | undefined => {
    if (typeof value !== 'string' || value.length === 0 || value.length > 1024 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
    const hex = Buffer.from(value, 'base64').toString('hex');
    return hex ? fromHex(hex) : undefined;
  };
  const verifier = decode(config.PasswordVerifier);
  const salt = decode(config.Salt);
  if (verifier === undefined || salt === undefined || verifier % N === 0n) return undefined;
  return { salt: padHex(salt), verifier: padHex(verifier % N) };
}
