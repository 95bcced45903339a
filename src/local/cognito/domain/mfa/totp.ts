/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second
 * steps, with one step of drift either way, as authenticator apps and Cognito use them. The secret
 * travels as base32 (RFC 4648, no padding), which is what the apps' QR codes carry.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { secretsEqual } from '../constantTime';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DRIFT_STEPS = 1;
const DIGITS = 6;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of text.replace(/=+$/, '').toUpperCase()) {
    const index = ALPHABET.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new secret: 160 bits (RFC 4226's recommendation), 32 base32 characters. */
export const newTotpSecret = (): string => base32Encode(randomBytes(20));

export const stepAt = (now: number): number => Math.floor(now / 1000 / TOTP_STEP_SECONDS);

/** The code of one time step. */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  const number = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(number % 10 ** DIGITS).padStart(DIGITS, '0');
}

/** The time step whose code `code` is (now, or one step either side), or undefined. Every step is compared, so timing says nothing of which. */
export function matchingStep(secret: string, code: string, now: number): number | undefined {
  const current = stepAt(now);
  let found: number | undefined;
  for (let step = current - TOTP_DRIFT_STEPS; step <= current + TOTP_DRIFT_STEPS; step++) {
    if (secretsEqual(totpCode(secret, step), code) && found === undefined) found = step;
  }
  return found;
}
