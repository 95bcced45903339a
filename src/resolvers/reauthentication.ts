/**
 * A change to how the account signs in (its second factors) needs proof that the person at the
 * keyboard is the account's owner now, not just someone holding a live token (ASVS 7.5.1): a
 * sign-in within the last few minutes (the token's auth_time), or the current password.
 */
import { ApiContext, signedIn } from '../context';
import { ApiError } from '../errors';
import * as check from './input';

/** How recent a sign-in must be to change factors without the password. */
export const RECENT_SIGN_IN_MS = 5 * 60_000;

export async function requireRecentAuthentication(context: ApiContext, currentPassword: string | undefined | null): Promise<void> {
  const { identity, accessToken } = signedIn(context);
  if (currentPassword !== undefined && currentPassword !== null) {
    check.password(currentPassword, 'currentPassword');
    if (await context.sources.mfa.passwordMatches(accessToken, currentPassword)) return;
    throw new ApiError('REAUTHENTICATION_REQUIRED', 'The current password is not correct.', { field: 'currentPassword' });
  }
  const authTime = identity.claims.auth_time;
  if (typeof authTime === 'number' && Date.now() - authTime * 1000 <= RECENT_SIGN_IN_MS) return;
  throw new ApiError('REAUTHENTICATION_REQUIRED', 'Changing sign-in factors needs a sign-in in the last 5 minutes, or currentPassword.', { field: 'currentPassword' });
}
