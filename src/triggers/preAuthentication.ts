/**
 * PreAuthentication: accounts flagged in the directory (BLOCKING_FLAGS, e.g. `suspended`) may not
 * sign in. Cognito runs this before it checks the password, so the refusal tells whoever typed
 * the name that the account exists and is held: the message says no more than that, and names
 * no flag. (A name Cognito does not know comes with userNotFound and passes untouched.)
 */
import type { PreAuthenticationTriggerEvent } from 'aws-lambda';
import type { DirectoryProfile } from '../datasources/metadata/directory.types';
import type { HandlerDeps } from './deps';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export const ACCOUNT_HELD = 'This account cannot sign in at the moment. Please contact support.';

export const isHeld = (record: DirectoryProfile | undefined, blockingFlags: readonly string[]): boolean =>
  record !== undefined && record.flags.some((flag) => blockingFlags.includes(flag));

export function preAuthentication({ directory, settings }: HandlerDeps): Trigger<PreAuthenticationTriggerEvent> {
  return async (event) => {
    const sub = event.request.userAttributes?.sub;
    if (event.request.userNotFound || !sub || settings.blockingFlags.length === 0) return event;
    if (isHeld(await directory.get(sub), settings.blockingFlags)) throw new TriggerRefusal(ACCOUNT_HELD);
    return event;
  };
}

/** The deployed Lambda function (PreAuthentication). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PreAuthentication, preAuthentication);
