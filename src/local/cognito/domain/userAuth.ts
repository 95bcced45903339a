/**
 * USER_AUTH, choice-based sign-in: the client names the user, and either a PREFERRED_CHALLENGE
 * (with its answer when it has one: PASSWORD, or SRP_A for PASSWORD_SRP) or nothing, in which case
 * the answer is SELECT_CHALLENGE with AvailableChallenges, and RespondToAuthChallenge
 * SELECT_CHALLENGE names the ANSWER. The factors are the pool's AllowedFirstAuthFactors: PASSWORD
 * (typed, or PASSWORD_SRP), and the passwordless EMAIL_OTP and SMS_OTP (WEB_AUTHN is not offered:
 * the engine has no passkeys).
 *
 * A passwordless code is a code sent (the send budget applies, as for any code a user can make the
 * pool send), whose right answer signs in; it skips MFA, having proven possession already.
 *
 * Existence: AvailableChallenges are the pool's, for everyone; a name no user has, or a user
 * without a verified address of that kind, gets the same code challenge with nothing sent.
 */
import { InvalidParameterException } from '../errors';
import type { SignInResult, SignInScope } from './authResult';
import { startChallenge } from './authResult';
import { addressOf, CodeMedium, sendChallengeCode, unsentChallengeCode } from './challengeCodes';
import { presentedDevice } from './devices/deviceKeys';
import { Account, findUser, revealMissingUserIfLegacy } from './lookup';
import type { PoolRecord } from './model';
import { Parked, takeChallenge } from './parkedChallenge';
import { assertSecretHash } from './secretHash';
import { passwordSignInAs } from './signIn';
import { srpSignInAs, userIdForSrp } from './srp/srpSignIn';
import { preAuthentication } from './triggers/preAuthentication';

export interface UserAuthRequest {
  identifier: string;
  preferred?: string;
  password?: string;
  srpA?: string;
  secretHash?: string;
  deviceKey?: string;
}

/** The challenges SELECT_CHALLENGE offers, from the pool's first factors. */
export function availableChallenges(pool: PoolRecord): string[] {
  const factors = pool.settings.AllowedFirstAuthFactors ?? ['PASSWORD'];
  return [...(factors.includes('PASSWORD') ? ['PASSWORD', 'PASSWORD_SRP'] : []), ...factors.filter((f) => f === 'EMAIL_OTP' || f === 'SMS_OTP')];
}

/** A passwordless first factor: a code to the user's verified address, or a challenge nothing was sent for. */
async function passwordlessChallenge(scope: SignInScope, account: Account, identifier: string, medium: CodeMedium, deviceKey: string | undefined): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  const { user } = account;
  await preAuthentication(s, pool, caller, user ? { user } : { unknownName: identifier });
  const device = await presentedDevice(s, pool, account, deviceKey);
  await s.budgets.spend(user ?? account.ghost, 'send', `SIGN_IN_${medium}`);
  const attribute = medium === 'SMS' ? 'phone_number' : 'email';
  const reachable = user && addressOf(user, medium) && user.attributes[`${attribute}_verified`] === 'true';
  const { code, parameters } = reachable ? await sendChallengeCode(s, pool, user, medium, caller) : unsentChallengeCode(pool, identifier, medium);
  const challengeName = medium === 'SMS' ? 'SMS_OTP' : 'EMAIL_OTP';
  return startChallenge(s, pool, client, account, challengeName, parameters, { code, flow: 'passwordless', deviceKey: device?.deviceKey }, userIdForSrp(pool, account, identifier));
}

/** The chosen first factor, with its answer. */
function firstFactor(scope: SignInScope, account: Account, factor: string, request: UserAuthRequest): Promise<SignInResult> {
  switch (factor) {
    case 'PASSWORD':
      if (!request.password) throw new InvalidParameterException('Missing required parameter PASSWORD');
      return passwordSignInAs(scope, account, { identifier: request.identifier, password: request.password, deviceKey: request.deviceKey });
    case 'PASSWORD_SRP':
      return srpSignInAs(scope, account, { identifier: request.identifier, srpA: request.srpA, deviceKey: request.deviceKey });
    case 'EMAIL_OTP':
      return passwordlessChallenge(scope, account, request.identifier, 'EMAIL', request.deviceKey);
    default:
      return passwordlessChallenge(scope, account, request.identifier, 'SMS', request.deviceKey);
  }
}

export async function userAuthSignIn(scope: SignInScope, request: UserAuthRequest): Promise<SignInResult> {
  const { s, pool, client } = scope;
  assertSecretHash(client, request.identifier, request.secretHash);
  const available = availableChallenges(pool);
  const account = await findUser(s, pool, request.identifier);
  if (!account.user) revealMissingUserIfLegacy(client);
  // A preferred challenge the pool does not offer falls back to the choice, as in Cognito.
  if (request.preferred && available.includes(request.preferred)) return firstFactor(scope, account, request.preferred, request);
  const challenge = await startChallenge(
    s,
    pool,
    client,
    account,
    'SELECT_CHALLENGE',
    { USERNAME: userIdForSrp(pool, account, request.identifier) },
    { choices: available, deviceKey: request.deviceKey },
    userIdForSrp(pool, account, request.identifier),
  );
  return { ...challenge, AvailableChallenges: available };
}

/** SELECT_CHALLENGE's ANSWER, with what that factor needs (PASSWORD, or SRP_A). */
export async function answerSelectChallenge(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const answer = responses.ANSWER;
  if (!answer || !(parked.record.choices ?? []).includes(answer)) {
    throw new InvalidParameterException(`ANSWER must be one of ${(parked.record.choices ?? []).join(', ')}`);
  }
  await takeChallenge(scope.s, parked.record);
  const identifier = parked.account.user?.username ?? responses.USERNAME ?? '';
  return firstFactor(scope, parked.account, answer, {
    identifier,
    password: responses.PASSWORD,
    srpA: responses.SRP_A,
    deviceKey: responses.DEVICE_KEY ?? parked.record.deviceKey,
  });
}
