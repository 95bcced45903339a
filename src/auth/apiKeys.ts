/** API keys (x-api-key), compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (key: string): Buffer => createHash('sha256').update(key).digest();

export class ApiKeys {
  private readonly digests: Buffer[];

  constructor(keys: string[]) {
    this.digests = keys.map(digest);
  }

  isValid(candidate: string): boolean {
    const given = digest(candidate);
    // Compare against every key so the time taken does not depend on which one matched.
    return this.digests.reduce((found, d) => timingSafeEqual(d, given) || found, false);
  }
}
