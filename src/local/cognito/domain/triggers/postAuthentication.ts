/**
 * PostAuthentication_Authentication: after a sign-in succeeds (whatever its last step: a password,
 * an SRP proof, an MFA code, a device's proof, a custom challenge), once its tokens are made.
 * `newDeviceUsed` says the sign-in came from a device the pool had not seen (it got
 * NewDeviceMetadata). A failing handler fails the sign-in, as in Cognito; the session it started
 * is revoked, so nothing issued for it can be used.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';

export async function postAuthentication(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  user: UserRecord,
  onFailure: () => Promise<void>,
  newDeviceUsed = false,
): Promise<void> {
  try {
    await fireTrigger(s.triggers, pool, caller, {
      trigger: 'PostAuthentication',
      triggerSource: 'PostAuthentication_Authentication',
      userName: user.username,
      request: { userAttributes: userAttributesOf(user), newDeviceUsed, clientMetadata: caller.clientMetadata },
    });
  } catch (error) {
    await onFailure();
    throw error;
  }
}
