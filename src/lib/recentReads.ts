/**
 * A read-through cache with a short freshness window, for reads the API repeats on every
 * request of a busy client (a session's revocation state, the signed-in user's profile).
 *
 * - An answer is kept for `windowMs` from the moment its read *began*, so no answer is ever
 *   older than the window. A window of 0 turns the cache off: every call reads.
 * - Concurrent misses for one key share one read.
 * - `forget` is for writes made through this process: the next call reads again, and a read
 *   already in flight when the write happened is not kept.
 * - `undefined` answers are not kept (a failed verification, say), nor are errors.
 * - At most `maxEntries` answers are kept; the oldest written goes first, and stale ones at
 *   the front are dropped whenever an answer is kept.
 * - `lookups` counts what the window saves (for the metrics): an answer reused, or a read made.
 */
export interface RecentReadsOptions<V> {
  windowMs: number;
  maxEntries: number;
  /** A shorter lifetime for one answer (an epoch-ms deadline), such as a token's expiry. */
  expiresAt?: (value: V) => number;
  now?: () => number;
}

/** How often a window answered from memory (a kept answer, or a read already in flight) and how often it read. */
export interface ReuseCounts {
  reused: number;
  read: number;
}

interface Entry<V> {
  value: V;
  until: number;
}

export class RecentReads<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly inFlight = new Map<string, Promise<V>>();
  private readonly now: () => number;
  readonly lookups: ReuseCounts = { reused: 0, read: 0 };

  constructor(private readonly options: RecentReadsOptions<V>) {
    this.now = options.now ?? Date.now;
  }

  get(key: string, read: () => Promise<V>): Promise<V> {
    if (this.options.windowMs <= 0) {
      this.lookups.read++;
      return read();
    }
    const entry = this.entries.get(key);
    if (entry) {
      if (entry.until > this.now()) {
        this.lookups.reused++;
        return Promise.resolve(entry.value);
      }
      this.entries.delete(key);
    }
    const pending = this.inFlight.get(key);
    if (pending) {
      this.lookups.reused++;
      return pending;
    }
    this.lookups.read++;
    const began = this.now();
    const reading = read().then(
      (value) => {
        // Still ours only if no write forgot the key while the read was in flight.
        if (this.inFlight.get(key) === reading) {
          this.inFlight.delete(key);
          if (value !== undefined) this.keep(key, value, began);
        }
        return value;
      },
      (error: unknown) => {
        if (this.inFlight.get(key) === reading) this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, reading);
    return reading;
  }

  forget(key: string): void {
    this.entries.delete(key);
    this.inFlight.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private keep(key: string, value: V, began: number): void {
    const now = this.now();
    const until = Math.min(began + this.options.windowMs, this.options.expiresAt?.(value) ?? Infinity);
    if (until <= now) return;
    this.entries.delete(key);
    this.entries.set(key, { value, until });
    // The oldest written come first: drop those that are full or stale, so expired answers do
    // not sit in memory until the next read of their key.
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.options.maxEntries && entry.until > now) break;
      this.entries.delete(oldest);
    }
  }
}
