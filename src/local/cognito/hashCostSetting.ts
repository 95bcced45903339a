/** The standalone engine's COGNITO_LOCAL_HASH_COST setting, read once at start (main.ts). */
import { HashCost, OWASP_COST, TEST_COST } from './domain/passwords';

export const WEAK_HASH_WARNING =
  '!!! COGNITO_LOCAL_HASH_COST=test: passwords are hashed at a test cost (argon2id 1 MiB, 1 pass), far too weak for real passwords. For test suites only. !!!';

/**
 * COGNITO_LOCAL_HASH_COST: `owasp` (the default: argon2id at 19 MiB, 2 passes) or `test` (1 MiB, 1
 * pass), for teams that run the engine under their own test suites, where each sign-up and
 * sign-in would otherwise spend most of its time hashing. `test` is far too weak for any real
 * password, so the engine says so loudly at start.
 */
export function hashCostSetting(value: string | undefined): { cost: HashCost; weak: boolean } {
  if (value === undefined || value === '' || value === 'owasp') return { cost: OWASP_COST, weak: false };
  if (value === 'test') return { cost: TEST_COST, weak: true };
  throw new Error(`COGNITO_LOCAL_HASH_COST must be "owasp" or "test", got "${value}"`);
}

