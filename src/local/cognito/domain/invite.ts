/** Temporary passwords, the invitation message for admin-created users, and the welcome message for migrated ones. */
import { randomInt } from 'node:crypto';
import type { EngineServices } from '../services';
import type { Caller } from './caller';
import type { PasswordPolicy, PoolRecord, UserRecord } from './model';

const SETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', '!#$%&*+-=?@^_'];

/** A random password that satisfies the pool's policy: every character class, shuffled. */
export function generateTemporaryPassword(policy: PasswordPolicy): string {
  const length = Math.max(policy.MinimumLength, 12);
  const all = SETS.join('');
  const chars = SETS.map((set) => set[randomInt(set.length)]);
  while (chars.length < length) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}

/** Where an admin-created or migrated user's first message goes: the mediums asked for that the user has an address for, email otherwise. */
function mediumsFor(user: UserRecord, asked: string[]): ('EMAIL' | 'SMS')[] {
  const sms = asked.includes('SMS') && !!user.attributes.phone_number;
  const email = (asked.includes('EMAIL') || !sms) && !!user.attributes.email;
  return [...(email ? (['EMAIL'] as const) : []), ...(sms ? (['SMS'] as const) : [])];
}

const addressFor = (user: UserRecord, medium: 'EMAIL' | 'SMS'): string => (medium === 'EMAIL' ? user.attributes.email : user.attributes.phone_number);

/** The name the user signs in with: the email in a pool that signs in with it, else the username. */
const signInNameOf = (pool: PoolRecord, user: UserRecord): string =>
  user.attributes.email && pool.settings.UsernameAttributes.includes('email') ? user.attributes.email : user.username;

/**
 * Sends the invitation (username and temporary password) to the user's email, or phone, composed
 * through the CustomMessage trigger (CustomMessage_AdminCreateUser). Every message is composed
 * before any is sent, so a refused one sends none.
 */
export async function sendInvitation(
  s: EngineServices,
  pool: PoolRecord,
  user: UserRecord,
  temporaryPassword: string,
  mediums: string[],
  caller: Caller,
): Promise<void> {
  const signInName = signInNameOf(pool, user);
  const standard = { subject: 'Your temporary password', body: `Your username is ${signInName} and temporary password is ${temporaryPassword}` };
  const messages = await Promise.all(
    mediumsFor(user, mediums).map(async (medium) => ({
      medium,
      text: await s.messages.compose({ pool, user, caller, source: 'CustomMessage_AdminCreateUser', medium, standard, code: temporaryPassword, username: signInName }),
    })),
  );
  const sentAt = new Date(s.clock.now()).toISOString();
  for (const { medium, text } of messages) {
    s.outbox.deliver({
      poolId: pool.poolId,
      username: user.username,
      purpose: 'INVITE',
      code: temporaryPassword,
      sentAt,
      medium,
      to: addressFor(user, medium),
      subject: medium === 'EMAIL' ? text.subject : '',
      body: text.body,
    });
  }
}

/** The welcome message Cognito sends a user UserMigration brought in (unless it said SUPPRESS); it carries no code. */
export function sendWelcome(s: EngineServices, pool: PoolRecord, user: UserRecord, mediums: string[]): void {
  const sentAt = new Date(s.clock.now()).toISOString();
  for (const medium of mediumsFor(user, mediums)) {
    s.outbox.deliver({
      poolId: pool.poolId,
      username: user.username,
      purpose: 'WELCOME',
      sentAt,
      medium,
      to: addressFor(user, medium),
      subject: medium === 'EMAIL' ? 'Welcome' : '',
      body: `Welcome. Your username is ${signInNameOf(pool, user)}.`,
    });
  }
}
