import { callerOf } from '../domain/caller';
import { requirePool, requireUser } from '../domain/lookup';
import { postConfirmation } from '../domain/triggers/postConfirmation';
import { NotAuthorizedException } from '../errors';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

export const adminConfirmSignUp: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const caller = callerOf(request);
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const updated =
      user.status === 'UNCONFIRMED' &&
      (await s.users.update(pool.poolId, user.usernameKey, {
        set: { status: 'CONFIRMED', modifiedAt: s.clock.now() },
        expect: { status: 'UNCONFIRMED' },
      }));
    if (!updated) throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status === 'UNCONFIRMED' ? 'CONFIRMED' : user.status}`);
    await postConfirmation(s, pool, caller, 'PostConfirmation_ConfirmSignUp', updated);
    return {};
  },
};
