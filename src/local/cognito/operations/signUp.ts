import { assertClientMayWrite, validateAttributes } from '../domain/attributes';
import { callerOf } from '../domain/caller';
import { requireClient } from '../domain/lookup';
import { storedPassword } from '../domain/credentials';
import { newUserRecord, storeUser, verificationAttribute } from '../domain/newUser';
import { assertPasswordMeetsPolicy } from '../domain/passwordPolicy';
import { assertSecretHash } from '../domain/secretHash';
import { postConfirmation } from '../domain/triggers/postConfirmation';
import { preSignUp, validationDataOf } from '../domain/triggers/preSignUp';
import { NotAuthorizedException } from '../errors';
import { optionalList, optionalString, requiredString, rules } from '../params';
import type { Operation } from '../services';

/**
 * PreSignUp sees the user before it is stored and may confirm it at once: then no code is sent,
 * UserConfirmed is true, and PostConfirmation runs (its failure fails the request, the user stays).
 */
export const signUp: Operation = {
  access: 'public',
  async run(s, request) {
    const { input } = request;
    const { client, pool } = await requireClient(s, requiredString(input, 'ClientId', rules.clientId));
    const username = requiredString(input, 'Username', rules.username);
    const password = requiredString(input, 'Password', rules.password);
    const secretHash = optionalString(input, 'SecretHash', rules.secretHash);
    const attributes = validateAttributes(pool, optionalList(input, 'UserAttributes', 100), 'create');
    const caller = callerOf(request, client.clientId);
    assertClientMayWrite(client, Object.keys(attributes));
    assertSecretHash(client, username, secretHash);
    if (pool.settings.AdminCreateUserOnly) throw new NotAuthorizedException('SignUp is not permitted for this user pool');
    assertPasswordMeetsPolicy(password, pool.settings.PasswordPolicy);
    const draft = newUserRecord(s, pool, { username, attributes, passwordHash: '', status: 'UNCONFIRMED' });
    const decision = await preSignUp(s, pool, caller, 'PreSignUp_SignUp', draft, validationDataOf(input));
    const user = await storeUser(
      s,
      pool,
      {
        ...draft,
        ...(await storedPassword(s, pool.poolId, draft.username, password)),
        status: decision.autoConfirm ? 'CONFIRMED' : 'UNCONFIRMED',
        attributes: { ...draft.attributes, ...decision.verified },
      },
      { takeOverAliases: Object.keys(decision.verified).length > 0 },
    );
    if (decision.autoConfirm) {
      await postConfirmation(s, pool, caller, 'PostConfirmation_ConfirmSignUp', user);
      return { UserConfirmed: true, UserSub: user.sub };
    }
    const attribute = verificationAttribute(pool, user);
    const delivery = attribute ? await s.codes.issue(pool, user, 'SIGN_UP', attribute, { source: 'CustomMessage_SignUp', caller }) : undefined;
    return { UserConfirmed: false, UserSub: user.sub, CodeDeliveryDetails: delivery };
  },
};
