/**
 * The one-time codes of sign-in challenges: SMS_MFA and EMAIL_OTP as second factors, EMAIL_OTP and
 * SMS_OTP as passwordless first factors. A code is six digits, lives as long as its challenge
 * (the client's AuthSessionValidity), is stored only as a salted HMAC with the pool's pepper in
 * the challenge record, and allows CHALLENGE_CODE_ATTEMPTS answers, counted before each is checked.
 *
 * Its text goes through the CustomMessage trigger (CustomMessage_Authentication), from the pool's
 * SMS or email MFA message when it has one; the message goes to the outbox.
 *
 * A name no user has (a passwordless sign-in) gets the same challenge, with a plausible masked
 * destination and a code nobody is sent, so the answer does not tell who exists.
 */
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { isPhone, maskDestination } from '../../../lib/addresses';
import { NotAuthorizedException, messages } from '../errors';
import type { EngineServices } from '../services';
import type { Caller } from './caller';
import { secretsEqual } from './constantTime';
import type { ChallengeCode, ChallengeRecord, PoolRecord, UserRecord } from './model';
import { poolFactors } from './mfa/poolMfa';
import { simulatedDelivery } from './newUser';

export const CHALLENGE_CODE_ATTEMPTS = 3;

export type CodeMedium = 'EMAIL' | 'SMS';

const attributeOf = (medium: CodeMedium): string => (medium === 'SMS' ? 'phone_number' : 'email');

const digestOf = (pool: PoolRecord, salt: string, code: string): string =>
  createHmac('sha256', pool.pepper).update(`challenge-code:${salt}:${code}`).digest('base64url');

function standardText(pool: PoolRecord, medium: CodeMedium, code: string): { subject: string; body: string } {
  const factors = poolFactors(pool);
  const template = medium === 'SMS' ? factors.sms?.message : factors.email?.message;
  const body = (template ?? 'Your authentication code is {####}.').replaceAll('{####}', () => code);
  return { subject: (medium === 'EMAIL' && factors.email?.subject) || 'Your sign-in code', body };
}

/** What the challenge tells the client about where the code went. */
const deliveryParameters = (medium: CodeMedium, destination: string) => ({
  CODE_DELIVERY_DELIVERY_MEDIUM: medium,
  CODE_DELIVERY_DESTINATION: maskDestination(attributeOf(medium), destination),
});

/** The address a user's code of this medium goes to, when the user has one. */
export const addressOf = (user: UserRecord, medium: CodeMedium): string | undefined => user.attributes[attributeOf(medium)] || undefined;

/** Sends a user a code for a challenge; the code's record and the challenge's delivery parameters. */
export async function sendChallengeCode(
  s: EngineServices,
  pool: PoolRecord,
  user: UserRecord,
  medium: CodeMedium,
  caller: Caller,
): Promise<{ code: ChallengeCode; parameters: Record<string, string> }> {
  const destination = addressOf(user, medium) ?? '';
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const text = await s.messages.compose({ pool, user, caller, source: 'CustomMessage_Authentication', medium, standard: standardText(pool, medium, code), code });
  const salt = randomBytes(16).toString('base64url');
  s.outbox.deliver({
    poolId: pool.poolId,
    medium,
    to: destination,
    username: user.username,
    purpose: 'AUTHENTICATION',
    subject: medium === 'EMAIL' ? text.subject : '',
    body: text.body,
    code,
    sentAt: new Date(s.clock.now()).toISOString(),
  });
  return { code: { digest: digestOf(pool, salt, code), salt, medium, destination }, parameters: deliveryParameters(medium, destination) };
}

/** The same challenge for someone who gets no code: a name no user has, or a user without that address. */
export function unsentChallengeCode(pool: PoolRecord, identifier: string, medium: CodeMedium): { code: ChallengeCode; parameters: Record<string, string> } {
  const simulated = medium === 'SMS' ? (isPhone(identifier) ? identifier : '+15550100') : simulatedDelivery(pool, identifier).Destination;
  const parameters =
    medium === 'SMS' ? deliveryParameters('SMS', simulated) : { CODE_DELIVERY_DELIVERY_MEDIUM: 'EMAIL', CODE_DELIVERY_DESTINATION: simulated };
  // A digest no code has: the salt is random, and the digest is not of any six digits.
  return { code: { digest: randomBytes(32).toString('base64url'), salt: randomBytes(16).toString('base64url'), medium, destination: '' }, parameters };
}

/**
 * Counts one answer to the challenge before it is checked; once CHALLENGE_CODE_ATTEMPTS are
 * counted the session is spent (NotAuthorized, as an expired one), however many arrive at once.
 */
export async function countAnswer(s: EngineServices, pool: PoolRecord, record: ChallengeRecord): Promise<void> {
  if (!(await s.sessions.countAttempt(pool.poolId, record.challengeId, CHALLENGE_CODE_ATTEMPTS))) {
    throw new NotAuthorizedException(messages.sessionExpired);
  }
}

/** Whether `given` is the challenge's code. */
export const codeMatches = (pool: PoolRecord, record: ChallengeRecord, given: string): boolean =>
  !!record.code && secretsEqual(record.code.digest, digestOf(pool, record.code.salt, given));
