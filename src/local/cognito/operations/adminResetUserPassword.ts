import { callerOf } from '../domain/caller';
import { requirePool, requireUser } from '../domain/lookup';
import { requiredString, rules } from '../params';
import type { Operation } from '../services';

/**
 * Marks the password for reset: the next sign-in answers PasswordResetRequiredException, and a
 * reset code goes to the user's verified email or phone, if they have one.
 */
export const adminResetUserPassword: Operation = {
  access: 'iam',
  async run(s, request) {
    const { input } = request;
    const pool = await requirePool(s, requiredString(input, 'UserPoolId', rules.poolId));
    const user = await requireUser(s, pool, requiredString(input, 'Username', rules.username));
    const caller = callerOf(request);
    const updated = await s.users.update(pool.poolId, user.usernameKey, { set: { status: 'RESET_REQUIRED', modifiedAt: s.clock.now() } });
    const attribute = ['email', 'phone_number'].find((a) => user.attributes[a] && user.attributes[`${a}_verified`] === 'true');
    if (updated && attribute) await s.codes.issue(pool, updated, 'FORGOT_PASSWORD', attribute, { source: 'CustomMessage_ForgotPassword', caller });
    return {};
  },
};
