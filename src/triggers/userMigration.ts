/**
 * UserMigration: people from the legacy directory sign in with their old password, without a
 * reset. On UserMigration_Authentication the password is checked against the legacy hash and
 * the user is created CONFIRMED, their email verified, with no welcome message; on
 * UserMigration_ForgotPassword (no password) they are created RESET_REQUIRED so the reset goes on.
 *
 * An unknown name and a wrong password throw the same refusal (the engine, like Cognito, turns it
 * into the answer a name nobody has gets), and take about the same time: an unknown name is
 * checked against a decoy hash of the directory's usual kind and cost. The password is never
 * logged, and is not handed back in the returned event.
 */
import type { UserMigrationTriggerEvent } from 'aws-lambda';
import type { HandlerDeps } from './deps';
import type { LegacyDirectory, LegacyUser } from './legacy/legacyDirectory';
import { verifyLegacyPassword } from './legacy/passwords';
import { TriggerRefusal, Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

export const NOT_MIGRATED = 'Incorrect username or password.';

/** Attributes a new user may be given (Cognito sets sub and the cognito: ones itself). */
const MIGRATABLE = /^(custom:[\w-]{1,20}|name|given_name|family_name|middle_name|nickname|preferred_username|profile|picture|website|gender|birthdate|zoneinfo|locale|phone_number|address)$/;

function migratedAttributes(user: LegacyUser): Record<string, string> {
  const attributes = Object.fromEntries(Object.entries(user.attributes).filter(([name, value]) => MIGRATABLE.test(name) && typeof value === 'string' && value !== ''));
  return user.email ? { ...attributes, email: user.email, email_verified: 'true' } : attributes;
}

async function passwordMatches(legacy: LegacyDirectory | undefined, user: LegacyUser | undefined, password: string): Promise<boolean> {
  if (user) return verifyLegacyPassword(user.passwordHash, password);
  // Spend what checking a known name's password costs, then refuse.
  if (legacy) await verifyLegacyPassword(await legacy.decoyHash(), password);
  return false;
}

export function userMigration({ legacy }: HandlerDeps): Trigger<UserMigrationTriggerEvent> {
  return async (event) => {
    const password = event.request.password ?? '';
    const user = legacy && (await legacy.find(event.userName));
    const answer = { ...event, request: { ...event.request, password: '' } };
    if (event.triggerSource === 'UserMigration_Authentication') {
      if (!(await passwordMatches(legacy, user, password)) || !user) throw new TriggerRefusal(NOT_MIGRATED);
      answer.response = { ...event.response, userAttributes: migratedAttributes(user), finalUserStatus: 'CONFIRMED', messageAction: 'SUPPRESS' };
      return answer;
    }
    if (!user) throw new TriggerRefusal(NOT_MIGRATED);
    answer.response = { ...event.response, userAttributes: migratedAttributes(user), finalUserStatus: 'RESET_REQUIRED', messageAction: 'SUPPRESS' };
    return answer;
  };
}

/** The deployed Lambda function (UserMigration). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.UserMigration, userMigration);
