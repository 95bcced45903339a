import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { simulatedDelivery, verificationAttribute } from '../domain/newUser';
import { assertSecretHash } from '../domain/secretHash';
import { InvalidParameterException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const resendConfirmationCode: Operation = {
  access: 'public',
  async run(s, { input }) {
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    const user = await findUser(s, pool, username);
    const attribute = user && verificationAttribute(pool, user);
    if (!user) revealMissingUserIfLegacy(client);
    if (!user || !attribute) {
      await s.codes.issueDecoy(pool, 'SIGN_UP');
      return { CodeDeliveryDetails: simulatedDelivery(pool, username) };
    }
    if (user.status !== 'UNCONFIRMED') throw new InvalidParameterException('User is already confirmed.');
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, 'SIGN_UP', attribute) };
  },
};
