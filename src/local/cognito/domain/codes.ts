/**
 * One-time codes: six digits, stored only as an HMAC digest keyed by the pool's pepper,
 * single use and expiring (24 h for sign-up and attributes, 1 h for password reset). Issuing a
 * new code replaces the old one. Tries are limited per account and purpose, not per code
 * (budgets.ts), so a new code brings no new guesses.
 */
import { createHmac, randomInt } from 'node:crypto';
import { maskDestination } from '../../../lib/addresses';
import { secretsEqual } from './constantTime';
import { CodeMismatchException, ExpiredCodeException, messages } from '../errors';
import type { Clock } from '../clock';
import type { Budgets } from './budgets';
import type { CodesStore } from './codes.store';
import type { CodeRecord, Ghost, PoolRecord, UserRecord } from './model';
import type { Outbox } from './outbox';
import type { Caller } from './caller';
import type { CustomMessages, CustomMessageSource } from './triggers/customMessage';

export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | `VERIFY_${string}`;

const HOUR = 3600_000;
/** A username key no user can have: decoy work is addressed to it. */
const DECOY_USERNAME_KEY = '\u0000decoy';

export interface CodeDeliveryDetails {
  Destination: string;
  DeliveryMedium: 'EMAIL' | 'SMS';
  AttributeName: string;
}

const lifetime = (purpose: CodePurpose): number => (purpose === 'FORGOT_PASSWORD' ? HOUR : 24 * HOUR);

const wording: Record<string, { subject: string; body: (code: string) => string }> = {
  SIGN_UP: { subject: 'Your verification code', body: (c) => `Your confirmation code is ${c}` },
  FORGOT_PASSWORD: { subject: 'Your password reset code', body: (c) => `Your password reset code is ${c}` },
  VERIFY: { subject: 'Your verification code', body: (c) => `Your verification code is ${c}` },
};

/** Why a code is sent and at whose request: the CustomMessage trigger's source and caller. */
export interface CodeMessage {
  source: CustomMessageSource;
  caller: Caller;
}

export function deliveryDetails(attribute: string, value: string): CodeDeliveryDetails {
  return {
    Destination: maskDestination(attribute, value),
    DeliveryMedium: attribute === 'phone_number' ? 'SMS' : 'EMAIL',
    AttributeName: attribute,
  };
}

export class CodeService {
  constructor(
    private readonly store: CodesStore,
    private readonly budgets: Budgets,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly messages: CustomMessages,
  ) {}

  private digest(pool: PoolRecord, user: UserRecord, purpose: string, code: string): string {
    return createHmac('sha256', pool.pepper).update(`${user.sub}:${purpose}:${code}`).digest('base64');
  }

  /**
   * Creates a code, has its message composed (through the CustomMessage trigger, which may refuse
   * it: then nothing is stored or sent), stores its digest, and sends it to the user's `attribute`
   * address. Spends no budget: the operations a user may repeat spend theirs first (budgets.ts);
   * admin operations and SignUp's first code are free.
   */
  async issue(pool: PoolRecord, user: UserRecord, purpose: CodePurpose, attribute: string, message: CodeMessage): Promise<CodeDeliveryDetails> {
    const destination = user.attributes[attribute];
    const medium = attribute === 'phone_number' ? 'SMS' : 'EMAIL';
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const standard = wording[purpose.startsWith('VERIFY_') ? 'VERIFY' : purpose];
    const text = await this.messages.compose({
      pool,
      user,
      caller: message.caller,
      source: message.source,
      medium,
      standard: { subject: standard.subject, body: standard.body(code) },
      code,
    });
    const now = this.clock.now();
    await this.store.put(pool.poolId, user.usernameKey, {
      purpose,
      digest: this.digest(pool, user, purpose, code),
      destination,
      createdAt: now,
      expiresAt: now + lifetime(purpose),
    });
    this.outbox.deliver({
      poolId: pool.poolId,
      medium,
      to: destination,
      username: user.username,
      purpose,
      subject: text.subject,
      body: text.body,
      code,
      sentAt: new Date(now).toISOString(),
    });
    return deliveryDetails(attribute, destination);
  }

  /**
   * For a user who does not exist: the same store work as `issue` (a refused write) and a
   * plausible answer, so neither the answer nor its timing tells whether the user exists.
   */
  async issueDecoy(pool: PoolRecord, purpose: CodePurpose): Promise<void> {
    await this.store.putNothing(pool.poolId, DECOY_USERNAME_KEY, decoyCode(purpose, this.clock.now()));
  }

  /**
   * For a name no user has: the try is spent from the ghost's budget, as a user's would be, then
   * the read a code check makes, and the wrong code's answer (or LimitExceeded, at the same try).
   */
  async consumeDecoy(pool: PoolRecord, ghost: Ghost, purpose: CodePurpose): Promise<never> {
    await this.budgets.spend(ghost, 'attempt', purpose);
    await this.store.get(pool.poolId, DECOY_USERNAME_KEY, purpose);
    throw new CodeMismatchException(messages.codeMismatch);
  }

  /**
   * Checks and consumes a code. Throws LimitExceeded (budget spent), CodeMismatch or ExpiredCode;
   * on success the code is gone, so it can never be used twice. Returns the address the code
   * was sent to.
   */
  async consume(pool: PoolRecord, user: UserRecord, purpose: CodePurpose, code: string): Promise<string> {
    // Spent before anything is compared (one atomic count), so parallel tries cannot exceed it,
    // and whether or not a code is outstanding, so the try at which it runs out is the same for
    // everyone.
    await this.budgets.spend(user, 'attempt', purpose);
    const stored = await this.store.get(pool.poolId, user.usernameKey, purpose);
    // With no code outstanding (never sent, or already used) the answer is a wrong code's, the
    // same an unknown user gets, so it cannot tell who exists. Only the holder of the right
    // code learns that it expired.
    if (!stored) throw new CodeMismatchException(messages.codeMismatch);
    const matches = secretsEqual(stored.digest, this.digest(pool, user, purpose, code));
    if (stored.expiresAt <= this.clock.now()) {
      throw matches ? new ExpiredCodeException(messages.codeExpired) : new CodeMismatchException(messages.codeMismatch);
    }
    if (!matches || !(await this.store.consume(pool.poolId, user.usernameKey, stored))) {
      throw new CodeMismatchException(messages.codeMismatch);
    }
    return stored.destination;
  }
}

/** A code record that matches nothing, for the decoy write. */
const decoyCode = (purpose: CodePurpose, now: number): CodeRecord => ({ purpose, digest: 'decoy', destination: '', createdAt: now, expiresAt: now });
