/**
 * Changing a user's attributes while keeping sign-in names unique: a new email or phone that
 * the user signs in with is claimed before the user record changes, and the old one released
 * after. A changed email or phone becomes unverified (unless an admin says otherwise).
 */
import { AliasExistsException, ConcurrentModificationException, InvalidParameterException, UserNotFoundException, messages } from '../errors';
import type { EngineServices } from '../services';
import { signInNames } from './lookup';
import type { PoolRecord, UserRecord } from './model';
import { NameTakenError } from './users.store';

const CONTACTS = ['email', 'phone_number'] as const;
/** What signInNames reads besides the sub. */
const NAME_ATTRIBUTES = ['email', 'email_verified', 'phone_number', 'phone_number_verified', 'preferred_username'];

export interface AttributeChangeResult {
  user: UserRecord;
  /** Contact attributes whose value changed and are not verified now. */
  unverified: string[];
}

export async function changeAttributes(
  s: EngineServices,
  pool: PoolRecord,
  user: UserRecord,
  set: Record<string, string>,
  remove: string[] = [],
): Promise<AttributeChangeResult> {
  const next = { ...user.attributes, ...set };
  for (const name of remove) delete next[name];
  const unverified: string[] = [];
  for (const contact of CONTACTS) {
    const changed = next[contact] !== user.attributes[contact];
    if (changed && set[`${contact}_verified`] === undefined) {
      if (next[contact]) {
        next[`${contact}_verified`] = 'false';
        unverified.push(contact);
      } else delete next[`${contact}_verified`];
    }
    if (changed && !next[contact] && pool.settings.UsernameAttributes.includes(contact)) {
      throw new InvalidParameterException(`Cannot delete ${contact}: it is the user's sign-in name.`);
    }
  }
  const before = signInNames(pool, user);
  const after = signInNames(pool, { ...user, attributes: next });
  const sameName = (a: { kind: string; value: string }) => (b: { kind: string; value: string }) =>
    a.kind === b.kind && a.value.toLowerCase() === b.value.toLowerCase();
  const added = after.filter((n) => !before.some(sameName(n)));
  const dropped = before.filter((n) => !after.some(sameName(n)));
  const claimed = [];
  try {
    for (const name of added) {
      await s.users.claimName(pool.poolId, name, user.usernameKey);
      claimed.push(name);
    }
  } catch (error) {
    for (const name of claimed) await s.users.releaseName(pool.poolId, name, user.usernameKey);
    if (error instanceof NameTakenError) throw new AliasExistsException(`An account with the given ${error.kind} already exists.`);
    throw error;
  }
  const setAttributes = Object.fromEntries(Object.entries(next).filter(([k, v]) => user.attributes[k] !== v));
  const removeAttributes = Object.keys(user.attributes).filter((k) => !(k in next));
  const updated = await s.users.update(pool.poolId, user.usernameKey, {
    set: { modifiedAt: s.clock.now() },
    setAttributes,
    removeAttributes,
    // Only if the attributes that make sign-in names are still as read: a racing change must not
    // leave this one's claims behind, pointing at a user who no longer has those addresses.
    expectAttributes: Object.fromEntries(NAME_ATTRIBUTES.map((a) => [a, user.attributes[a]])),
  });
  if (!updated) {
    for (const name of claimed) await s.users.releaseName(pool.poolId, name, user.usernameKey);
    if (await s.users.get(pool.poolId, user.usernameKey)) {
      throw new ConcurrentModificationException('The user was changed by another request; try again.');
    }
    throw new UserNotFoundException(messages.userNotFound);
  }
  for (const name of dropped) await s.users.releaseName(pool.poolId, name, user.usernameKey);
  return { user: updated, unverified };
}
