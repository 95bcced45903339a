import { callerOf } from '../domain/caller';
import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { simulatedDelivery } from '../domain/newUser';
import { assertSecretHash } from '../domain/secretHash';
import { migrateUser } from '../domain/triggers/userMigration';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const forgotPassword: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const caller = callerOf(request, client.clientId);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    const found = await findUser(s, pool, username);
    // A name the pool does not know may be one a legacy directory does (UserMigration_ForgotPassword).
    const user = found.user ?? (await migrateUser(s, pool, caller, 'UserMigration_ForgotPassword', username));
    if (!user) revealMissingUserIfLegacy(client);
    // Every request spends the send budget, the unknown name's too, so it runs out at the same
    // request for every name.
    await s.budgets.spend(user ?? found.ghost!, 'send', 'FORGOT_PASSWORD');
    // A code can only go to a verified address. Unknown users, and users with nowhere to send
    // a code, get the same plausible answer, so the response does not reveal who exists.
    const attribute = user && ['email', 'phone_number'].find((a) => user.attributes[a] && user.attributes[`${a}_verified`] === 'true');
    if (!user || !attribute || !user.enabled) {
      await s.codes.issueDecoy(pool, 'FORGOT_PASSWORD');
      return { CodeDeliveryDetails: simulatedDelivery(pool, username) };
    }
    const message = { source: 'CustomMessage_ForgotPassword', caller } as const;
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, 'FORGOT_PASSWORD', attribute, message) };
  },
};
