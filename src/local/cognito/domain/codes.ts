/**
 * One-time codes: six digits, stored only as an HMAC digest keyed by the pool's pepper,
 * single use, expiring (24 h for sign-up and attributes, 1 h for password reset) and
 * attempt-limited. Issuing a new code replaces the old one.
 */
import { createHmac, randomInt } from 'node:crypto';
import { maskDestination } from '../../../lib/addresses';
import { secretsEqual } from './constantTime';
import { CodeMismatchException, ExpiredCodeException, LimitExceededException, messages } from '../errors';
import type { Clock } from '../clock';
import type { CodesStore } from './codes.store';
import type { PoolRecord, UserRecord } from './model';
import type { Outbox } from './outbox';

export type CodePurpose = 'SIGN_UP' | 'FORGOT_PASSWORD' | `VERIFY_${string}`;

const HOUR = 3600_000;
export const MAX_CODE_ATTEMPTS = 5;
/** A username key no user can have (see lookup.ts): decoy work is addressed to it. */
export const DECOY_USERNAME_KEY = '\u0000decoy';

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
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  private digest(pool: PoolRecord, user: UserRecord, purpose: string, code: string): string {
    return createHmac('sha256', pool.pepper).update(`${user.sub}:${purpose}:${code}`).digest('base64');
  }

  /** Creates a code, stores its digest, and sends it to the user's `attribute` address. */
  async issue(pool: PoolRecord, user: UserRecord, purpose: CodePurpose, attribute: string): Promise<CodeDeliveryDetails> {
    const destination = user.attributes[attribute];
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const now = this.clock.now();
    await this.store.put(pool.poolId, user.usernameKey, {
      purpose,
      digest: this.digest(pool, user, purpose, code),
      destination,
      attempts: 0,
      createdAt: now,
      expiresAt: now + lifetime(purpose),
    });
    const text = wording[purpose.startsWith('VERIFY_') ? 'VERIFY' : purpose];
    this.outbox.deliver({
      poolId: pool.poolId,
      medium: attribute === 'phone_number' ? 'SMS' : 'EMAIL',
      to: destination,
      username: user.username,
      purpose,
      subject: text.subject,
      body: text.body(code),
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
    const now = this.clock.now();
    const decoy = { purpose, digest: 'decoy', destination: '', attempts: 0, createdAt: now, expiresAt: now };
    await this.store.putNothing(pool.poolId, DECOY_USERNAME_KEY, decoy);
  }

  /** For a user who does not exist: the reads and refused write of checking a wrong code. */
  async consumeDecoy(pool: PoolRecord, purpose: CodePurpose): Promise<never> {
    const stored = await this.store.get(pool.poolId, DECOY_USERNAME_KEY, purpose);
    const decoy = stored ?? { purpose, digest: 'decoy', destination: '', attempts: 0, createdAt: 0, expiresAt: 0 };
    await this.store.countAttempt(pool.poolId, DECOY_USERNAME_KEY, decoy, MAX_CODE_ATTEMPTS);
    throw new CodeMismatchException(messages.codeMismatch);
  }

  /**
   * Checks and consumes a code. Throws CodeMismatch, ExpiredCode or LimitExceeded; on success
   * the code is gone, so it can never be used twice. Returns the address the code was sent to.
   */
  async consume(pool: PoolRecord, user: UserRecord, purpose: CodePurpose, code: string): Promise<string> {
    const stored = await this.store.get(pool.poolId, user.usernameKey, purpose);
    const matches = !!stored && secretsEqual(stored.digest, this.digest(pool, user, purpose, code));
    // With no code outstanding (never sent, or already used) the answer is a wrong code's, the
    // same an unknown user gets, so it cannot tell who exists. Only the holder of the right
    // code learns that it expired.
    if (!stored) throw new CodeMismatchException(messages.codeMismatch);
    if (stored.expiresAt <= this.clock.now()) {
      throw matches ? new ExpiredCodeException(messages.codeExpired) : new CodeMismatchException(messages.codeMismatch);
    }
    if (!(await this.store.countAttempt(pool.poolId, user.usernameKey, stored, MAX_CODE_ATTEMPTS))) {
      throw new LimitExceededException(messages.limitExceeded);
    }
    if (!matches) {
      throw new CodeMismatchException(messages.codeMismatch);
    }
    if (!(await this.store.consume(pool.poolId, user.usernameKey, stored))) {
      throw new CodeMismatchException(messages.codeMismatch);
    }
    return stored.destination;
  }
}
