import { authenticateAccessToken } from '../domain/lookup';
import { verifyForSession, verifyForUser } from '../domain/mfa/mfaSetup';
import { InvalidParameterException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

/** Verifies a code of the TOTP secret being set up; the secret becomes the user's. */
export const verifySoftwareToken: Operation = {
  access: 'token',
  async run(s, { input }) {
    const code = requiredString(input, 'UserCode', { min: 6, max: 6, pattern: /^[0-9]+$/ });
    optionalString(input, 'FriendlyDeviceName', { max: 131072 });
    const accessToken = optionalString(input, 'AccessToken', rules.token);
    const session = optionalString(input, 'Session', rules.session);
    if (accessToken) {
      const { pool, user } = await authenticateAccessToken(s, accessToken);
      return verifyForUser(s, pool, user, code);
    }
    if (session) return verifyForSession(s, session, code);
    throw new InvalidParameterException('Either AccessToken or Session is required.');
  },
};
