/**
 * UserMigration: a password sign-in (UserMigration_Authentication, with the password typed) or a
 * ForgotPassword (UserMigration_ForgotPassword, no password) names someone the pool does not
 * know. The function may vouch for them from a legacy directory; the user is then created with
 * the attributes it returns, the password hashed as any other (argon2id), with finalUserStatus
 * CONFIRMED (or RESET_REQUIRED; always RESET_REQUIRED from ForgotPassword, which has no password),
 * and the request carries on as for an existing user.
 *
 * A handler throws for a name its directory does not know, or a wrong password: that is not an
 * error to show (it would tell who exists), so it ends here as "not migrated" and the caller gives
 * the answer a name nobody has gets. Failures to run the function at all still surface.
 *
 * The event carries the password; like every event it is never logged.
 */
import { UserLambdaValidationException, UsernameExistsException } from '../../errors';
import type { EngineServices } from '../../services';
import { validateAttributes } from '../attributes';
import type { Caller } from '../caller';
import { sendWelcome } from '../invite';
import { findUser } from '../lookup';
import type { PoolRecord, UserRecord } from '../model';
import { storedPassword } from '../credentials';
import { newUserRecord, storeUser } from '../newUser';
import { fireTrigger, hasTrigger } from './event';
import type { TriggerResponse } from './invoker';
import { badOutput, booleanField, oneOfField, stringListField, stringMapField } from './responseShape';

export type MigrationSource = 'UserMigration_Authentication' | 'UserMigration_ForgotPassword';

export const canMigrate = (pool: PoolRecord): boolean => hasTrigger(pool, 'UserMigration');

async function askLegacyDirectory(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  source: MigrationSource,
  userName: string,
  password: string | undefined,
): Promise<TriggerResponse | undefined> {
  try {
    return await fireTrigger(s.triggers, pool, caller, {
      trigger: 'UserMigration',
      triggerSource: source,
      userName,
      request: { ...(password === undefined ? {} : { password }), validationData: caller.validationData, clientMetadata: caller.clientMetadata },
      response: { userAttributes: null, finalUserStatus: null, messageAction: null, desiredDeliveryMediums: null, forceAliasCreation: null, enableSMSMFA: null },
    });
  } catch (error) {
    if (error instanceof UserLambdaValidationException) return undefined;
    throw error;
  }
}

/**
 * Migrates `userName` through the pool's UserMigration trigger: the stored user, or undefined when
 * the pool has no such trigger or the function does not vouch for the name.
 */
export async function migrateUser(
  s: EngineServices,
  pool: PoolRecord,
  caller: Caller,
  source: MigrationSource,
  userName: string,
  password?: string,
): Promise<UserRecord | undefined> {
  if (!canMigrate(pool)) return undefined;
  const response = await askLegacyDirectory(s, pool, caller, source, userName, password);
  if (!response) return undefined;
  const given = stringMapField(response, 'userAttributes');
  if (!given) throw badOutput('userAttributes is required.');
  const finalStatus = oneOfField(response, 'finalUserStatus', ['CONFIRMED', 'RESET_REQUIRED'] as const);
  const messageAction = oneOfField(response, 'messageAction', ['SUPPRESS', 'RESEND'] as const);
  const mediums = stringListField(response, 'desiredDeliveryMediums') ?? ['SMS'];
  if (mediums.some((m) => m !== 'EMAIL' && m !== 'SMS')) throw badOutput();
  const forceAliasCreation = booleanField(response, 'forceAliasCreation') ?? false;
  const attributes = validateAttributes(pool, Object.entries(given).map(([Name, Value]) => ({ Name, Value })), 'admin-create');
  const draft = newUserRecord(s, pool, {
    username: userName,
    attributes,
    passwordHash: '',
    status: source === 'UserMigration_ForgotPassword' ? 'RESET_REQUIRED' : (finalStatus ?? 'CONFIRMED'),
  });
  // No password comes with a ForgotPassword: one that matches nothing until the reset sets one.
  const user = password === undefined ? draft : { ...draft, ...(await storedPassword(s, pool.poolId, draft.username, password)) };
  try {
    await storeUser(s, pool, user, { takeOverAliases: forceAliasCreation });
  } catch (error) {
    // A parallel request migrated the same name first: carry on with that user.
    if (!(error instanceof UsernameExistsException)) throw error;
    return (await findUser(s, pool, userName)).user;
  }
  if (messageAction !== 'SUPPRESS') sendWelcome(s, pool, user, mediums);
  return user;
}
