import { callerOf } from '../domain/caller';
import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { simulatedDelivery, verificationAttribute } from '../domain/newUser';
import { assertSecretHash } from '../domain/secretHash';
import { InvalidParameterException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const resendConfirmationCode: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const message = { source: 'CustomMessage_ResendCode', caller: callerOf(request, client.clientId) } as const;
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    const { user, ghost } = await findUser(s, pool, username);
    if (!user) revealMissingUserIfLegacy(client);
    const attribute = user && verificationAttribute(pool, user);
    if (user && attribute && user.status !== 'UNCONFIRMED') throw new InvalidParameterException('User is already confirmed.');
    // Each code sent (or seemingly sent, to an unknown name) spends the send budget.
    await s.budgets.spend(user ?? ghost, 'send', 'SIGN_UP');
    if (!user || !attribute) {
      await s.codes.issueDecoy(pool, 'SIGN_UP');
      return { CodeDeliveryDetails: simulatedDelivery(pool, username) };
    }
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, 'SIGN_UP', attribute, message) };
  },
};
