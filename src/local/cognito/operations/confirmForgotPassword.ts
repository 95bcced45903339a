import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { assertSecretHash } from '../domain/secretHash';
import { CodeMismatchException, messages } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const confirmForgotPassword: Operation = {
  access: 'public',
  async run(s, { input }) {
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const code = requiredString(input, 'ConfirmationCode', rules.code);
    const password = requiredString(input, 'Password', rules.password);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    // The policy is checked before the code is spent, so a weak choice can be retried.
    assertPasswordMeetsPolicy(password, pool.settings.PasswordPolicy);
    const user = await findUser(s, pool, username);
    if (!user) {
      revealMissingUserIfLegacy(client);
      throw new CodeMismatchException(messages.codeMismatch);
    }
    const passwordHash = await s.hasher.hash(password);
    await s.codes.consume(pool, user, 'FORGOT_PASSWORD', code);
    await s.users.update(pool.poolId, user.usernameKey, {
      set: {
        passwordHash,
        status: user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED',
        modifiedAt: s.clock.now(),
        failures: 0,
        lockedUntil: 0,
        lockedAtFailures: 0,
      },
      remove: ['temporaryPasswordExpiresAt'],
    });
    return {};
  },
};
