/**
 * Where a sign-in goes once its first factor is proven (a password, an SRP proof, a passwordless
 * code, a custom challenge), in Cognito's order:
 *
 * 1. the account's state: disabled, unconfirmed, reset required, or a temporary password, which
 *    parks it at NEW_PASSWORD_REQUIRED (and carries on from here once answered);
 * 2. a remembered device the sign-in presented: DEVICE_SRP_AUTH, the device's own proof;
 * 3. MFA, when the pool and the user call for it (mfa/mfaStep.ts); a remembered device's proof
 *    stands in for it when the pool's ChallengeRequiredOnNewDevice says so. Passwordless and
 *    custom sign-ins have already proven what MFA would;
 * 4. tokens, with NewDeviceMetadata when the pool tracks devices and the sign-in presented none,
 *    then PostAuthentication.
 *
 * What one step hands the next (the device presented, the flow) travels in the challenge record.
 */
import { NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException, messages } from '../errors';
import { attributeList, missingRequired } from './attributes';
import { NewDeviceMetadata, SignInResult, SignInScope, startChallenge, startSession } from './authResult';
import { devicePartition, newDeviceMetadata, rememberedDeviceSkipsMfa, tracksDevices } from './devices/deviceKeys';
import { mfaChallenge } from './mfa/mfaStep';
import type { ChallengeRecord, UserRecord } from './model';
import { postAuthentication } from './triggers/postAuthentication';
import type { TokenGenerationSource } from './triggers/preTokenGeneration';

/** What a sign-in carries from step to step. */
export type Progress = Pick<ChallengeRecord, 'deviceKey' | 'flow'>;

/** Refuses a sign-in the account's state does not allow, with Cognito's answers. */
function assertMaySignIn(scope: SignInScope, user: UserRecord): void {
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  if (user.status === 'UNCONFIRMED') throw new UserNotConfirmedException(messages.userNotConfirmed);
  if (user.status === 'RESET_REQUIRED') throw new PasswordResetRequiredException(messages.resetRequired);
  if (user.status === 'FORCE_CHANGE_PASSWORD' && (user.temporaryPasswordExpiresAt ?? Infinity) <= scope.s.clock.now()) {
    throw new NotAuthorizedException(messages.tempPasswordExpired);
  }
}

export async function afterFirstFactor(scope: SignInScope, user: UserRecord, progress: Progress): Promise<SignInResult> {
  assertMaySignIn(scope, user);
  if (user.status !== 'FORCE_CHANGE_PASSWORD') return continueSignIn(scope, user, progress, 'TokenGeneration_Authentication');
  const visible = Object.fromEntries(
    attributeList(user)
      .filter((a) => a.Name !== 'sub' && !a.Name.endsWith('_verified'))
      .map((a) => [a.Name, a.Value]),
  );
  return startChallenge(
    scope.s,
    scope.pool,
    scope.client,
    { user },
    'NEW_PASSWORD_REQUIRED',
    { userAttributes: JSON.stringify(visible), requiredAttributes: JSON.stringify(missingRequired(scope.pool, user)) },
    progress,
  );
}

/** Steps 2 to 4, for a user whose first factor (and new password, if one was due) is settled. */
export async function continueSignIn(scope: SignInScope, user: UserRecord, progress: Progress, source: TokenGenerationSource): Promise<SignInResult> {
  const { s, pool } = scope;
  if (progress.flow === 'password' && progress.deviceKey) {
    const device = await s.devices.get(devicePartition(pool, { user }), progress.deviceKey);
    if (device?.remembered) return startChallenge(s, pool, scope.client, { user }, 'DEVICE_SRP_AUTH', { USERNAME: user.username }, progress);
  }
  if (progress.flow === 'password') {
    const challenge = await mfaChallenge(scope, user, progress);
    if (challenge) return challenge;
  }
  return finishSignIn(scope, user, progress.deviceKey, source);
}

/** After a remembered device proved itself: MFA unless the pool lets the device stand in for it. */
export async function afterDeviceProof(scope: SignInScope, user: UserRecord, progress: Progress): Promise<SignInResult> {
  if (!rememberedDeviceSkipsMfa(scope.pool)) {
    const challenge = await mfaChallenge(scope, user, progress);
    if (challenge) return challenge;
  }
  return finishSignIn(scope, user, progress.deviceKey, 'TokenGeneration_AuthenticateDevice');
}

/**
 * A sign-in that succeeded: a new session and its tokens, then PostAuthentication (whose failure
 * ends the session). `deviceKey` is a confirmed device the sign-in came from (its last use is
 * noted); without one, a pool that tracks devices issues a new device's keys.
 */
export async function finishSignIn(scope: SignInScope, user: UserRecord, deviceKey: string | undefined, source: TokenGenerationSource): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  const now = s.clock.now();
  let newDevice: NewDeviceMetadata | undefined;
  if (deviceKey) await s.devices.update(devicePartition(pool, { user }), deviceKey, { lastIp: caller.ipAddress || undefined, lastAuthenticatedAt: now });
  else if (tracksDevices(pool)) newDevice = newDeviceMetadata(pool);
  const { result, session } = await startSession(s, pool, client, user, { source, caller }, deviceKey ?? newDevice?.DeviceKey);
  await postAuthentication(s, pool, caller, user, () => s.sessions.revoke(pool.poolId, session.sessionId, s.clock.now()), !!newDevice);
  return { AuthenticationResult: newDevice ? { ...result, NewDeviceMetadata: newDevice } : result };
}
