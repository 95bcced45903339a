/**
 * Recording password sign-in attempts in the user's history (AdminListUserAuthEvents): Pass when
 * the attempt ends in tokens, InProgress at a challenge, Fail otherwise, with the password check's
 * outcome when there was one. An attempt on a name no user has makes the same write, refused, so
 * the history's store work says nothing about who exists (authEvents.store.ts).
 */
import { randomUUID } from 'node:crypto';
import type { EngineServices } from '../services';
import type { AuthEventRecord, AuthEventResponse } from './authEvents.store';
import type { Caller } from './caller';
import type { PoolRecord, UserRecord } from './model';

/** What the attempt learnt along the way, for its record. */
export interface AttemptNotes {
  passwordMatched?: boolean;
}

async function record(s: EngineServices, pool: PoolRecord, caller: Caller, user: UserRecord | undefined, response: AuthEventResponse, notes: AttemptNotes): Promise<void> {
  const event: AuthEventRecord = {
    eventId: randomUUID(),
    eventType: 'SignIn',
    createdAt: s.clock.now(),
    response,
    ipAddress: caller.ipAddress,
    ...(notes.passwordMatched === undefined ? {} : { password: notes.passwordMatched ? 'Success' : 'Failure' }),
  };
  if (user) await s.authEvents.record(pool.poolId, user.sub, event);
  else await s.authEvents.recordNothing(pool.poolId, event);
}

/** Runs one sign-in attempt on `user` (or on a name no user has) and records how it ended. */
export async function recordedAttempt<T extends object>(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  user: UserRecord | undefined,
  attempt: (notes: AttemptNotes) => Promise<T>,
): Promise<T> {
  const notes: AttemptNotes = {};
  let result: T;
  try {
    result = await attempt(notes);
  } catch (error) {
    await record(s, pool, caller, user, 'Fail', notes);
    throw error;
  }
  await record(s, pool, caller, user, 'ChallengeName' in result ? 'InProgress' : 'Pass', notes);
  return result;
}
