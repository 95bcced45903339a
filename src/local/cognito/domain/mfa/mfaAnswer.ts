/**
 * Answering a code challenge: SOFTWARE_TOKEN_MFA, SMS_MFA and EMAIL_OTP as second factors, EMAIL_OTP
 * and SMS_OTP as passwordless first factors. Each answer is counted before it is checked
 * (challengeCodes.ts: a few per Session, however many arrive at once); a wrong one is
 * CodeMismatchException and leaves the Session for another try; a right one takes the Session and
 * ends the sign-in (or, for a passwordless first factor, carries on as any first factor does).
 */
import { CodeMismatchException, InvalidParameterException, messages } from '../../errors';
import type { SignInResult, SignInScope } from '../authResult';
import { codeMatches, countAnswer } from '../challengeCodes';
import { afterFirstFactor, finishSignIn } from '../nextStep';
import { Parked, progressOf, takeChallenge } from '../parkedChallenge';
import { totpAccepted } from './totpCheck';

const CODE_FIELDS: Record<string, string> = {
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
  SMS_MFA: 'SMS_MFA_CODE',
  EMAIL_OTP: 'EMAIL_OTP_CODE',
  SMS_OTP: 'SMS_OTP_CODE',
};

export async function answerCode(scope: SignInScope, parked: Parked, responses: Record<string, string>): Promise<SignInResult> {
  const { s, pool } = scope;
  const { record, account } = parked;
  const field = CODE_FIELDS[record.challengeName];
  const given = responses[field];
  if (!given) throw new InvalidParameterException(`Missing required parameter ${field}`);
  await countAnswer(s, pool, record);
  const user = account.user;
  const matched =
    record.challengeName === 'SOFTWARE_TOKEN_MFA' ? !!user && (await totpAccepted(s, pool, user, user.totpSecret, given)) : codeMatches(pool, record, given);
  if (!matched || !user) throw new CodeMismatchException(messages.mfaCodeMismatch);
  await takeChallenge(s, record);
  const progress = progressOf(record);
  if (progress.flow === 'passwordless') return afterFirstFactor(scope, user, progress);
  return finishSignIn(scope, user, progress.deviceKey, 'TokenGeneration_Authentication');
}
