/**
 * TOTP codes as an authenticator app computes them from the secret AssociateSoftwareToken gave
 * (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), written here independently of the
 * engine's own implementation.
 */
import { createHmac } from 'node:crypto';

function fromBase32(text: string): Buffer {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...text.toUpperCase()].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  return Buffer.from(bits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2)));
}

/** The code for the time step `offset` steps from the one holding `at`. */
export function totpCode(secret: string, at: number, offset = 0): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30_000) + offset));
  const mac = createHmac('sha1', fromBase32(secret)).update(counter).digest();
  const start = mac[19] & 15;
  return String((mac.readUInt32BE(start) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
