import { setMfaPreference } from '../domain/mfa/userMfa';
import { forTokenUser } from '../domain/userOperation';

/** Turns the user's MFA factors on or off and picks the preferred one. */
export const setUserMFAPreference = forTokenUser(async (s, pool, user, input) => {
  await setMfaPreference(s, pool, user, input);
  return {};
});
