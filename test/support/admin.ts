/**
 * Helpers for the admin end-to-end tests: the seeded admin's token, more admins and group
 * members made through the API, users seeded in bulk straight through the engine's SDK (the
 * way an import job would), page collection, and a count of the Cognito calls the API makes.
 */
import { AdminCreateUserCommand, AdminDisableUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { mapWithConcurrency } from '../../src/datasources/concurrency';
import { AdminAddUserToGroupDocument, CreateGroupDocument } from '../generated/graphql';
import { ADMIN_EMAIL, ADMIN_PASSWORD, TestApi } from './api';
import { SignedInUser, signedUpUser, signInTokens } from './users';

export const ADMINS = 'Admins';

/** A fresh access token of the seeded admin (the only member of Admins in a new world). */
export async function adminToken(t: TestApi): Promise<string> {
  return (await signInTokens(t, ADMIN_EMAIL, ADMIN_PASSWORD)).accessToken;
}

/** Fails loudly when an admin call that a test relies on did not succeed. */
function must<T>(response: { data?: T | null; errors?: unknown[] }, what: string): T {
  if (response.errors || !response.data) throw new Error(`${what} failed: ${JSON.stringify(response.errors)}`);
  return response.data;
}

export async function addToGroup(t: TestApi, token: string, username: string, groupName: string): Promise<void> {
  must(await t.gql(AdminAddUserToGroupDocument, { username, groupName }, { token }), `adding ${username} to ${groupName}`);
}

export async function createGroup(t: TestApi, token: string, name: string): Promise<void> {
  must(await t.gql(CreateGroupDocument, { input: { name } }, { token }), `creating group ${name}`);
}

/** A signed-up user added to `groupName` by `adminAccessToken`, signed in again so the tokens carry it. */
export async function memberOf(t: TestApi, adminAccessToken: string, email: string, groupName: string): Promise<SignedInUser> {
  const user = await signedUpUser(t, email);
  await addToGroup(t, adminAccessToken, user.sub, groupName);
  return { ...user, ...(await signInTokens(t, email)) };
}

/** Runs `task` with an SDK client for the engine's admin API (as an operator or import job would). */
export async function withEngineSdk<T>(t: TestApi, task: (sdk: CognitoIdentityProviderClient, poolId: string) => Promise<T>): Promise<T> {
  const { engine, pool } = t.world;
  const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials });
  try {
    return await task(sdk, pool.userPoolId);
  } finally {
    sdk.destroy();
  }
}

/** Creates users without invitations (FORCE_CHANGE_PASSWORD, verified email), a few at a time. */
export async function seedUsers(t: TestApi, emails: readonly string[], concurrency = 8): Promise<void> {
  await withEngineSdk(t, (sdk, UserPoolId) =>
    mapWithConcurrency(emails, concurrency, (email) =>
      sdk.send(
        new AdminCreateUserCommand({
          UserPoolId,
          Username: email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: email },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      ),
    ),
  );
}

export async function disableUsers(t: TestApi, emails: readonly string[]): Promise<void> {
  await withEngineSdk(t, (sdk, UserPoolId) => mapWithConcurrency(emails, 4, (email) => sdk.send(new AdminDisableUserCommand({ UserPoolId, Username: email }))));
}

/** Follows nextToken from the first page to the last; returns every item in order and each page's size. */
export async function collectPages<T>(fetch: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string | null }>, maxPages = 100) {
  const items: T[] = [];
  const sizes: number[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetch(nextToken);
    items.push(...page.items);
    sizes.push(page.items.length);
    nextToken = page.nextToken ?? undefined;
    if (sizes.length > maxPages) throw new Error(`more than ${maxPages} pages: the nextToken never ends`);
  } while (nextToken);
  return { items, sizes };
}

/**
 * `total` items in pages of `limit`: every page full but the last. Like Cognito, a full last
 * page may still carry a nextToken, which then leads to one empty page.
 */
export function expectPaged(sizes: number[], limit: number, total: number): void {
  const full = Math.floor(total / limit);
  const rest = total % limit;
  const expected = [...Array<number>(full).fill(limit), ...(rest ? [rest] : [])];
  if (rest === 0 && sizes.length === full + 1) expected.push(0);
  expect(sizes).toEqual(expected.length ? expected : [0]);
}

/** The Cognito operations the engine received while `task` ran, counted by name. */
export async function engineCalls(t: TestApi, task: () => Promise<unknown>): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const stop = t.world.engine.observe((operation) => counts.set(operation, (counts.get(operation) ?? 0) + 1));
  try {
    await task();
  } finally {
    stop();
  }
  return counts;
}
