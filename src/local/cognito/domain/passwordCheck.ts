/**
 * Checking a password, typed (argon2id) or proven (SRP), through the lockout: the attempt is
 * reserved first (a locked name is refused without any check), then verified, then recorded as a
 * success or a failure. Users and unknown names' ghosts go through the same updates, so the lock
 * falls at the same attempt for both.
 */
import { NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import type { LockoutHolder } from './lockout';
import type { UserRecord } from './model';
import type { AttemptNotes } from './signInHistory';

/** One attempt under the lockout; returns whether `verify` matched. Throws when the name is locked. */
export async function attemptThroughLockout(s: EngineServices, holder: LockoutHolder, verify: () => Promise<boolean> | boolean): Promise<boolean> {
  const now = s.clock.now();
  const attempt = await s.lockout.reserve(holder, now);
  if (attempt === undefined) throw new NotAuthorizedException(messages.attemptsExceeded);
  const matched = await verify();
  if (matched) await s.lockout.succeeded(holder);
  else await s.lockout.failed(holder, attempt, now);
  return matched;
}

/** Verifies a user's typed password through the lockout; throws NotAuthorized when locked or wrong. */
export async function checkPassword(s: EngineServices, user: UserRecord, password: string, notes: AttemptNotes = {}): Promise<void> {
  notes.passwordMatched = await attemptThroughLockout(s, s.lockout.ofUser(user), () => s.hasher.verify(user.passwordHash, password));
  if (!notes.passwordMatched) throw new NotAuthorizedException(messages.badCredentials);
}
