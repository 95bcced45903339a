import { authenticateAccessToken } from '../domain/lookup';
import { associateForSession, associateForUser } from '../domain/mfa/mfaSetup';
import { InvalidParameterException } from '../errors';
import { optionalString, rules } from '../params';
import type { Operation } from '../services';

/** A new TOTP secret, for the user of an access token or for the sign-in of an MFA_SETUP Session. */
export const associateSoftwareToken: Operation = {
  access: 'token',
  async run(s, { input }) {
    const accessToken = optionalString(input, 'AccessToken', rules.token);
    const session = optionalString(input, 'Session', rules.session);
    if (accessToken) {
      const { pool, user } = await authenticateAccessToken(s, accessToken);
      return associateForUser(s, pool, user);
    }
    if (session) return associateForSession(s, session);
    throw new InvalidParameterException('Either AccessToken or Session is required.');
  },
};
