import { callerOf } from '../domain/caller';
import { findUser, requireClient, revealMissingUserIfLegacy } from '../domain/lookup';
import { assertSecretHash } from '../domain/secretHash';
import { postConfirmation } from '../domain/triggers/postConfirmation';
import { claimVerifiedAliases, verifiedFlagsFor } from '../domain/verification';
import { NotAuthorizedException } from '../errors';
import { optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const confirmSignUp: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const code = requiredString(input, 'ConfirmationCode', rules.code);
    const caller = callerOf(request, client.clientId);
    assertSecretHash(client, username, optionalString(input, 'SecretHash', rules.secretHash));
    const { user, ghost } = await findUser(s, pool, username);
    // Unknown users get the answer a wrong code gets, so the answer does not reveal them.
    if (!user) {
      revealMissingUserIfLegacy(client);
      return s.codes.consumeDecoy(pool, ghost, 'SIGN_UP');
    }
    if (user.status !== 'UNCONFIRMED') {
      throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
    }
    const destination = await s.codes.consume(pool, user, 'SIGN_UP', code);
    const flags = verifiedFlagsFor(user, destination);
    await claimVerifiedAliases(s, pool, { ...user, attributes: { ...user.attributes, ...flags } });
    const updated = await s.users.update(pool.poolId, user.usernameKey, {
      set: { status: 'CONFIRMED', modifiedAt: s.clock.now() },
      setAttributes: flags,
      expect: { status: 'UNCONFIRMED' },
    });
    if (!updated) throw new NotAuthorizedException('User cannot be confirmed. Current status is CONFIRMED');
    // After the user is stored as confirmed, as in Cognito: a failing handler fails this request,
    // and the user stays confirmed (a retry is told "Current status is CONFIRMED").
    await postConfirmation(s, pool, caller, 'PostConfirmation_ConfirmSignUp', updated);
    return {};
  },
};
