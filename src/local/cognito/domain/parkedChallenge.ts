/**
 * Finding the sign-in a Session names: its challenge record, checked (same pool and client, not
 * expired, the challenge the caller says it answers), and whom it concerns. A name no user has is
 * found as its ghost with the same single read a user costs, so answering a challenge of an
 * unknown name does the same store work as one of a user.
 */
import { InvalidParameterException, NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import { parseChallengeSession } from './authResult';
import type { Account } from './lookup';
import type { ChallengeRecord, PoolRecord } from './model';
import type { Progress } from './nextStep';

export interface Parked {
  record: ChallengeRecord;
  account: Account;
}

export const sessionExpired = (): NotAuthorizedException => new NotAuthorizedException(messages.sessionExpired);

/** The record a Session names, if it is live; `clientId` when the caller names its client. */
export async function findChallenge(s: EngineServices, sessionToken: string, expected: { pool?: PoolRecord; clientId?: string; challengeName: string }): Promise<ChallengeRecord> {
  const ref = parseChallengeSession(sessionToken);
  if (!ref || (expected.pool && ref.poolId !== expected.pool.poolId)) throw sessionExpired();
  const record = await s.sessions.getChallenge(ref.poolId, ref.challengeId);
  if (!record || (expected.clientId && record.clientId !== expected.clientId) || record.expiresAt <= s.clock.now()) throw sessionExpired();
  if (record.challengeName !== expected.challengeName) {
    throw new InvalidParameterException(`Invalid challenge name: expected ${record.challengeName}`);
  }
  return record;
}

/** Whom a challenge concerns: its user (gone means the session is), or its ghost. */
export async function accountOf(s: EngineServices, record: ChallengeRecord): Promise<Account> {
  if (record.ghost) return { ghost: await s.ghosts.at(record.ghost) };
  const user = record.usernameKey ? await s.users.get(record.poolId, record.usernameKey) : undefined;
  if (!user) throw sessionExpired();
  return { user };
}

/** Takes the challenge (a Session answers once); throws when another answer took it first. */
export async function takeChallenge(s: EngineServices, record: ChallengeRecord): Promise<void> {
  if (!(await s.sessions.takeChallenge(record.poolId, record.challengeId))) throw sessionExpired();
}

export const progressOf = (record: ChallengeRecord): Progress => ({ deviceKey: record.deviceKey, flow: record.flow ?? 'password' });

/** A step only a user can be at (the answers before it were a user's); for a ghost the session is spent. */
export function userOf(parked: Parked) {
  if (!parked.account.user) throw sessionExpired();
  return parked.account.user;
}
