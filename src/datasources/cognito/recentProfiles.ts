/**
 * The signed-in users' own records that `me` may reuse for a short window. One instance is
 * shared by every datasource whose calls change a user, so each drops that user's copy.
 */
import { RecentReads } from '../../lib/recentReads';
import type { User } from '../../schema/types/profile.types';

/** Users a replica keeps a record for (one can be ~100 kB of custom attributes at worst). */
const REMEMBERED = 10_000;

export class RecentProfiles extends RecentReads<User> {
  constructor(windowMs: number, clock?: () => number) {
    super({ windowMs, maxEntries: REMEMBERED, now: clock });
  }

  /** Runs a call that changes `username`'s record, then drops its copy (also when the call failed). */
  async changing<T>(username: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } finally {
      this.forget(username);
    }
  }
}
