/**
 * Finding users: by any attribute Cognito can filter on (users(filter)), or by tenant, which
 * Cognito cannot filter (a custom attribute), through the directory's index
 * (usersByAttribute(name: "custom:tenant")). Both give a page of rows and a token for the next.
 */
import type { Session } from '../session/session';
import { type FilterableAttribute, type FilterOperator, type UserRowFragment, UsersByAttributeDocument, UsersDocument } from '../generated/graphql';

export const PAGE_SIZE = 20;
export const TENANT = 'TENANT';

export interface Search {
  by: FilterableAttribute | typeof TENANT;
  match: FilterOperator;
  value: string;
}

export const SEARCH_FIELDS: readonly { value: Search['by']; label: string }[] = [
  { value: 'EMAIL', label: 'Email' },
  { value: 'NAME', label: 'Name' },
  { value: 'GIVEN_NAME', label: 'Given name' },
  { value: 'FAMILY_NAME', label: 'Family name' },
  { value: 'PREFERRED_USERNAME', label: 'Preferred username' },
  { value: 'PHONE_NUMBER', label: 'Phone number' },
  { value: 'USERNAME', label: 'Username' },
  { value: 'SUB', label: 'Sub' },
  { value: 'STATUS', label: 'Status (e.g. CONFIRMED)' },
  { value: 'ENABLED', label: 'Enabled ("Enabled" or "Disabled")' },
  { value: TENANT, label: 'Tenant' },
];

export interface UserPage {
  rows: UserRowFragment[];
  nextToken: string | null;
}

export async function searchUsers(session: Session, search: Search, nextToken: string | undefined): Promise<UserPage> {
  const value = search.value.trim();
  if (search.by === TENANT) {
    if (!value) return { rows: [], nextToken: null };
    const data = await session.call(UsersByAttributeDocument, { name: 'custom:tenant', value, limit: PAGE_SIZE, nextToken });
    const page = data.usersByAttribute;
    return {
      rows: (page?.items ?? []).map((item) => item.user ?? { username: item.username, email: item.email, name: null, status: 'UNKNOWN', enabled: item.enabled, createdAt: item.createdAt, groups: null }),
      nextToken: page?.nextToken ?? null,
    };
  }
  const filter = value ? { attribute: search.by, operator: search.match, value } : undefined;
  const data = await session.call(UsersDocument, { filter, limit: PAGE_SIZE, nextToken });
  return { rows: data.users?.items ?? [], nextToken: data.users?.nextToken ?? null };
}
