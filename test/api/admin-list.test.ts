/**
 * Listing users over a pool of a few hundred: every page followed to the end gives each user
 * exactly once; filters on email, status and enabled; and the per-request loaders fetch each
 * listed user's groups from Cognito once, however often the query asks.
 */
import type { UserFilterInput } from '../generated/graphql';
import { UsersDocument, UsersWithGroupsDocument } from '../generated/graphql';
import { ADMIN_EMAIL, startTestApi, TestApi } from '../support/api';
import { adminToken, collectPages, disableUsers, engineCalls, expectPaged, seedUsers } from '../support/admin';

const SEEDED = 240;
const bulkEmail = (i: number) => `bulk-${String(i).padStart(3, '0')}@example.com`;
const EMAILS = Array.from({ length: SEEDED }, (_, i) => bulkEmail(i));
const DISABLED = [bulkEmail(7), bulkEmail(77), bulkEmail(177)];
/** Everyone in the pool: the seeded admin and the bulk users. */
const EVERYONE = [ADMIN_EMAIL, ...EMAILS];

let t: TestApi;
let token: string;
beforeAll(async () => {
  t = await startTestApi();
  token = await adminToken(t);
  await seedUsers(t, EMAILS);
  await disableUsers(t, DISABLED);
}, 120_000);
afterAll(() => t.stop());

async function page(limit: number, nextToken?: string, filter?: UserFilterInput) {
  const response = await t.gql(UsersDocument, { limit, nextToken, filter }, { token });
  expect(response.errors).toBeUndefined();
  const users = response.data!.users!;
  expect(users.items.length).toBeLessThanOrEqual(limit);
  return users;
}

/** Every user matching `filter` (all pages of `limit`), by email. */
async function allEmails(limit: number, filter?: UserFilterInput): Promise<string[]> {
  const { items, sizes } = await collectPages((nextToken) => page(limit, nextToken, filter));
  expectPaged(sizes, limit, items.length);
  return items.map((u) => u.email!);
}

const sorted = (emails: string[]) => [...emails].sort();

describe('pagination', () => {
  test('pages of 25 give every user exactly once', async () => {
    const emails = await allEmails(25);
    expect(new Set(emails).size).toBe(emails.length);
    expect(sorted(emails)).toEqual(sorted(EVERYONE));
  });

  test('full pages of 60 until the last one', async () => {
    const first = await page(60);
    expect(first.items).toHaveLength(60);
    expect(first.nextToken).toEqual(expect.any(String));
    expect(await allEmails(60)).toHaveLength(EVERYONE.length);
  });

  test('the default page size is 20', async () => {
    const response = await t.gql(UsersDocument, {}, { token });
    expect(response.data?.users?.items).toHaveLength(20);
  });
});

describe('filters', () => {
  test('EMAIL EQUALS: exactly that user', async () => {
    expect(await allEmails(25, { attribute: 'EMAIL', operator: 'EQUALS', value: bulkEmail(42) })).toEqual([bulkEmail(42)]);
  });

  test('EQUALS is the default operator', async () => {
    expect(await allEmails(25, { attribute: 'EMAIL', value: bulkEmail(43) })).toEqual([bulkEmail(43)]);
  });

  test('EMAIL STARTS_WITH, across several pages', async () => {
    const emails = await allEmails(25, { attribute: 'EMAIL', operator: 'STARTS_WITH', value: 'bulk-1' });
    const expected = EMAILS.filter((e) => e.startsWith('bulk-1'));
    expect(expected).toHaveLength(100);
    expect(sorted(emails)).toEqual(expected);
  });

  test('a filter nobody matches: one empty page', async () => {
    const response = await page(25, undefined, { attribute: 'EMAIL', operator: 'STARTS_WITH', value: 'nobody' });
    expect(response).toEqual({ items: [], nextToken: null });
  });

  test('STATUS: the invited users wait for a first sign-in; only the admin is confirmed', async () => {
    expect(await allEmails(60, { attribute: 'STATUS', value: 'CONFIRMED' })).toEqual([ADMIN_EMAIL]);
    expect(sorted(await allEmails(60, { attribute: 'STATUS', value: 'FORCE_CHANGE_PASSWORD' }))).toEqual(EMAILS);
  });

  test('ENABLED: Disabled and Enabled split the pool', async () => {
    expect(sorted(await allEmails(25, { attribute: 'ENABLED', value: 'Disabled' }))).toEqual(sorted(DISABLED));
    const enabled = await allEmails(60, { attribute: 'ENABLED', value: 'Enabled' });
    expect(sorted(enabled)).toEqual(sorted(EVERYONE.filter((e) => !DISABLED.includes(e))));
  });

  test('every item says what the filter matched on', async () => {
    const { items } = await page(25, undefined, { attribute: 'ENABLED', value: 'Disabled' });
    for (const user of items) expect(user).toMatchObject({ enabled: false, status: 'FORCE_CHANGE_PASSWORD' });
  });
});

describe('loaders', () => {
  const usersWithGroups = (limit: number, nextToken?: string) => t.gql(UsersWithGroupsDocument, { limit, nextToken }, { token });

  test("each listed user's groups are fetched from Cognito once, though the query asks twice", async () => {
    let items: { username: string; groups?: { name: string }[] | null; again?: { name: string }[] | null }[] = [];
    const calls = await engineCalls(t, async () => {
      const response = await usersWithGroups(25);
      expect(response.errors).toBeUndefined();
      items = response.data!.users!.items;
    });
    expect(items).toHaveLength(25);
    expect(new Set(items.map((u) => u.username)).size).toBe(25);
    expect(calls.get('ListUsers')).toBe(1);
    expect(calls.get('AdminListGroupsForUser')).toBe(items.length);
    for (const user of items) expect(user.again).toEqual(user.groups);
  });

  test('the cache is per request: a second request fetches again', async () => {
    const first = await usersWithGroups(10);
    const calls = await engineCalls(t, () => usersWithGroups(10, undefined));
    expect(first.data?.users?.items).toHaveLength(10);
    expect(calls.get('AdminListGroupsForUser')).toBe(10);
  });

  test("the admin's groups come through the loader too", async () => {
    const { items } = await collectPages(async (nextToken) => (await usersWithGroups(60, nextToken)).data!.users!);
    const admins = items.filter((u) => u.groups?.some((g) => g.name === 'Admins'));
    expect(admins).toHaveLength(1);
    expect(admins[0].again).toEqual([{ name: 'Admins' }]);
  });
});
