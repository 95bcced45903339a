import { assertClientMayWrite, validateAttributes } from '../domain/attributes';
import { requireClient } from '../domain/lookup';
import { createUser, verificationAttribute } from '../domain/newUser';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { assertSecretHash } from '../domain/secretHash';
import { NotAuthorizedException } from '../errors';
import { optionalList, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const signUp: Operation = {
  access: 'public',
  async run(s, { input }) {
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const password = requiredString(input, 'Password', rules.password);
    const secretHash = optionalString(input, 'SecretHash', rules.secretHash);
    const attributes = validateAttributes(pool, optionalList(input, 'UserAttributes', 100), 'create');
    assertClientMayWrite(client, Object.keys(attributes));
    assertSecretHash(client, username, secretHash);
    if (pool.settings.AdminCreateUserOnly) throw new NotAuthorizedException('SignUp is not permitted for this user pool');
    assertPasswordMeetsPolicy(password, pool.settings.PasswordPolicy);
    const user = await createUser(s, pool, {
      username,
      attributes,
      passwordHash: await s.hasher.hash(password),
      status: 'UNCONFIRMED',
    });
    const attribute = verificationAttribute(pool, user);
    const delivery = attribute ? await s.codes.issue(pool, user, 'SIGN_UP', attribute) : undefined;
    return { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: delivery };
  },
};
