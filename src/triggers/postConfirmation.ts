/**
 * PostConfirmation: the user's directory record, made (or brought up to date) from the event's
 * attributes when they confirm their sign-up, and a security event: CONFIRMED, or PASSWORD_RESET
 * after a forgotten password.
 *
 * If this fails the user is confirmed anyway (Cognito's known gotcha), and a retried
 * ConfirmSignUp is refused; the record is then made by the first sign-in (PostAuthentication),
 * by the API's write-through or by reconcile, so no user is left without one.
 */
import type { PostConfirmationTriggerEvent } from 'aws-lambda';
import { mirroredFromTrigger } from '../datasources/metadata/directory.fromCognito';
import { callerOf, deliveryId } from './caller';
import type { HandlerDeps } from './deps';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export function postConfirmation({ directory, settings, now }: HandlerDeps): Trigger<PostConfirmationTriggerEvent> {
  return async (event) => {
    const attributes = event.request.userAttributes ?? {};
    const sub = attributes.sub;
    if (!sub) throw new TriggerRefusal('The confirmation carried no user id.');
    const at = now();
    const signUp = event.triggerSource === 'PostConfirmation_ConfirmSignUp';
    await directory.mirror(sub, mirroredFromTrigger(event.userName, attributes, at, settings.indexedAttributes), signUp ? { confirmedAt: at, signUpSource: 'SIGN_UP' } : undefined);
    const type = signUp ? 'CONFIRMED' : 'PASSWORD_RESET';
    const { ip, device } = callerOf(event);
    // A user confirms once, so their sub names the event exactly; resets recur and take the delivery's id.
    const id = signUp ? `${sub}:CONFIRMED` : deliveryId(event, type, at);
    await directory.addEvent({ id, sub, type, at, ip, device });
    return event;
  };
}

/** The deployed Lambda function (PostConfirmation). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.PostConfirmation, postConfirmation);
