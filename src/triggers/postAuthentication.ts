/**
 * PostAuthentication: a successful sign-in is counted (lastSignInAt, signInCount, last IP and
 * device) with a SIGN_IN event, once per delivery (caller.ts says how a delivery is named).
 *
 * It is also where users who never had a PostConfirmation get their record: admin-created users
 * (PostConfirmation never fires when they set their password), migrated users, and users whose
 * PostConfirmation failed. A missing (or bare) record is mirrored from the event first, with
 * the first sign-in standing in for the confirmation.
 */
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { mirroredFromTrigger } from '../datasources/metadata/directory.fromCognito';
import { BARE_VERSION } from '../datasources/metadata/directory.item';
import { isFresh } from '../datasources/metadata/directory.pending';
import { callerOf, deliveryId } from './caller';
import type { HandlerDeps } from './deps';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export function postAuthentication({ directory, settings, now, legacy, signInRecords }: HandlerDeps): Trigger<PostAuthenticationTriggerEvent> {
  return async (event) => {
    const attributes = event.request.userAttributes ?? {};
    const sub = attributes.sub;
    if (!sub) throw new TriggerRefusal('The sign-in carried no user id.');
    const at = now();
    let record = signInRecords.take(sub) ?? (await directory.get(sub));
    if (!record || record.cognitoModifiedAt === BARE_VERSION) {
      // The legacy export knows them by the name they typed, which in a pool that signs in with email is the email.
      const migrated = legacy !== undefined && ((attributes.email && (await legacy.find(attributes.email))) || (await legacy.find(event.userName))) !== undefined;
      await directory.mirror(sub, mirroredFromTrigger(event.userName, attributes, at, settings.indexedAttributes), {
        confirmedAt: at,
        signUpSource: migrated ? 'MIGRATION' : undefined,
      });
      record = undefined; // changed: recordSignIn reads it afresh
    }
    // ClientMetadata comes with an answered challenge; after a password, only PreAuthentication's
    // note (on the record just read) has the caller, and the sign-in's time.
    const told = callerOf(event);
    const noted = !told.requestId && isFresh(record?.pendingSignIn, at) ? record!.pendingSignIn : undefined;
    const caller = noted ?? told;
    const eventId = caller.requestId ? `${caller.requestId}:SIGN_IN` : deliveryId(event, 'SIGN_IN', at);
    await directory.recordSignIn(sub, { eventId, at: noted?.at ?? at, ip: caller.ip, device: caller.device, atIsStable: noted?.requestId !== undefined }, record);
    return event;
  };
}

/** The deployed Lambda function (PostAuthentication). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PostAuthentication, postAuthentication);
