/**
 * Sign-in lockout, as Cognito does it: after 5 consecutive failures the user is locked for
 * 2^(n-5) seconds (n = failures), capped at 15 minutes; attempts during a lock are refused
 * without extending it; the count resets on success or after 15 quiet minutes.
 *
 * Every attempt is counted as a failure *before* the password is checked (one atomic update),
 * and the reservation is refused once 5 are counted and no expired lock is waiting for exactly
 * one more try. So parallel attempts can never get more guesses than sequential ones.
 */
import { DECOY_USERNAME_KEY } from './codes';
import type { UserRecord } from './model';
import type { UsersStore } from './users.store';

export const LOCKOUT_THRESHOLD = 5;
export const MAX_LOCK_SECONDS = 900;
export const QUIET_RESET_MS = 15 * 60_000;

export const lockSeconds = (failures: number): number =>
  Math.min(2 ** (failures - LOCKOUT_THRESHOLD), MAX_LOCK_SECONDS);

export class Lockout {
  constructor(private readonly users: UsersStore) {}

  /** Counts one attempt; returns the attempt's number, or undefined when the user is locked. */
  async reserve(user: UserRecord, now: number): Promise<number | undefined> {
    if (user.failures > 0 && now - user.lastFailureAt >= QUIET_RESET_MS && user.lockedUntil <= now) {
      await this.users.updateCounters(
        user.poolId,
        user.usernameKey,
        'SET failures = :zero, lockedUntil = :zero, lockedAtFailures = :zero',
        'failures = :seen',
        { ':zero': 0, ':seen': user.failures },
      );
    }
    const updated = await this.users.updateCounters(
      user.poolId,
      user.usernameKey,
      'SET failures = failures + :one, lastFailureAt = :now',
      'failures < :threshold OR (lockedUntil <= :now AND lockedAtFailures = failures)',
      { ':one': 1, ':now': now, ':threshold': LOCKOUT_THRESHOLD },
    );
    return updated?.failures;
  }

  /**
   * For a user who does not exist: the same counter update as `reserve`, addressed to a key no
   * user has, so it is refused and stores nothing; the sign-in costs what a known user's does.
   */
  async reserveDecoy(poolId: string, now: number): Promise<void> {
    await this.users.updateCounters(poolId, DECOY_USERNAME_KEY, 'SET failures = failures + :one, lastFailureAt = :now', 'failures < :threshold', {
      ':one': 1,
      ':now': now,
      ':threshold': LOCKOUT_THRESHOLD,
    });
  }

  /** The attempt numbered `attempt` failed: lock the user if it was the fifth or later. */
  async failed(user: UserRecord, attempt: number, now: number): Promise<void> {
    if (attempt < LOCKOUT_THRESHOLD) return;
    await this.users.updateCounters(
      user.poolId,
      user.usernameKey,
      'SET lockedUntil = :until, lockedAtFailures = :n',
      'failures = :n',
      { ':until': now + lockSeconds(attempt) * 1000, ':n': attempt },
    );
  }

  async succeeded(user: UserRecord): Promise<void> {
    await this.users.updateCounters(
      user.poolId,
      user.usernameKey,
      'SET failures = :zero, lockedUntil = :zero, lockedAtFailures = :zero',
      'attribute_exists(sk)',
      { ':zero': 0 },
    );
  }
}
