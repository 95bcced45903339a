/** Temporary passwords and the invitation message for admin-created users. */
import { randomInt } from 'node:crypto';
import type { EngineServices } from '../services';
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

/** Sends the invitation (username and temporary password) to the user's email, or phone. */
export function sendInvitation(s: EngineServices, pool: PoolRecord, user: UserRecord, temporaryPassword: string, mediums: string[]): void {
  const wantsSms = mediums.includes('SMS') && user.attributes.phone_number;
  const wantsEmail = (mediums.includes('EMAIL') || !wantsSms) && user.attributes.email;
  const signInName = user.attributes.email && pool.settings.UsernameAttributes.includes('email') ? user.attributes.email : user.username;
  const body = `Your username is ${signInName} and temporary password is ${temporaryPassword}`;
  const base = { poolId: pool.poolId, username: user.username, purpose: 'INVITE', code: temporaryPassword, sentAt: new Date(s.clock.now()).toISOString() };
  if (wantsEmail) s.outbox.deliver({ ...base, medium: 'EMAIL', to: user.attributes.email, subject: 'Your temporary password', body });
  if (wantsSms) s.outbox.deliver({ ...base, medium: 'SMS', to: user.attributes.phone_number, subject: '', body });
}
