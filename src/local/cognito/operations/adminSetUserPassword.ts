import { storedPassword } from '../domain/credentials';
import { requirePool, requireUser } from '../domain/lookup';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { optionalBoolean, requiredString, rules } from '../params';
import type { Operation } from '../services';

const DAY = 86_400_000;

/** Permanent: the user is CONFIRMED with this password. Otherwise it is a temporary password (FORCE_CHANGE_PASSWORD). */
export const adminSetUserPassword: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const password = requiredString(input, 'Password', rules.password);
    const permanent = optionalBoolean(input, 'Permanent') ?? false;
    assertPasswordMeetsPolicy(password, pool.settings.PasswordPolicy);
    const now = s.clock.now();
    await s.users.update(pool.poolId, user.usernameKey, {
      set: {
        ...(await storedPassword(s, pool.poolId, user.username, password)),
        status: permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
        temporaryPasswordExpiresAt: permanent ? undefined : now + pool.settings.PasswordPolicy.TemporaryPasswordValidityDays * DAY,
        modifiedAt: now,
      },
      remove: permanent ? ['temporaryPasswordExpiresAt'] : [],
    });
    return {};
  },
};
