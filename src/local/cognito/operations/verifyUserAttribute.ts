import { changeAttributes } from '../domain/attributeChanges';
import { authenticateAccessToken } from '../domain/lookup';
import { CodeMismatchException, messages } from '../errors';
import { oneOf, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const verifyUserAttribute: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const attribute = oneOf('AttributeName', requiredString(input, 'AttributeName', { max: 32 }), ['email', 'phone_number']);
    const code = requiredString(input, 'Code', rules.code);
    const destination = await s.codes.consume(pool, user, `VERIFY_${attribute}`, code);
    // A code sent to an address the user has since replaced verifies nothing.
    if (destination !== user.attributes[attribute]) throw new CodeMismatchException(messages.codeMismatch);
    await changeAttributes(s, pool, user, { [`${attribute}_verified`]: 'true' });
    return {};
  },
};
