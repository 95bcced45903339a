import { storedPassword } from '../domain/credentials';
import { authenticateAccessToken } from '../domain/lookup';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { checkPassword } from '../domain/passwordCheck';
import { NotAuthorizedException, messages } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const changePassword: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const previous = requiredString(input, 'PreviousPassword', rules.password);
    const proposed = requiredString(input, 'ProposedPassword', rules.password);
    assertPasswordMeetsPolicy(proposed, pool.settings.PasswordPolicy);
    // Guessing the old password goes through the same lockout as sign-in.
    await checkPassword(s, user, previous);
    const updated = await s.users.update(pool.poolId, user.usernameKey, {
      set: { ...(await storedPassword(s, pool.poolId, user.username, proposed)), modifiedAt: s.clock.now() },
      expect: { passwordHash: user.passwordHash },
    });
    // The password changed since it was checked (a racing change or reset): the previous
    // password given is no longer the user's, so this change did not happen.
    if (!updated) throw new NotAuthorizedException(messages.badCredentials);
    return {};
  },
};
