import { callerOf } from '../domain/caller';
import { authenticateAccessToken } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { oneOf, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getUserAttributeVerificationCode: Operation = {
  access: 'token',
  async run(s, request) {
    const { input } = request;
    const { pool, user, client } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const message = { source: 'CustomMessage_VerifyUserAttribute', caller: callerOf(request, client.clientId) } as const;
    const attribute = oneOf('AttributeName', requiredString(input, 'AttributeName', { max: 32 }), ['email', 'phone_number']);
    if (!user.attributes[attribute]) throw new InvalidParameterException(`User has no attribute ${attribute}.`);
    await s.budgets.spend(user, 'send', `VERIFY_${attribute}`);
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, `VERIFY_${attribute}`, attribute, message) };
  },
};
