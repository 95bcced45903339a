/**
 * PreAuthentication_Authentication: a password sign-in, after the user is looked up and before
 * the password is checked. A thrown error refuses the sign-in with UserLambdaValidationException
 * carrying the handler's message, so that message is the handler's to keep safe to show.
 *
 * Cognito also calls it for a name no user has when the client prevents existence errors, with
 * `userNotFound: true` and no attributes; so does the engine, which keeps the Lambda call (and its
 * time) the same for every name.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';

export async function preAuthentication(s: EngineServices, pool: PoolRecord, caller: Caller, subject: { user: UserRecord } | { unknownName: string }): Promise<void> {
  const user = 'user' in subject ? subject.user : undefined;
  await fireTrigger(s.triggers, pool, caller, {
    trigger: 'PreAuthentication',
    triggerSource: 'PreAuthentication_Authentication',
    userName: 'user' in subject ? subject.user.username : subject.unknownName,
    request: {
      userAttributes: user ? userAttributesOf(user) : {},
      validationData: caller.validationData,
      userNotFound: !user,
    },
  });
}
