/** The pool's password policy, checked with Cognito's wording. */
import { InvalidPasswordException } from '../errors';
import type { PasswordPolicy } from './model';

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
  TemporaryPasswordValidityDays: 7,
};

export const MAX_PASSWORD_LENGTH = 256;
const SYMBOLS = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

export function passwordProblems(password: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  if ([...password].length < policy.MinimumLength) problems.push('Password not long enough');
  if (policy.RequireLowercase && !/[a-z]/.test(password)) problems.push('Password must have lowercase characters');
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) problems.push('Password must have uppercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) problems.push('Password must have numeric characters');
  if (policy.RequireSymbols && ![...password].some((c) => SYMBOLS.has(c))) problems.push('Password must have symbol characters');
  return problems;
}

export function assertPasswordMeetsPolicy(password: string, policy: PasswordPolicy): void {
  const problems = passwordProblems(password, policy);
  if (problems.length > 0) {
    throw new InvalidPasswordException(`Password did not conform with policy: ${problems.join('; ')}`);
  }
}
