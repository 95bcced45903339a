/**
 * Whether a sign-in needs a second factor, and which challenge asks for it:
 *
 * - pool MFA OFF: none. OPTIONAL: the factors the user turned on, if any. ON: those, or else one
 *   the user can receive without setting anything up (a verified phone for SMS, a verified email
 *   for EMAIL_OTP, when the pool offers them), or else MFA_SETUP (a TOTP to set up);
 * - one factor (or a preferred one among several): its challenge, SOFTWARE_TOKEN_MFA, or SMS_MFA /
 *   EMAIL_OTP with a code sent (challengeCodes.ts); several and none preferred: SELECT_MFA_TYPE.
 */
import { InvalidParameterException, InvalidUserPoolConfigurationException } from '../../errors';
import type { ChallengeResult, SignInResult, SignInScope } from '../authResult';
import { startChallenge } from '../authResult';
import { sendChallengeCode } from '../challengeCodes';
import type { MfaType, UserRecord } from '../model';
import type { Progress } from '../nextStep';
import { Parked, progressOf, takeChallenge, userOf } from '../parkedChallenge';
import { mfaMode, offeredFactors } from './poolMfa';
import { enabledFactors } from './userMfa';

/** Factors a user of a pool that requires MFA has without setting one up. */
function automaticFactors(scope: SignInScope, user: UserRecord): MfaType[] {
  const offered = offeredFactors(scope.pool);
  return [
    ...(offered.includes('SMS_MFA') && user.attributes.phone_number_verified === 'true' ? (['SMS_MFA'] as const) : []),
    ...(offered.includes('EMAIL_OTP') && user.attributes.email_verified === 'true' ? (['EMAIL_OTP'] as const) : []),
  ];
}

/** The challenge of one factor. */
export async function factorChallenge(scope: SignInScope, user: UserRecord, factor: MfaType, progress: Progress): Promise<ChallengeResult> {
  const { s, pool, client, caller } = scope;
  if (factor === 'SOFTWARE_TOKEN_MFA') return startChallenge(s, pool, client, { user }, factor, {}, progress);
  const { code, parameters } = await sendChallengeCode(s, pool, user, factor === 'SMS_MFA' ? 'SMS' : 'EMAIL', caller);
  return startChallenge(s, pool, client, { user }, factor, parameters, { ...progress, code });
}

/** The MFA challenge this sign-in needs, or undefined when it needs none. */
export async function mfaChallenge(scope: SignInScope, user: UserRecord, progress: Progress): Promise<ChallengeResult | undefined> {
  const { s, pool, client } = scope;
  const mode = mfaMode(pool);
  if (mode === 'OFF') return undefined;
  let factors = enabledFactors(pool, user);
  if (factors.length === 0 && mode === 'OPTIONAL') return undefined;
  if (factors.length === 0) factors = automaticFactors(scope, user);
  if (factors.length === 0) {
    if (!offeredFactors(pool).includes('SOFTWARE_TOKEN_MFA')) {
      throw new InvalidUserPoolConfigurationException('The user pool requires MFA, and the user has no factor it offers.');
    }
    return startChallenge(s, pool, client, { user }, 'MFA_SETUP', { MFAS_CAN_SETUP: JSON.stringify(['SOFTWARE_TOKEN_MFA']) }, progress);
  }
  const preferred = user.mfaPreferred && factors.includes(user.mfaPreferred) ? user.mfaPreferred : undefined;
  if (factors.length > 1 && !preferred) {
    return startChallenge(s, pool, client, { user }, 'SELECT_MFA_TYPE', { MFAS_CAN_CHOOSE: JSON.stringify(factors) }, { ...progress, choices: factors });
  }
  return factorChallenge(scope, user, preferred ?? factors[0], progress);
}

/** SELECT_MFA_TYPE's ANSWER: one of the factors offered; its challenge follows. */
export async function answerSelectMfaType(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const user = userOf(parked);
  const answer = responses.ANSWER as MfaType | undefined;
  if (!answer || !(parked.record.choices ?? []).includes(answer)) {
    throw new InvalidParameterException(`ANSWER must be one of ${(parked.record.choices ?? []).join(', ')}`);
  }
  await takeChallenge(scope.s, parked.record);
  return factorChallenge(scope, user, answer, progressOf(parked.record));
}
