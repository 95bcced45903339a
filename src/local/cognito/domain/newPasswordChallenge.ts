/**
 * NEW_PASSWORD_REQUIRED: an admin-created user (or one given a temporary password) chooses a
 * password, and may fill in required attributes. The sign-in then carries on (a remembered device,
 * MFA, tokens through TokenGeneration_NewPasswordChallenge). PostConfirmation does not fire, as in
 * Cognito: the user was confirmed by an admin.
 */
import { InvalidParameterException, NotAuthorizedException, messages } from '../errors';
import { changeAttributes } from './attributeChanges';
import { assertClientMayWrite, missingRequired, validateAttributes } from './attributes';
import type { SignInResult, SignInScope } from './authResult';
import { storedPassword } from './credentials';
import { continueSignIn } from './nextStep';
import { Parked, progressOf, takeChallenge, userOf } from './parkedChallenge';
import { assertPasswordMeetsPolicy } from './passwordPolicy';

export async function answerNewPassword(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool, client } = scope;
  const user = userOf(parked);
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
  const password = await storedPassword(s, pool.poolId, user.username, newPassword);
  // Like UpdateUserAttributes: a new email or phone is claimed (so stays unique) and unverified.
  // Done first, so an address that is taken fails the answer and leaves the session usable.
  if (Object.keys(attributes).length) await changeAttributes(s, pool, user, attributes);
  await takeChallenge(s, parked.record);
  const updated = await s.users.update(pool.poolId, user.usernameKey, {
    set: { ...password, status: 'CONFIRMED', modifiedAt: s.clock.now() },
    remove: ['temporaryPasswordExpiresAt'],
    expect: { status: 'FORCE_CHANGE_PASSWORD' },
  });
  if (!updated) throw new NotAuthorizedException(messages.sessionExpired);
  return continueSignIn(scope, updated, progressOf(parked.record), 'TokenGeneration_NewPasswordChallenge');
}
