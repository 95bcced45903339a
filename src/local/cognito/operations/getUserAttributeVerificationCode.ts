import { authenticateAccessToken } from '../domain/lookup';
import { InvalidParameterException } from '../errors';
import { oneOf, requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getUserAttributeVerificationCode: Operation = {
  access: 'token',
  async run(s, { input }) {
    const { pool, user } = await authenticateAccessToken(s, requiredString(input, 'AccessToken', rules.token));
    const attribute = oneOf('AttributeName', requiredString(input, 'AttributeName', { max: 32 }), ['email', 'phone_number']);
    if (!user.attributes[attribute]) throw new InvalidParameterException(`User has no attribute ${attribute}.`);
    await s.budgets.spend(user, 'send', `VERIFY_${attribute}`);
    return { CodeDeliveryDetails: await s.codes.issue(pool, user, `VERIFY_${attribute}`, attribute) };
  },
};
