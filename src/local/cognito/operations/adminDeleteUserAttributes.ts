import { changeAttributes } from '../domain/attributeChanges';
import { assertDeletableAttributes } from '../domain/attributes';
import { requirePool, requireUser } from '../domain/lookup';
import { optionalList, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminDeleteUserAttributes: Operation = {
  access: 'iam',
  async run(s, { input }) {
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const names = assertDeletableAttributes(pool, optionalList<unknown>(input, 'UserAttributeNames', 100));
    await changeAttributes(s, pool, user, {}, names);
    return {};
  },
};
