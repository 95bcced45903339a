/**
 * Password sign-in, shared by InitiateAuth (USER_PASSWORD_AUTH), AdminInitiateAuth
 * (ADMIN_USER_PASSWORD_AUTH) and USER_AUTH's PASSWORD, with its triggers in Cognito's order:
 * PreAuthentication, the password, then what follows a first factor (nextStep.ts). A name the pool
 * does not know may first be migrated by UserMigration.
 *
 * Unknown names, wrong passwords and locked accounts all take the same path through the lockout,
 * the hasher and the sign-in history, and end in the same NotAuthorizedException, so neither the
 * answer, nor the store work, nor its timing says whether the user exists.
 *
 * A user whose password predates SRP gets its SRP verifier here, from the password just checked,
 * so that USER_SRP_AUTH works for them from then on (srp/verifier.ts).
 */
import { NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import type { SignInResult, SignInScope } from './authResult';
import { lacksVerifier, storedPassword } from './credentials';
import { presentedDevice } from './devices/deviceKeys';
import { Account, findUser, revealMissingUserIfLegacy } from './lookup';
import type { Ghost, UserRecord } from './model';
import { afterFirstFactor } from './nextStep';
import { attemptThroughLockout, checkPassword } from './passwordCheck';
import { assertSecretHash } from './secretHash';
import { recordedAttempt } from './signInHistory';
import { preAuthentication } from './triggers/preAuthentication';
import { canMigrate, migrateUser } from './triggers/userMigration';

export type { SignInResult } from './authResult';

export interface PasswordSignIn {
  identifier: string;
  password: string;
  secretHash?: string;
  /** DEVICE_KEY: a device the user confirmed before. */
  deviceKey?: string;
}

export async function passwordSignIn(scope: SignInScope, request: PasswordSignIn): Promise<SignInResult> {
  assertSecretHash(scope.client, request.identifier, request.secretHash);
  return passwordSignInAs(scope, await findUser(scope.s, scope.pool, request.identifier), request);
}

/** The same, for an account already looked up (USER_AUTH's PASSWORD). */
export function passwordSignInAs(scope: SignInScope, account: Account, request: PasswordSignIn): Promise<SignInResult> {
  if (account.user) return knownUserSignIn(scope, account.user, request);
  const { ghost } = account;
  return recordedAttempt(scope.s, scope.pool, scope.caller, undefined, () => unknownNameSignIn(scope, ghost, request));
}

function knownUserSignIn(scope: SignInScope, user: UserRecord, request: PasswordSignIn): Promise<SignInResult> {
  const { s, pool, caller } = scope;
  return recordedAttempt(s, pool, caller, user, async (notes) => {
    await preAuthentication(s, pool, caller, { user });
    const device = await presentedDevice(s, pool, { user }, request.deviceKey);
    await checkPassword(s, user, request.password, notes);
    const current = lacksVerifier(user) ? await addVerifier(s, user, request.password) : user;
    return afterFirstFactor(scope, current, { deviceKey: device?.deviceKey, flow: 'password' });
  });
}

/** Stores the verifier of a password that was just checked (guarded on the hash, so a racing change wins). */
async function addVerifier(s: EngineServices, user: UserRecord, password: string): Promise<UserRecord> {
  const { srpSalt, srpVerifier } = await storedPassword(s, user.poolId, user.username, password);
  const updated = await s.users.update(user.poolId, user.usernameKey, { set: { srpSalt, srpVerifier }, expect: { passwordHash: user.passwordHash } });
  return updated ?? user;
}

/**
 * A name no user has: counted and locked on its ghost, and checked against a hash that never
 * matches. With a UserMigration trigger the legacy directory is asked instead, under the same
 * lockout (a locked name is refused without asking it), and a user it vouches for signs in.
 */
async function unknownNameSignIn(scope: SignInScope, ghost: Ghost, request: PasswordSignIn): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  const { identifier, password } = request;
  const lockout = s.lockout.ofGhost(ghost);
  if (!canMigrate(pool)) {
    revealMissingUserIfLegacy(client);
    await preAuthentication(s, pool, caller, { unknownName: identifier });
    await presentedDevice(s, pool, { ghost }, request.deviceKey);
    await attemptThroughLockout(s, lockout, () => s.hasher.verifyDecoy(password));
    throw new NotAuthorizedException(messages.badCredentials);
  }
  let migrated: UserRecord | undefined;
  await attemptThroughLockout(s, lockout, async () => {
    migrated = await migrateUser(s, pool, caller, 'UserMigration_Authentication', identifier, password);
    return migrated ? true : s.hasher.verifyDecoy(password);
  });
  if (migrated) return knownUserSignIn(scope, migrated, request);
  revealMissingUserIfLegacy(client);
  await preAuthentication(s, pool, caller, { unknownName: identifier });
  throw new NotAuthorizedException(messages.badCredentials);
}
