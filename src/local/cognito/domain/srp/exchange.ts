/**
 * The server's side of one SRP exchange (USER_SRP_AUTH's PASSWORD_VERIFIER, and a remembered
 * device's DEVICE_PASSWORD_VERIFIER), as Cognito runs it:
 *
 *   B = k·v + g^b                         sent as SRP_B, with the salt and a SECRET_BLOCK
 *   u = H(A ‖ B),  S = (A · v^u)^b
 *   K = HKDF-SHA256(ikm = S, salt = u, info = "Caldera Derived Key", 16 bytes)
 *   PASSWORD_CLAIM_SIGNATURE = HMAC-SHA256(K, prefix ‖ userId ‖ secret block ‖ TIMESTAMP)
 *
 * where prefix is the pool name (or the device group key) and userId USER_ID_FOR_SRP (or the
 * device key). Three exponentiations per exchange, whatever the pool's size: g^b when the
 * challenge is made, v^u and (A·v^u)^b when it is answered.
 */
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { secretsEqual } from '../constantTime';
import type { SrpExchange } from '../model';
import { fromHex, g, hashHex, k, N, padHex, power } from '../../../../lib/srpGroup';

const INFO = 'Caldera Derived Key';

/** SRP_A as sent: hex of a number that is not 0 mod N; undefined otherwise. */
export function parseClientValue(hex: string): bigint | undefined {
  if (!/^[0-9a-fA-F]{1,2048}$/.test(hex)) return undefined;
  const value = fromHex(hex);
  return value % N === 0n ? undefined : value;
}

/** The server's values for a client's A against verifier v: b (secret) and B. */
export function startExchange(A: bigint, verifierHex: string): SrpExchange {
  const v = fromHex(verifierHex);
  let b = 0n;
  let gb: bigint | undefined;
  // b of 256 bits, as RFC 5054 asks; a zero B (mod N) would let a client skip the proof.
  while (gb === undefined || (k * v + gb) % N === 0n) {
    b = fromHex(randomBytes(32).toString('hex'));
    gb = power(g, b);
  }
  const B = (k * v + gb) % N;
  return { A: padHex(A), b: padHex(b), B: padHex(B), verifier: padHex(v) };
}

/** The signature a client that knows the password would send; undefined when the exchange is degenerate. */
function expectedSignature(exchange: SrpExchange, prefix: string, userId: string, secretBlock: Buffer, timestamp: string): Buffer | undefined {
  const A = fromHex(exchange.A);
  const u = fromHex(hashHex(padHex(A) + padHex(fromHex(exchange.B))));
  if (u === 0n) return undefined;
  const vu = power(fromHex(exchange.verifier), u);
  const S = vu === undefined ? undefined : power((A * vu) % N, fromHex(exchange.b));
  if (S === undefined) return undefined;
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(padHex(S), 'hex'), Buffer.from(padHex(u), 'hex'), INFO, 16));
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(prefix, 'utf8'), Buffer.from(userId, 'utf8'), secretBlock, Buffer.from(timestamp, 'utf8')]))
    .digest();
}

/** Whether PASSWORD_CLAIM_SIGNATURE proves the password (or device secret) behind the verifier. */
export function proofMatches(exchange: SrpExchange, prefix: string, userId: string, secretBlock: Buffer, timestamp: string, signature: string): boolean {
  const expected = expectedSignature(exchange, prefix, userId, secretBlock, timestamp);
  return !!expected && secretsEqual(expected.toString('base64'), signature);
}

/**
 * The SECRET_BLOCK of a challenge: derived from its id with the pool's pepper, so the answer's
 * PASSWORD_CLAIM_SECRET_BLOCK can be checked without storing it, and no other challenge's fits.
 */
export function secretBlockFor(pepper: string, challengeId: string): Buffer {
  const half = (n: number) => createHmac('sha256', pepper).update(`srp-secret-block:${n}:${challengeId}`).digest();
  return Buffer.concat([half(0), half(1)]);
}
