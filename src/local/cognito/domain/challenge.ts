/**
 * Answering a parked challenge (RespondToAuthChallenge, AdminRespondToAuthChallenge). The only
 * challenge so far is NEW_PASSWORD_REQUIRED, whose answer signs the user in through
 * PreTokenGeneration (TokenGeneration_NewPasswordChallenge) and PostAuthentication.
 */
import { InvalidParameterException, NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import { changeAttributes } from './attributeChanges';
import { assertClientMayWrite, missingRequired, validateAttributes } from './attributes';
import { parseChallengeSession } from './authResult';
import type { Caller } from './caller';
import type { ClientRecord, PoolRecord, UserRecord } from './model';
import { assertPasswordMeetsPolicy } from './passwordPolicy';
import { assertSecretHash } from './secretHash';
import { completeSignIn, SignInResult } from './signIn';

/** Answers a parked challenge. The Session is checked, then consumed once the answer is valid. */
export async function respondToChallenge(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  challengeName: string,
  sessionToken: string,
  responses: Record<string, string>,
  caller: Caller,
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
  return completeNewPassword(s, pool, client, user, ref!.challengeId, responses, caller);
}

async function completeNewPassword(
  s: EngineServices,
  pool: PoolRecord,
  client: ClientRecord,
  user: UserRecord,
  challengeId: string,
  responses: Record<string, string>,
  caller: Caller,
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
  // PostConfirmation does not fire here, as in Cognito: the user was confirmed by an admin.
  return completeSignIn(s, pool, client, updated, caller, 'TokenGeneration_NewPasswordChallenge');
}
