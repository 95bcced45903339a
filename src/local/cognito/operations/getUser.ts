import { attributeList, clientMayRead } from '../domain/attributes';
import { authenticateAccessToken } from '../domain/lookup';
import { describeMfa } from '../domain/mfa/userMfa';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getUser: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user, client } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const attributes = attributeList(user).filter((a) => clientMayRead(client, a.Name));
    return { Username: user.username, UserAttributes: attributes, ...describeMfa(pool, user) };
  },
};
