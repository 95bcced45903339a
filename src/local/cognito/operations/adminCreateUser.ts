import { callerOf } from '../domain/caller';
import { validateAttributes } from '../domain/attributes';
import { describeUser } from '../domain/describeUser';
import { generateTemporaryPassword, sendInvitation } from '../domain/invite';
import { requirePool, requireUser } from '../domain/lookup';
import { storedPassword } from '../domain/credentials';
import { newUserRecord, storeUser } from '../domain/newUser';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { preSignUp, validationDataOf } from '../domain/triggers/preSignUp';
import { UnsupportedUserStateException } from '../errors';
import { oneOf, optionalList, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

const DAY = 86_400_000;

export const adminCreateUser: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const caller = callerOf(request);
    const username = requiredString(input, 'Username', rules.username);
    const attributes = validateAttributes(pool, optionalList(input, 'UserAttributes', 100), 'admin-create');
    const action = optionalString(input, 'MessageAction');
    if (action) oneOf('MessageAction', action, ['RESEND', 'SUPPRESS']);
    const mediums = optionalList<string>(input, 'DesiredDeliveryMediums', 2);
    for (const medium of mediums) oneOf('DesiredDeliveryMediums', medium, ['EMAIL', 'SMS']);
    const given = optionalString(input, 'TemporaryPassword', rules.password);
    if (given) assertPasswordMeetsPolicy(given, pool.settings.PasswordPolicy);
    const temporaryPassword = given ?? generateTemporaryPassword(pool.settings.PasswordPolicy);
    const temporaryPasswordExpiresAt = s.clock.now() + pool.settings.PasswordPolicy.TemporaryPasswordValidityDays * DAY;

    let user;
    if (action === 'RESEND') {
      const existing = await requireUser(s, pool, username);
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') throw new UnsupportedUserStateException('User account already exists and is not waiting for a first sign-in.');
      user = await s.users.update(pool.poolId, existing.usernameKey, {
        set: { ...(await storedPassword(s, pool.poolId, existing.username, temporaryPassword)), temporaryPasswordExpiresAt, modifiedAt: s.clock.now() },
        expect: { status: 'FORCE_CHANGE_PASSWORD' },
      });
      if (!user) throw new UnsupportedUserStateException('User account changed state during the resend.');
    } else {
      const draft = newUserRecord(s, pool, { username, attributes, passwordHash: '', status: 'FORCE_CHANGE_PASSWORD', temporaryPasswordExpiresAt });
      // Cognito ignores PreSignUp's answer here; a handler that throws still refuses the user.
      await preSignUp(s, pool, caller, 'PreSignUp_AdminCreateUser', draft, validationDataOf(input));
      user = await storeUser(s, pool, { ...draft, ...(await storedPassword(s, pool.poolId, draft.username, temporaryPassword)) });
    }
    if (action !== 'SUPPRESS') await sendInvitation(s, pool, user, temporaryPassword, mediums, caller);
    return { User: describeUser(user, 'Attributes') };
  },
};
