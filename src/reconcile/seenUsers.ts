/**
 * The subs ListUsers returned, kept compactly so a pool of 40 million users fits in memory:
 * 8 bytes per user (a 64-bit digest of the sub) in one typed array, sorted once listing is done
 * and searched by bisection, instead of ~100 bytes per string in a Set (4 GB at that size).
 * Two subs sharing a digest (odds about 1 in 10^10 for 40 million) only spares an orphaned
 * record for one run, never removes a live one.
 */
import { createHash } from 'node:crypto';

const digest = (sub: string): bigint => createHash('sha256').update(sub).digest().readBigUInt64BE(0);

export class SeenUsers {
  private digests = new BigUint64Array(1024);
  private size = 0;
  private sealed = false;

  add(sub: string): void {
    if (this.sealed) throw new Error('SeenUsers is sealed');
    if (this.size === this.digests.length) {
      const grown = new BigUint64Array(this.digests.length * 2);
      grown.set(this.digests);
      this.digests = grown;
    }
    this.digests[this.size++] = digest(sub);
  }

  /** Ends adding; lookups may start. */
  seal(): void {
    this.digests = this.digests.slice(0, this.size).sort();
    this.sealed = true;
  }

  has(sub: string): boolean {
    if (!this.sealed) throw new Error('seal() SeenUsers before looking up');
    const wanted = digest(sub);
    let [low, high] = [0, this.size - 1];
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const value = this.digests[middle];
      if (value === wanted) return true;
      if (value < wanted) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  }

  get count(): number {
    return this.size;
  }
}
