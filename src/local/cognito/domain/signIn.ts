/** The sign-in flows shared by InitiateAuth and AdminInitiateAuth, and by the challenge responses. */
import {
  InvalidParameterException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  UserNotConfirmedException,
  messages,
} from '../errors';
import type { EngineServices } from '../services';
import { changeAttributes } from './attributeChanges';
import { assertClientMayWrite, attributeList, missingRequired, validateAttributes } from './attributes';
import {
  AuthenticationResult,
  ChallengeResult,
  parseChallengeSession,
  parseRefreshToken,
  refreshSecretMatches,
  signTokens,
  startChallenge,
  startSession,
} from './authResult';
import type { LockoutHolder } from './lockout';
import { findUser, revealMissingUserIfLegacy, sessionIsLive } from './lookup';
import type { ClientRecord, PoolRecord, UserRecord } from './model';
import { assertPasswordMeetsPolicy } from './passwordPolicy';
import { assertSecretHash } from './secretHash';

export type SignInResult = { AuthenticationResult: AuthenticationResult } | ChallengeResult;

/**
 * USERNAME + PASSWORD. Unknown names, wrong passwords and locked accounts all take the same
 * path through the lockout and the hasher and end in the same NotAuthorizedException, so neither
 * the answer nor its timing says whether the user exists.
 */
export async function passwordSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  identifier: string,
  password: string,
  secretHash: string | undefined,
): Promise<SignInResult> {
  assertSecretHash(client, identifier, secretHash);
  const { user, ghost } = await findUser(s, pool, identifier);
  if (!user) {
    revealMissingUserIfLegacy(client);
    // Counted and locked on the name's ghost, and checked against a hash that never matches.
    await attemptThroughLockout(s, s.lockout.ofGhost(ghost), () => s.hasher.verifyDecoy(password));
    throw new NotAuthorizedException(messages.badCredentials);
  }
  await checkPassword(s, user, password);
  return afterPassword(s, pool, client, user);
}

/** Verifies a user's password through the lockout; throws NotAuthorized when locked or wrong. */
export async function checkPassword(s: EngineServices, user: UserRecord, password: string): Promise<void> {
  if (!(await attemptThroughLockout(s, s.lockout.ofUser(user), () => s.hasher.verify(user.passwordHash, password)))) {
    throw new NotAuthorizedException(messages.badCredentials);
  }
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
async function afterPassword(s: EngineServices, pool: PoolRecord, client: ClientRecord, user: UserRecord): Promise<SignInResult> {
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
      return { AuthenticationResult: await startSession(s, pool, client, user) };
  }
}

/** REFRESH_TOKEN: new ID and access tokens for a live session; no new refresh token. */
export async function refreshSignIn(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  refreshToken: string,
  secretHash: string | undefined,
): Promise<SignInResult> {
  const parsed = parseRefreshToken(refreshToken);
  const session = parsed ? await s.sessions.get(pool.poolId, parsed.sessionId) : undefined;
  if (!parsed || !session || session.clientId !== client.clientId || !refreshSecretMatches(session, parsed.secret)) {
    throw new NotAuthorizedException(messages.invalidRefreshToken);
  }
  const user = await s.users.get(pool.poolId, session.usernameKey);
  // A user of the same name created after a deletion is someone else.
  if (!user || user.sub !== session.sub) throw new NotAuthorizedException(messages.invalidRefreshToken);
  // Cognito hashes the sub here, since a refresh request carries no username.
  assertSecretHash(client, user.sub, secretHash);
  if (!sessionIsLive(session, user, s.clock.now())) {
    throw new NotAuthorizedException(session.revokedAt || session.createdAt <= user.signedOutAt ? messages.refreshTokenRevoked : messages.invalidRefreshToken);
  }
  if (!user.enabled) throw new NotAuthorizedException(messages.userDisabled);
  return { AuthenticationResult: await signTokens(s, pool, client, user, session) };
}

/** Answers a parked challenge. The Session is checked, then consumed once the answer is valid. */
export async function respondToChallenge(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  challengeName: string,
  sessionToken: string,
  responses: Record<string, string>,
): Promise<SignInResult> {
  const ref = parseChallengeSession(sessionToken);
  const challenge = ref && ref.poolId === pool.poolId ? await s.sessions.getChallenge(pool.poolId, ref.challengeId) : undefined;
  if (!challenge || challenge.clientId !== client.clientId || challenge.expiresAt <= s.clock.now()) {
    throw new NotAuthorizedException(messages.sessionExpired);
  }
  if (challenge.challengeName !== challengeName) {
    throw new InvalidParameterException(`Invalid challenge name: expected ${challenge.challengeName}`);
  }
  const user = await s.users.get(pool.poolId, challenge.usernameKey);
  if (!user) throw new NotAuthorizedException(messages.sessionExpired);
  assertSecretHash(client, responses.USERNAME ?? user.username, responses.SECRET_HASH);
  if (challengeName !== 'NEW_PASSWORD_REQUIRED') {
    throw new InvalidParameterException(`Unsupported challenge: ${challengeName}`);
  }
  return completeNewPassword(s, pool, client, user, ref!.challengeId, responses);
}

async function completeNewPassword(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  challengeId: string,
  responses: Record<string, string>,
): Promise<SignInResult> {
  const newPassword = responses.NEW_PASSWORD;
  if (!newPassword) throw new InvalidParameterException('Missing required parameter NEW_PASSWORD');
  assertPasswordMeetsPolicy(newPassword, pool.settings.PasswordPolicy);
  const provided = Object.entries(responses)
    .filter(([k]) => k.startsWith('userAttributes.'))
    .map(([k, v]) => ({ Name: k.slice('userAttributes.'.length), Value: v }));
  const attributes = validateAttributes(pool, provided, 'update');
  assertClientMayWrite(client, Object.keys(attributes));
  const merged = { ...user, attributes: { ...user.attributes, ...attributes } };
  const missing = missingRequired(pool, merged);
  if (missing.length) throw new InvalidParameterException(`Missing required attributes: ${missing.join(', ')}`);
  const passwordHash = await s.hasher.hash(newPassword);
  // Like UpdateUserAttributes: a new email or phone is claimed (so stays unique) and unverified.
  // Done first, so an address that is taken fails the answer and leaves the session usable.
  if (Object.keys(attributes).length) await changeAttributes(s, pool, user, attributes);
  if (!(await s.sessions.takeChallenge(pool.poolId, challengeId))) throw new NotAuthorizedException(messages.sessionExpired);
  const updated = await s.users.update(pool.poolId, user.usernameKey, {
    set: { passwordHash, status: 'CONFIRMED', modifiedAt: s.clock.now() },
    remove: ['temporaryPasswordExpiresAt'],
    expect: { status: 'FORCE_CHANGE_PASSWORD' },
  });
  if (!updated) throw new NotAuthorizedException(messages.sessionExpired);
  return { AuthenticationResult: await startSession(s, pool, client, updated) };
}
