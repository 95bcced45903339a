/**
 * Code budgets, as Cognito keeps them: per account, per purpose (sign-up, password reset, each
 * attribute) and per fixed one-hour window.
 *
 * - `send`: codes that ForgotPassword, ResendConfirmationCode and GetUserAttributeVerificationCode
 *   may send. Without it, each new code would bring a fresh allowance of guesses, and anyone
 *   could flood a user's inbox.
 * - `attempt`: codes that may be tried, right or wrong, whichever code is outstanding and
 *   whether one is at all. A new code does not reset it, so guessing stays at this many tries
 *   an hour per account and purpose.
 *
 * Over a budget the answer is LimitExceededException until the window ends. Unknown names have
 * budgets of their own (on their ghost), so the point at which the answer changes is the same for
 * every name. Admin operations and SignUp's first code are not budgeted.
 *
 * Windows are fixed (aligned to the clock hour), so across a boundary up to twice a budget can be
 * spent in a short time; that still bounds guessing at 2 × 5 tries in any hour.
 */
import { LimitExceededException, messages } from '../errors';
import type { Clock } from '../clock';
import type { BudgetsStore } from './budgets.store';
import type { Ghost, UserRecord } from './model';
import { keys } from './table';

export const BUDGET_WINDOW_MS = 60 * 60_000;
/** Codes sent per account, purpose and window (ForgotPassword, ResendConfirmationCode, GetUserAttributeVerificationCode). */
export const CODE_SENDS_PER_WINDOW = 5;
/** Codes tried per account, purpose and window (ConfirmSignUp, ConfirmForgotPassword, VerifyUserAttribute). */
export const CODE_ATTEMPTS_PER_WINDOW = 5;

export type BudgetKind = 'send' | 'attempt';
const limits: Record<BudgetKind, number> = { send: CODE_SENDS_PER_WINDOW, attempt: CODE_ATTEMPTS_PER_WINDOW };

/** Whose budget: a user's, kept in the user's partition (deleted with the user), or a ghost's. */
export type BudgetOwner = UserRecord | Ghost;

const partitionOf = (owner: BudgetOwner): string =>
  'partition' in owner ? owner.partition : keys.userPartition(owner.poolId, owner.usernameKey);

export class Budgets {
  constructor(
    private readonly store: BudgetsStore,
    private readonly clock: Clock,
  ) {}

  /** Spends one unit of `owner`'s budget for `purpose`; throws LimitExceeded when it is spent. */
  async spend(owner: BudgetOwner, kind: BudgetKind, purpose: string): Promise<void> {
    const window = Math.floor(this.clock.now() / BUDGET_WINDOW_MS);
    const spent = await this.store.spend(partitionOf(owner), `${kind}#${purpose}#${window}`, limits[kind], (window + 1) * BUDGET_WINDOW_MS);
    if (!spent) throw new LimitExceededException(messages.limitExceeded);
  }
}
