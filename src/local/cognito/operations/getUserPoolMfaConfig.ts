import { requirePool } from '../domain/lookup';
import { describeMfaConfig } from '../domain/mfa/poolMfa';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const getUserPoolMfaConfig: Operation = {
  access: 'iam',
  async run(s, { input }) {
    return describeMfaConfig(await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId)));
  },
};
