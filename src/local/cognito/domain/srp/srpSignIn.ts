/**
 * USER_SRP_AUTH: InitiateAuth with SRP_A answers PASSWORD_VERIFIER (the salt, SRP_B and a
 * SECRET_BLOCK); the answer's PASSWORD_CLAIM_SIGNATURE proves the password. USER_AUTH's
 * PASSWORD_SRP and CUSTOM_AUTH's PASSWORD_VERIFIER use the same two steps.
 *
 * Existence: a name no user has, and a user with no verifier yet, get a simulated salt and
 * verifier (srp/verifier.ts) and a fresh SRP_B like anyone's, then the wrong-password answer.
 * The lockout counts the proof exactly as it counts a typed password, on the user or on the
 * name's ghost, with the same reads and writes (the ghost read stands for the user read, the
 * refused history write for the real one), so neither the answers, nor their order, nor the work
 * says who exists. A fixed SRP_B per unknown name would: a real user's changes on every request.
 */
import { InvalidParameterException, NotAuthorizedException, messages } from '../../errors';
import type { ChallengeResult, ChallengeState, SignInResult, SignInScope } from '../authResult';
import { startChallenge } from '../authResult';
import { secretsEqual } from '../constantTime';
import { continueCustomAuth } from '../customAuth';
import { presentedDevice } from '../devices/deviceKeys';
import { Account, findUser, revealMissingUserIfLegacy } from '../lookup';
import type { PoolRecord } from '../model';
import { afterFirstFactor } from '../nextStep';
import { Parked, progressOf, sessionExpired, takeChallenge } from '../parkedChallenge';
import { attemptThroughLockout } from '../passwordCheck';
import { assertSecretHash } from '../secretHash';
import { recordedAttempt } from '../signInHistory';
import { preAuthentication } from '../triggers/preAuthentication';
import { parseClientValue, proofMatches, secretBlockFor, startExchange } from './exchange';
import { assertFreshTimestamp } from './timestamp';
import { poolNameOf, simulatedSub, simulatedVerifier, Verifier } from './verifier';

/** SRP_A, or InvalidParameterException. */
export function clientValue(srpA: string | undefined): bigint {
  const A = srpA === undefined ? undefined : parseClientValue(srpA);
  if (A === undefined) throw new InvalidParameterException(srpA === undefined ? 'Missing required parameter SRP_A' : 'SRP_A is not a valid SRP value.');
  return A;
}

/**
 * USER_ID_FOR_SRP, which every challenge names: the username, or for a name no user has a stand-in
 * of the same shape (in a pool that signs in with email or phone, a username is a sub: so is it).
 */
export function userIdForSrp(pool: PoolRecord, account: Account, identifier: string): string {
  if (account.user) return account.user.username;
  // Derived from the ghost (an HMAC of the normalised name), so every spelling and step agrees.
  return pool.settings.UsernameAttributes.length ? simulatedSub(pool.pepper, account.ghost.partition) : identifier;
}

/** The verifier B is made with: the user's own, or a stand-in (see the header). */
function verifierOf(pool: PoolRecord, account: Account): Verifier {
  const { user } = account;
  if (user?.srpSalt && user.srpVerifier) return { salt: user.srpSalt, verifier: user.srpVerifier };
  return simulatedVerifier(pool.pepper, user ? `user:${user.usernameKey}` : account.ghost.partition);
}

/** Parks a sign-in at PASSWORD_VERIFIER for the client's A. */
export async function startPasswordVerifier(scope: SignInScope, account: Account, identifier: string, A: bigint, state: ChallengeState): Promise<ChallengeResult> {
  const { s, pool, client } = scope;
  const verifier = verifierOf(pool, account);
  const userId = userIdForSrp(pool, account, identifier);
  const exchange = startExchange(A, verifier.verifier);
  const parameters = (challengeId: string) => ({
    SALT: verifier.salt,
    SRP_B: exchange.B,
    SECRET_BLOCK: secretBlockFor(pool.pepper, challengeId).toString('base64'),
    USERNAME: userId,
  });
  return startChallenge(s, pool, client, account, 'PASSWORD_VERIFIER', parameters, { ...state, srp: exchange }, userId);
}

export interface SrpSignIn {
  identifier: string;
  srpA: string | undefined;
  secretHash?: string;
  deviceKey?: string;
}

/** InitiateAuth USER_SRP_AUTH (and USER_AUTH's PASSWORD_SRP): PreAuthentication, then PASSWORD_VERIFIER. */
export async function srpSignIn(scope: SignInScope, request: SrpSignIn): Promise<SignInResult> {
  assertSecretHash(scope.client, request.identifier, request.secretHash);
  const A = clientValue(request.srpA);
  return srpSignInAs(scope, await findUser(scope.s, scope.pool, request.identifier), request, A);
}

/** The same, for an account already looked up (USER_AUTH's PASSWORD_SRP). */
export async function srpSignInAs(scope: SignInScope, account: Account, request: SrpSignIn, A = clientValue(request.srpA)): Promise<SignInResult> {
  const { s, pool, client, caller } = scope;
  if (!account.user) revealMissingUserIfLegacy(client);
  await preAuthentication(s, pool, caller, account.user ? { user: account.user } : { unknownName: request.identifier });
  const device = await presentedDevice(s, pool, account, request.deviceKey);
  return startPasswordVerifier(scope, account, request.identifier, A, { deviceKey: device?.deviceKey, flow: 'password' });
}

/**
 * The PASSWORD_VERIFIER answer. A device key it presents is checked before the Session is spent
 * (the Cognito clients answer a missing device by retrying the same Session without it); then the
 * Session is taken, and the proof checked through the lockout.
 */
export async function answerPasswordVerifier(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool, caller } = scope;
  const { record, account } = parked;
  assertFreshTimestamp(responses.TIMESTAMP, s.clock.now());
  const device = await presentedDevice(s, pool, account, responses.DEVICE_KEY ?? record.deviceKey);
  await takeChallenge(s, record);
  if (!record.srp) throw sessionExpired();
  const exchange = record.srp;
  const block = secretBlockFor(pool.pepper, record.challengeId);
  const blockMatches = secretsEqual(block.toString('base64'), responses.PASSWORD_CLAIM_SECRET_BLOCK ?? '');
  const userId = account.user?.username ?? responses.USERNAME ?? '';
  const holder = account.user ? s.lockout.ofUser(account.user) : s.lockout.ofGhost(account.ghost);
  const progress = progressOf(record);
  return recordedAttempt(s, pool, caller, account.user, async (notes) => {
    const matched = await attemptThroughLockout(s, holder, () =>
      proofMatches(exchange, poolNameOf(pool.poolId), userId, block, responses.TIMESTAMP, responses.PASSWORD_CLAIM_SIGNATURE ?? '') && blockMatches,
    );
    if (account.user) notes.passwordMatched = matched;
    if (progress.flow === 'custom') {
      return continueCustomAuth(scope, account, record, { challengeName: 'PASSWORD_VERIFIER', challengeResult: matched }, responses.USERNAME ?? '');
    }
    if (!matched || !account.user) throw new NotAuthorizedException(messages.badCredentials);
    return afterFirstFactor(scope, account.user, { ...progress, deviceKey: device?.deviceKey });
  });
}
