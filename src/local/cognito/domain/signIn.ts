/**
 * Password sign-in, shared by InitiateAuth (USER_PASSWORD_AUTH) and AdminInitiateAuth
 * (ADMIN_USER_PASSWORD_AUTH), with its triggers in Cognito's order: PreAuthentication, the
 * password, then (for tokens) PreTokenGeneration and PostAuthentication. A name the pool does not
 * know may first be migrated by UserMigration.
 *
 * Unknown names, wrong passwords and locked accounts all take the same path through the lockout,
 * the hasher and the sign-in history, and end in the same NotAuthorizedException, so neither the
 * answer, nor the store work, nor its timing says whether the user exists.
 */
import { NotAuthorizedException, PasswordResetRequiredException, UserNotConfirmedException, messages } from '../errors';
import type { EngineServices } from '../services';
import { attributeList, missingRequired } from './attributes';
import { AuthenticationResult, ChallengeResult, startChallenge, startSession } from './authResult';
import type { Caller } from './caller';
import type { LockoutHolder } from './lockout';
import { findUser, revealMissingUserIfLegacy } from './lookup';
import type { ClientRecord, Ghost, PoolRecord, UserRecord } from './model';
import { assertSecretHash } from './secretHash';
import { AttemptNotes, recordedAttempt } from './signInHistory';
import { postAuthentication } from './triggers/postAuthentication';
import { preAuthentication } from './triggers/preAuthentication';
import type { TokenGenerationSource } from './triggers/preTokenGeneration';
import { canMigrate, migrateUser } from './triggers/userMigration';

export type SignInResult = { AuthenticationResult: AuthenticationResult } | ChallengeResult;

export async function passwordSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  identifier: string,
  password: string,
  secretHash: string | undefined,
  caller: Caller,
): Promise<SignInResult> {
  assertSecretHash(client, identifier, secretHash);
  const { user, ghost } = await findUser(s, pool, identifier);
  if (user) return knownUserSignIn(s, pool, client, user, password, caller);
  return recordedAttempt(s, pool, caller, undefined, () => unknownNameSignIn(s, pool, client, identifier, ghost, password, caller));
}

function knownUserSignIn(s: EngineServices, pool: PoolRecord, client: ClientRecord, user: UserRecord, password: string, caller: Caller): Promise<SignInResult> {
  return recordedAttempt(s, pool, caller, user, async (notes) => {
    await preAuthentication(s, pool, caller, { user });
    await checkPassword(s, user, password, notes);
    return afterPassword(s, pool, client, user, caller);
  });
}

/**
 * A name no user has: counted and locked on its ghost, and checked against a hash that never
 * matches. With a UserMigration trigger the legacy directory is asked instead, under the same
 * lockout (a locked name is refused without asking it), and a user it vouches for signs in.
 */
async function unknownNameSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  identifier: string,
  ghost: Ghost,
  password: string,
  caller: Caller,
): Promise<SignInResult> {
  const lockout = s.lockout.ofGhost(ghost);
  if (!canMigrate(pool)) {
    revealMissingUserIfLegacy(client);
    await preAuthentication(s, pool, caller, { unknownName: identifier });
    await attemptThroughLockout(s, lockout, () => s.hasher.verifyDecoy(password));
    throw new NotAuthorizedException(messages.badCredentials);
  }
  let migrated: UserRecord | undefined;
  await attemptThroughLockout(s, lockout, async () => {
    migrated = await migrateUser(s, pool, caller, 'UserMigration_Authentication', identifier, password);
    return migrated ? true : s.hasher.verifyDecoy(password);
  });
  if (migrated) return knownUserSignIn(s, pool, client, migrated, password, caller);
  revealMissingUserIfLegacy(client);
  await preAuthentication(s, pool, caller, { unknownName: identifier });
  throw new NotAuthorizedException(messages.badCredentials);
}

/** Verifies a user's password through the lockout; throws NotAuthorized when locked or wrong. */
export async function checkPassword(s: EngineServices, user: UserRecord, password: string, notes: AttemptNotes = {}): Promise<void> {
  notes.passwordMatched = await attemptThroughLockout(s, s.lockout.ofUser(user), () => s.hasher.verify(user.passwordHash, password));
  if (!notes.passwordMatched) throw new NotAuthorizedException(messages.badCredentials);
}

/**
 * One password attempt under the lockout: reserved first (a locked name is refused without
 * hashing), then verified, then recorded as a success or a failure. Returns whether it matched.
 */
async function attemptThroughLockout(s: EngineServices, holder: LockoutHolder, verify: () => Promise<boolean>): Promise<boolean> {
  const now = s.clock.now();
  const attempt = await s.lockout.reserve(holder, now);
  if (attempt === undefined) throw new NotAuthorizedException(messages.attemptsExceeded);
  const matched = await verify();
  if (matched) await s.lockout.succeeded(holder);
  else await s.lockout.failed(holder, attempt, now);
  return matched;
}

/** What a correct password leads to, given the user's state. */
async function afterPassword(s: EngineServices, pool: PoolRecord, client: ClientRecord, user: UserRecord, caller: Caller): Promise<SignInResult> {
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  switch (user.status) {
    case 'UNCONFIRMED':
      throw new UserNotConfirmedException(messages.userNotConfirmed);
    case 'RESET_REQUIRED':
      throw new PasswordResetRequiredException(messages.resetRequired);
    case 'FORCE_CHANGE_PASSWORD': {
      if ((user.temporaryPasswordExpiresAt ?? Infinity) <= s.clock.now()) {
        throw new NotAuthorizedException(messages.tempPasswordExpired);
      }
      const visible = Object.fromEntries(
        attributeList(user)
          .filter((a) => a.Name !== 'sub' && !a.Name.endsWith('_verified'))
          .map((a) => [a.Name, a.Value]),
      );
      return startChallenge(s, pool, client, user, 'NEW_PASSWORD_REQUIRED', {
        userAttributes: JSON.stringify(visible),
        requiredAttributes: JSON.stringify(missingRequired(pool, user)),
      });
    }
    default:
      return completeSignIn(s, pool, client, user, caller, 'TokenGeneration_Authentication');
  }
}

/** A sign-in that succeeded: a new session and its tokens, then PostAuthentication (whose failure ends the session). */
export async function completeSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  caller: Caller,
  source: TokenGenerationSource,
): Promise<SignInResult> {
  const { result, session } = await startSession(s, pool, client, user, { source, caller });
  await postAuthentication(s, pool, caller, user, () => s.sessions.revoke(pool.poolId, session.sessionId, s.clock.now()));
  return { AuthenticationResult: result };
}
