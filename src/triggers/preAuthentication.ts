/**
 * PreAuthentication: accounts flagged in the directory (BLOCKING_FLAGS, e.g. `suspended`) may not
 * sign in. Cognito runs this before it checks the password, so the refusal tells whoever typed
 * the name that the account exists and is held: the message says no more than that, and names
 * no flag.
 *
 * It also notes the attempt (the API's request id, the client's address and device, which only
 * this trigger is told) for PostAuthentication to count the sign-in with. A name Cognito does not
 * know (userNotFound) passes, after the same reads and writes on a stand-in, so the trigger's work
 * does not tell who exists either.
 */
import type { PreAuthenticationTriggerEvent } from 'aws-lambda';
import type { DirectoryProfile } from '../datasources/metadata/directory.types';
import { createHash } from 'node:crypto';
import { callerOf } from './caller';
import type { HandlerDeps } from './deps';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export const ACCOUNT_HELD = 'This account cannot sign in at the moment. Please contact support.';

export const isHeld = (record: DirectoryProfile | undefined, blockingFlags: readonly string[]): boolean =>
  record !== undefined && record.flags.some((flag) => blockingFlags.includes(flag));

/** Where an unknown name's reads and writes go: a key no user has, never a directory record. */
const standIn = (event: PreAuthenticationTriggerEvent): string =>
  `unknown:${createHash('sha256').update(`${event.userPoolId}\u0000${event.userName}`).digest('base64url').slice(0, 32)}`;

export function preAuthentication({ directory, settings, now, signInRecords }: HandlerDeps): Trigger<PreAuthenticationTriggerEvent> {
  return async (event) => {
    const known = !event.request.userNotFound && event.request.userAttributes?.sub;
    const record = await directory.notePendingSignIn(known || standIn(event), { at: now(), ...callerOf(event) });
    if (!known) return event;
    if (isHeld(record, settings.blockingFlags)) throw new TriggerRefusal(ACCOUNT_HELD);
    if (record) signInRecords.keep(record);
    return event;
  };
}

/** The deployed Lambda function (PreAuthentication). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PreAuthentication, preAuthentication);
