/**
 * Sign-in lockout, as Cognito does it: after 5 consecutive failures the name is locked for
 * 2^(n-5) seconds (n = failures), capped at 15 minutes; attempts during a lock are refused
 * without extending it; the count resets on success or after 15 quiet minutes.
 *
 * Every attempt is counted as a failure *before* the password is checked (one atomic update),
 * and the reservation is refused once 5 are counted and no expired lock is waiting for exactly
 * one more try. So parallel attempts can never get more guesses than sequential ones.
 *
 * The counters of a user live on the user's record; those of a name no user has, on its ghost
 * (ghosts.store.ts). Both go through the same updates here, so an unknown name is locked at the
 * same attempt, for as long, with the same store work, as an account.
 */
import type { Ghost, LockoutCounters, UserRecord } from './model';
import type { GhostsStore } from './ghosts.store';
import type { UsersStore } from './users.store';

export const LOCKOUT_THRESHOLD = 5;
export const MAX_LOCK_SECONDS = 900;
export const QUIET_RESET_MS = 15 * 60_000;

export const lockSeconds = (failures: number): number =>
  Math.min(2 ** (failures - LOCKOUT_THRESHOLD), MAX_LOCK_SECONDS);

/** Counters that 15 quiet minutes have made meaningless: their expiry, checked on every read. */
const isForgotten = (c: LockoutCounters, now: number): boolean =>
  c.failures > 0 && now - c.lastFailureAt >= QUIET_RESET_MS && c.lockedUntil <= now;

/** One name's counters as last read, and the conditional update that changes them where they live. */
export interface LockoutHolder {
  counters: LockoutCounters;
  /**
   * Applies `assignments` (of a SET clause) if `condition` holds; the new counters, or undefined.
   * `forgetAt` is when the counters stop mattering, which a ghost keeps as its `ttl`.
   */
  update(assignments: string, condition: string, values: Record<string, unknown>, forgetAt: number): Promise<LockoutCounters | undefined>;
}

export class Lockout {
  constructor(
    private readonly users: UsersStore,
    private readonly ghosts: GhostsStore,
  ) {}

  ofUser(user: UserRecord): LockoutHolder {
    return {
      counters: user,
      update: (assignments, condition, values) => this.users.updateCounters(user.poolId, user.usernameKey, `SET ${assignments}`, condition, values),
    };
  }

  ofGhost(ghost: Ghost): LockoutHolder {
    return {
      counters: ghost,
      update: (assignments, condition, values, forgetAt) => this.ghosts.updateLockout(ghost, assignments, condition, values, forgetAt),
    };
  }

  /** Counts one attempt; returns the attempt's number, or undefined when the name is locked. */
  async reserve(holder: LockoutHolder, now: number): Promise<number | undefined> {
    const seen = holder.counters;
    const forgetAt = now + QUIET_RESET_MS;
    if (isForgotten(seen, now)) {
      // A new count starts with this attempt, in one update guarded on what was read: of several
      // parallel attempts one restarts the count, and the others are counted on after it below.
      // One update, as for a name with no counters at all (whose ghost record DynamoDB's TTL may
      // have deleted), so a stale count does not show in the work either.
      const restarted = await holder.update(
        'failures = :one, lastFailureAt = :now, lockedUntil = :zero, lockedAtFailures = :zero',
        'failures = :seen AND lastFailureAt = :seenAt',
        { ':one': 1, ':now': now, ':zero': 0, ':seen': seen.failures, ':seenAt': seen.lastFailureAt },
        forgetAt,
      );
      if (restarted) return restarted.failures;
    }
    const updated = await holder.update(
      'failures = if_not_exists(failures, :zero) + :one, lastFailureAt = :now',
      'attribute_not_exists(failures) OR failures < :threshold OR (lockedUntil <= :now AND lockedAtFailures = failures)',
      { ':zero': 0, ':one': 1, ':now': now, ':threshold': LOCKOUT_THRESHOLD },
      forgetAt,
    );
    return updated?.failures;
  }

  /** The attempt numbered `attempt` failed: lock the name if it was the fifth or later. */
  async failed(holder: LockoutHolder, attempt: number, now: number): Promise<void> {
    if (attempt < LOCKOUT_THRESHOLD) return;
    await holder.update(
      'lockedUntil = :until, lockedAtFailures = :n',
      'failures = :n',
      { ':until': now + lockSeconds(attempt) * 1000, ':n': attempt },
      now + QUIET_RESET_MS,
    );
  }

  /** A right password clears the count. Only users get here: a ghost has no password. */
  async succeeded(holder: LockoutHolder): Promise<void> {
    await holder.update('failures = :zero, lockedUntil = :zero, lockedAtFailures = :zero', 'attribute_exists(failures)', { ':zero': 0 }, 0);
  }
}
