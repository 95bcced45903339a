import { attributeList } from '../domain/attributes';
import { authenticateAccessToken } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getUser: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    return { Username: user.username, UserAttributes: attributeList(user), UserMFASettingList: [] };
  },
};
