/** The budgets of the secret-checking operations: what is counted, per whom, over which window. */

/**
 * Which budget an operation draws from. `password`, `code` and `token` count failed attempts (a
 * success gives its attempt back); `send` counts every message sent.
 */
export type SecretKind = 'password' | 'code' | 'token' | 'send';
export const SECRET_KINDS: readonly SecretKind[] = ['password', 'code', 'token', 'send'];

export interface Budget {
  /** Attempts per account (the name typed, or the signed-in user) per window; 0: no limit. */
  perAccount: number;
  /** Attempts per client IP per window; 0: no limit. */
  perIp: number;
  windowMs: number;
}

export type RateLimitPolicy = Record<SecretKind, Budget>;

const MINUTE = 60_000;

/** The shipped numbers (RATE_LIMIT_<KIND> overrides them); the README's Security section lists them. */
export const DEFAULT_RATE_LIMITS: RateLimitPolicy = {
  password: { perAccount: 10, perIp: 100, windowMs: 15 * MINUTE },
  code: { perAccount: 10, perIp: 100, windowMs: 15 * MINUTE },
  token: { perAccount: 20, perIp: 200, windowMs: 15 * MINUTE },
  send: { perAccount: 5, perIp: 100, windowMs: 15 * MINUTE },
};
