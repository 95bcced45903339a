/**
 * PostAuthentication_Authentication: after a sign-in succeeds (a password, or the answer to
 * NEW_PASSWORD_REQUIRED), once its tokens are made. A failing handler fails the sign-in, as in
 * Cognito; the session it started is revoked, so nothing issued for it can be used.
 */
import type { EngineServices } from '../../services';
import type { Caller } from '../caller';
import type { PoolRecord, UserRecord } from '../model';
import { fireTrigger, userAttributesOf } from './event';

export async function postAuthentication(s: EngineServices, pool: PoolRecord, caller: Caller, user: UserRecord, onFailure: () => Promise<void>): Promise<void> {
  try {
    await fireTrigger(s.triggers, pool, caller, {
      trigger: 'PostAuthentication',
      triggerSource: 'PostAuthentication_Authentication',
      userName: user.username,
      // No device tracking yet, so no sign-in comes from a new device.
      request: { userAttributes: userAttributesOf(user), newDeviceUsed: false, clientMetadata: caller.clientMetadata },
    });
  } catch (error) {
    await onFailure();
    throw error;
  }
}
