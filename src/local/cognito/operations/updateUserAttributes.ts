import { callerOf } from '../domain/caller';
import { changeAttributes } from '../domain/attributeChanges';
import { AttributeInput, assertClientMayWrite, validateAttributes } from '../domain/attributes';
import { authenticateAccessToken } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { optionalList, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const updateUserAttributes: Operation = {
  access: 'token',
  async run(s, request) {
    const { input } = request;
    const { pool, user, client } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const caller = callerOf(request, client.clientId);
    const list = optionalList<AttributeInput>(input, 'UserAttributes', 100);
    if (list.length === 0) throw new InvalidParameterException('UserAttributes must not be empty.');
    const set = validateAttributes(pool, list, 'update');
    assertClientMayWrite(client, Object.keys(set));
    const { user: updated, unverified } = await changeAttributes(s, pool, user, set);
    const details = [];
    for (const attribute of unverified) {
      if (pool.settings.AutoVerifiedAttributes.includes(attribute)) {
        details.push(await s.codes.issue(pool, updated, `VERIFY_${attribute}`, attribute, { source: 'CustomMessage_UpdateUserAttribute', caller }));
      }
    }
    return { CodeDeliveryDetailsList: details };
  },
};
