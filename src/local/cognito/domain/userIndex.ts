/**
 * The ListUsers index: one entry per (filterable attribute, user), so a filter or a page is one
 * Query on one partition and never a scan of the pool.
 *
 *   LIST#<poolId>#<attribute> / <lower-cased value>\u0000<usernameKey>
 *
 * Entries are kept in step with user writes (users.store.ts). A write interrupted between the
 * user and its entries leaves an entry that no longer matches; ListUsers checks every hit
 * against the user record, so a stale entry is skipped, never returned.
 */
import type { WriteRequest } from '../../../lib/dynamoBatch';
import type { UserRecord } from './model';

/** Cognito's filterable attributes (not custom ones). */
export const FILTERABLE = [
  'username',
  'email',
  'phone_number',
  'name',
  'given_name',
  'family_name',
  'preferred_username',
  'cognito:user_status',
  'status',
  'sub',
] as const;
export type Filterable = (typeof FILTERABLE)[number];

const SEPARATOR = '\u0000';

export const indexPartition = (poolId: string, attribute: Filterable): string => `LIST#${poolId}#${attribute}`;

/** The value a user has for a filterable attribute, as ListUsers compares it. */
export function filterValue(user: UserRecord, attribute: Filterable): string | undefined {
  switch (attribute) {
    case 'username':
      return user.username;
    case 'sub':
      return user.sub;
    case 'cognito:user_status':
      return user.status;
    case 'status':
      return user.enabled ? 'Enabled' : 'Disabled';
    default:
      return user.attributes[attribute] || undefined;
  }
}

export const sortKey = (value: string, usernameKey: string): string => `${value.toLowerCase()}${SEPARATOR}${usernameKey}`;

/** Prefix of the sort keys that match `value` exactly, or that start with it. */
export const matchPrefix = (value: string, exact: boolean): string => `${value.toLowerCase()}${exact ? SEPARATOR : ''}`;

function entries(user: UserRecord): Map<string, { pk: string; sk: string }> {
  const result = new Map<string, { pk: string; sk: string }>();
  for (const attribute of FILTERABLE) {
    const value = filterValue(user, attribute);
    if (value) result.set(attribute, { pk: indexPartition(user.poolId, attribute), sk: sortKey(value, user.usernameKey) });
  }
  return result;
}

/** The writes that bring the index from `before` to `after` (either may be absent). */
export function indexChanges(before: UserRecord | undefined, after: UserRecord | undefined): WriteRequest[] {
  const old = before ? entries(before) : new Map();
  const next = after ? entries(after) : new Map();
  const writes: WriteRequest[] = [];
  for (const [attribute, key] of old) {
    if (next.get(attribute)?.sk !== key.sk) writes.push({ delete: key });
  }
  for (const [attribute, key] of next) {
    if (old.get(attribute)?.sk !== key.sk) writes.push({ put: { ...key, usernameKey: after!.usernameKey } });
  }
  return writes;
}
