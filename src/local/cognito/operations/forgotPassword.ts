import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { simulatedDelivery } from '../domain/newUser';
import { assertSecretHash } from '../domain/secretHash';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const forgotPassword: Operation = {
  access: 'public',
  async run(s, { input }) {
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    const { user, ghost } = await findUser(s, pool, username);
    if (!user) revealMissingUserIfLegacy(client);
    // Every request spends the send budget, the unknown name's too, so it runs out at the same
    // request for every name.
    await s.budgets.spend(user ?? ghost, 'send', 'FORGOT_PASSWORD');
    // A code can only go to a verified address. Unknown users, and users with nowhere to send
    // a code, get the same plausible answer, so the response does not reveal who exists.
    const attribute = user && ['email', 'phone_number'].find((a) => user.attributes[a] && user.attributes[`${a}_verified`] === 'true');
    if (!user || !attribute || !user.enabled) {
      await s.codes.issueDecoy(pool, 'FORGOT_PASSWORD');
      return { CodeDeliveryDetails: simulatedDelivery(pool, username) };
    }
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, 'FORGOT_PASSWORD', attribute) };
  },
};
