import { changeAttributes } from '../domain/attributeChanges';
import { assertDeletableAttributes } from '../domain/attributes';
import { authenticateAccessToken } from '../domain/lookup';
import { optionalList, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const deleteUserAttributes: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const names = assertDeletableAttributes(pool, optionalList<unknown>(input, 'UserAttributeNames', 100));
    await changeAttributes(s, pool, user, {}, names);
    return {};
  },
};
