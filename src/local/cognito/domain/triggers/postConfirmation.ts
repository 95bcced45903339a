/**
 * PostConfirmation: after a user is confirmed (PostConfirmation_ConfirmSignUp: ConfirmSignUp,
 * AdminConfirmSignUp, or a SignUp that PreSignUp auto-confirmed) and after a password reset
 * (PostConfirmation_ConfirmForgotPassword). Called once the change is stored, so, as in Cognito,
 * a failing handler fails the request but the user stays confirmed (or reset). It does not fire
 * when an admin-created user sets a password at NEW_PASSWORD_REQUIRED.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';

export type PostConfirmationSource = 'PostConfirmation_ConfirmSignUp' | 'PostConfirmation_ConfirmForgotPassword';

export async function postConfirmation(s: EngineServices, pool: PoolRecord, caller: Caller, source: PostConfirmationSource, user: UserRecord): Promise<void> {
  await fireTrigger(s.triggers, pool, caller, {
    trigger: 'PostConfirmation',
    triggerSource: source,
    userName: user.username,
    request: { userAttributes: userAttributesOf(user), clientMetadata: caller.clientMetadata },
  });
}
