import { callerOf } from '../domain/caller';
import { storedPassword } from '../domain/credentials';
import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { assertSecretHash } from '../domain/secretHash';
import { postConfirmation } from '../domain/triggers/postConfirmation';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const confirmForgotPassword: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const code = requiredString(input, 'ConfirmationCode', rules.code);
    const caller = callerOf(request, client.clientId);
    const password = requiredString(input, 'Password', rules.password);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    // The policy is checked before the code is spent, so a weak choice can be retried.
    assertPasswordMeetsPolicy(password, pool.settings.PasswordPolicy);
    const { user, ghost } = await findUser(s, pool, username);
    if (!user) {
      revealMissingUserIfLegacy(client);
      return s.codes.consumeDecoy(pool, ghost, 'FORGOT_PASSWORD');
    }
    // The code is checked before the (slow) hash, so a wrong code costs the same for a known
    // user as for an unknown one; only the holder of the right code waits for the hash.
    await s.codes.consume(pool, user, 'FORGOT_PASSWORD', code);
    const updated = await s.users.update(pool.poolId, user.usernameKey, {
      set: {
        ...(await storedPassword(s, pool.poolId, user.username, password)),
        status: user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED',
        modifiedAt: s.clock.now(),
        failures: 0,
        lockedUntil: 0,
        lockedAtFailures: 0,
      },
      remove: ['temporaryPasswordExpiresAt'],
    });
    // The reset is stored first: a failing handler fails the request, and the new password stands.
    if (updated) await postConfirmation(s, pool, caller, 'PostConfirmation_ConfirmForgotPassword', updated);
    return {};
  },
};
