import { callerOf } from '../domain/caller';
import { changeAttributes } from '../domain/attributeChanges';
import { AttributeInput, validateAttributes } from '../domain/attributes';
import { requirePool, requireUser } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { optionalList, requiredString, rules } from '../params';
import type { Operation } from '../services';

/** Admins may also set the *_verified flags; a changed address not marked verified gets a code. */
export const adminUpdateUserAttributes: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const caller = callerOf(request);
    const list = optionalList<AttributeInput>(input, 'UserAttributes', 100);
    if (list.length === 0) throw new InvalidParameterException('UserAttributes must not be empty.');
    const set = validateAttributes(pool, list, 'admin-update');
    const { user: updated, unverified } = await changeAttributes(s, pool, user, set);
    for (const attribute of unverified) {
      if (pool.settings.AutoVerifiedAttributes.includes(attribute)) {
        await s.codes.issue(pool, updated, `VERIFY_${attribute}`, attribute, { source: 'CustomMessage_UpdateUserAttribute', caller });
      }
    }
    return {};
  },
};
