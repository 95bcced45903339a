/**
 * Shared by both sides: the engine's server (src/local/cognito/domain/srp) and the API's client
 * for remembered devices (src/datasources/cognito/srp.ts).
 *
 * The arithmetic of Cognito's SRP-6a: the 3072-bit group of RFC 5054 (generator 2), SHA-256, and
 * the byte conventions amazon-cognito-identity-js and Amplify use, which the server must repeat
 * exactly or no signature would ever match:
 *
 * - a number enters a hash as its big-endian hex, padded to whole bytes, with a `00` byte first
 *   when the top bit is set (so it reads as positive): `padHex`;
 * - hashes are taken over those bytes, and hex digests are concatenated as text before hashing
 *   again (x = H(salt ‖ H(poolName ‖ userId ‖ ":" ‖ password))).
 *
 * Modular exponentiation is the expensive part (a 3072-bit modulus). `power` runs it in OpenSSL
 * through a Diffie-Hellman object on this group, whose computeSecret is exactly base^exponent
 * mod N, in constant time and several times faster than BigInt square-and-multiply. The other
 * arithmetic (products, sums mod N) is BigInt.
 */
import { createDiffieHellman, createHash } from 'node:crypto';

const N_HEX =
  'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
  'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
  'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
  '83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
  'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
  '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
  'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
  'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF';

export const N = BigInt(`0x${N_HEX}`);
export const g = 2n;
/** Bytes of a number as big as N: 384. */
export const N_BYTES = N_HEX.length / 2;

/** Big-endian hex of a non-negative number, whole bytes, `00`-prefixed when the top bit is set. */
export function padHex(value: bigint): string {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  return /^[89a-f]/i.test(hex) ? `00${hex}` : hex;
}

export const fromHex = (hex: string): bigint => BigInt(`0x${hex || '0'}`);

/** SHA-256 of the bytes a hex string spells, as hex. */
export const hashHex = (hex: string): string => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');

/** SHA-256 of UTF-8 text, as hex. */
export const hashText = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The multiplier k = H(N ‖ g). */
export const k = fromHex(hashHex(padHex(N) + padHex(g)));

const toBytes = (value: bigint): Buffer => {
  const hex = value.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
};

// Made once: building a group checks its prime, which is slow; the object is then reused, one
// synchronous exponentiation at a time.
const group = createDiffieHellman(toBytes(N), toBytes(g));

/**
 * base^exponent mod N. Undefined when OpenSSL refuses the base (0, 1, N-1 or beyond N), which
 * only a crafted SRP_A can cause: callers treat that as a failed proof.
 */
export function power(base: bigint, exponent: bigint): bigint | undefined {
  if (exponent <= 0n) return undefined;
  try {
    group.setPrivateKey(toBytes(exponent));
    return fromHex(group.computeSecret(toBytes(base % N)).toString('hex'));
  } catch {
    return undefined;
  }
}
