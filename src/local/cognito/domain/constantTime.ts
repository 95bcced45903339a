import { timingSafeEqual } from 'node:crypto';

/** Compares two secrets (or digests) without leaking, through timing, where they differ. */
export function secretsEqual(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
