/**
 * Setting up TOTP: AssociateSoftwareToken makes a secret (shown once, as SecretCode), and
 * VerifySoftwareToken, given a code from the authenticator app, makes it the user's. Both work with
 * an access token (a signed-in user adding TOTP, then turning it on with SetUserMFAPreference) or
 * with the Session of an MFA_SETUP challenge (a sign-in that the pool requires MFA for); in the
 * second case each call answers a new Session, and RespondToAuthChallenge MFA_SETUP then turns
 * TOTP on, prefers it, and ends the sign-in.
 *
 * The secret is sealed (secretBox.ts) wherever it is kept: on the user while it is being set up
 * with an access token, in the challenge record during MFA_SETUP, and on the user once verified.
 * Verifying claims the code's time step, so the code that set TOTP up cannot sign in again.
 */
import { EnableSoftwareTokenMFAException, InvalidParameterException, SoftwareTokenMFANotFoundException, messages } from '../../errors';
import type { EngineServices } from '../../services';
import type { SignInResult, SignInScope } from '../authResult';
import { startChallenge } from '../authResult';
import { countAnswer } from '../challengeCodes';
import type { ChallengeRecord, PoolRecord, UserRecord } from '../model';
import { finishSignIn } from '../nextStep';
import { accountOf, findChallenge, Parked, progressOf, sessionExpired, takeChallenge, userOf } from '../parkedChallenge';
import { offeredFactors } from './poolMfa';
import { newTotpSecret } from './totp';
import { totpAccepted } from './totpCheck';

function assertPoolOffersTotp(pool: PoolRecord): void {
  if (!offeredFactors(pool).includes('SOFTWARE_TOKEN_MFA')) throw new SoftwareTokenMFANotFoundException('Software token MFA is not enabled for this user pool.');
}

/** AssociateSoftwareToken with an access token: a new secret, pending on the user until verified. */
export async function associateForUser(s: EngineServices, pool: PoolRecord, user: UserRecord): Promise<{ SecretCode: string }> {
  assertPoolOffersTotp(pool);
  const secret = newTotpSecret();
  await s.users.update(pool.poolId, user.usernameKey, { set: { totpPending: s.secrets.seal(pool, user.sub, secret), modifiedAt: s.clock.now() } });
  return { SecretCode: secret };
}

/** VerifySoftwareToken with an access token: the pending secret becomes the user's verified one. */
export async function verifyForUser(s: EngineServices, pool: PoolRecord, user: UserRecord, code: string): Promise<{ Status: 'SUCCESS' }> {
  if (!user.totpPending) throw new EnableSoftwareTokenMFAException('No software token is being set up: call AssociateSoftwareToken first.');
  if (!(await totpAccepted(s, pool, user, user.totpPending, code))) throw new EnableSoftwareTokenMFAException(messages.totpCodeMismatch);
  await s.users.update(pool.poolId, user.usernameKey, { set: { totpSecret: user.totpPending, modifiedAt: s.clock.now() }, remove: ['totpPending'] });
  return { Status: 'SUCCESS' };
}

/** The MFA_SETUP sign-in a Session names, with its pool, client and user. */
async function setupSession(s: EngineServices, sessionToken: string): Promise<{ scope: Omit<SignInScope, 'caller'>; record: ChallengeRecord; user: UserRecord }> {
  const record = await findChallenge(s, sessionToken, { challengeName: 'MFA_SETUP' });
  const pool = await s.pools.getPool(record.poolId);
  const client = await s.pools.getClient(record.clientId);
  if (!pool || !client) throw sessionExpired();
  const { user } = await accountOf(s, record);
  if (!user) throw sessionExpired();
  return { scope: { s, pool, client }, record, user };
}

/** Parks the sign-in at a fresh MFA_SETUP, with what the last step learnt. */
function nextSetup(scope: Omit<SignInScope, 'caller'>, user: UserRecord, record: ChallengeRecord, state: Pick<ChallengeRecord, 'totpPending' | 'totpVerified'>) {
  return startChallenge(scope.s, scope.pool, scope.client, { user }, 'MFA_SETUP', {}, { ...progressOf(record), ...state });
}

/** AssociateSoftwareToken with an MFA_SETUP Session. */
export async function associateForSession(s: EngineServices, sessionToken: string): Promise<{ SecretCode: string; Session: string }> {
  const { scope, record, user } = await setupSession(s, sessionToken);
  assertPoolOffersTotp(scope.pool);
  await takeChallenge(s, record);
  const secret = newTotpSecret();
  const next = await nextSetup(scope, user, record, { totpPending: s.secrets.seal(scope.pool, user.sub, secret) });
  return { SecretCode: secret, Session: next.Session };
}

/** VerifySoftwareToken with an MFA_SETUP Session: a few tries per Session, as for any code. */
export async function verifyForSession(s: EngineServices, sessionToken: string, code: string): Promise<{ Status: 'SUCCESS'; Session: string }> {
  const { scope, record, user } = await setupSession(s, sessionToken);
  if (!record.totpPending) throw new EnableSoftwareTokenMFAException('No software token is being set up: call AssociateSoftwareToken first.');
  await countAnswer(s, scope.pool, record);
  if (!(await totpAccepted(s, scope.pool, user, record.totpPending, code))) throw new EnableSoftwareTokenMFAException(messages.totpCodeMismatch);
  await takeChallenge(s, record);
  await s.users.update(scope.pool.poolId, user.usernameKey, { set: { totpSecret: record.totpPending, modifiedAt: s.clock.now() }, remove: ['totpPending'] });
  const next = await nextSetup(scope, user, record, { totpVerified: true });
  return { Status: 'SUCCESS', Session: next.Session };
}

/** RespondToAuthChallenge MFA_SETUP, once VerifySoftwareToken accepted a code: TOTP on and preferred, then tokens. */
export async function answerMfaSetup(scope: SignInScope, parked: Parked): Promise<SignInResult> {
  const { s, pool } = scope;
  const user = userOf(parked);
  if (!parked.record.totpVerified) throw new InvalidParameterException('Set up a software token first: AssociateSoftwareToken, then VerifySoftwareToken, with this Session.');
  await takeChallenge(s, parked.record);
  const enabled = [...new Set([...(user.mfaEnabled ?? []), 'SOFTWARE_TOKEN_MFA' as const])];
  const updated = await s.users.update(pool.poolId, user.usernameKey, { set: { mfaEnabled: enabled, mfaPreferred: 'SOFTWARE_TOKEN_MFA', modifiedAt: s.clock.now() } });
  if (!updated) throw sessionExpired();
  return finishSignIn(scope, updated, parked.record.deviceKey, 'TokenGeneration_Authentication');
}
