import { changeAttributes } from '../domain/attributeChanges';
import { authenticateAccessToken } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { optionalList, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const deleteUserAttributes: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const names = optionalList<unknown>(input, 'UserAttributeNames', 100);
    if (names.length === 0) throw new InvalidParameterException('UserAttributeNames must not be empty.');
    for (const name of names) {
      if (typeof name !== 'string') throw new InvalidParameterException('Attribute names must be strings.');
      const schema = pool.settings.Schema.find((a) => a.Name === name);
      if (!schema) throw new InvalidParameterException(`Attributes did not conform to the schema: ${name}: Attribute does not exist in the schema.`);
      if (schema.Required || !schema.Mutable) throw new InvalidParameterException(`Cannot delete attribute ${name}: it is required or immutable.`);
    }
    await changeAttributes(s, pool, user, {}, names as string[]);
    return {};
  },
};
