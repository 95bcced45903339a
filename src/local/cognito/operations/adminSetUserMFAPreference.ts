import { setMfaPreference } from '../domain/mfa/userMfa';
import { forNamedUser } from '../domain/userOperation';

export const adminSetUserMFAPreference = forNamedUser(async (s, pool, user, input) => {
  await setMfaPreference(s, pool, user, input);
  return {};
});
