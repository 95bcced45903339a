/**
 * Requests that try automatic persisted queries get a clean PERSISTED_QUERY_NOT_SUPPORTED (APQ
 * is off), whatever the extension says; and production validation errors describe no schema.
 */
import { createHash } from 'node:crypto';
import { LIMITS } from '../../src/limits/caps';
import { API_KEY, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { expectNoInternals } from '../support/expect';

const QUERY = '{ __typename }';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('persisted queries', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.stop());

  function expectNotSupported(response: GraphQLResponse<unknown>): void {
    expectNoInternals(response);
    expect(response.status).toBe(200);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toEqual([
      {
        message: 'Persisted queries are not supported: send the query text.',
        errorType: 'PersistedQueryNotSupportedException',
        extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED', errorType: 'PersistedQueryNotSupportedException' },
      },
    ]);
  }

  test.each([
    ['a hash that does not match the query', { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ me { sub } }') } } }],
    ['the matching hash with the query (registering it)', { query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } } }],
    ['an unknown hash alone', { extensions: { persistedQuery: { version: 1, sha256Hash: sha256('never sent') } } }],
    ['version 2', { query: QUERY, extensions: { persistedQuery: { version: 2, sha256Hash: sha256(QUERY) } } }],
  ])('%s', async (_name, body) => {
    expectNotSupported(await t.raw(body, { apiKey: API_KEY }));
  });

  test('over GET, as Apollo clients send a hash first', async () => {
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: sha256(QUERY) } });
    const response = await fetch(`${t.url}?extensions=${encodeURIComponent(extensions)}`, { headers: { 'x-api-key': API_KEY, 'apollo-require-preflight': 'true' } });
    expectNotSupported({ status: response.status, ...((await response.json()) as object) });
  });
});

describe('in production', () => {
  let prod: TestApi;
  beforeAll(async () => {
    prod = await startTestApi({ production: true });
  });
  afterAll(() => prod.stop());

  const key = { apiKey: API_KEY };

  test.each([
    ['a misspelled field', 'mutation { signIn(input: { username: "a", password: "b" }) { isSigndIn } }'],
    ['a misspelled argument', 'mutation { signIn(inptu: { username: "a", password: "b" }) { isSignedIn } }'],
    ['a misspelled input field', 'mutation { signIn(input: { usernme: "a", password: "b" }) { isSignedIn } }'],
    ['an unknown type', 'mutation ($i: SignInInpt!) { signIn(input: $i) { isSignedIn } }'],
    ['a missing selection', 'mutation { signIn(input: { username: "a", password: "b" }) }'],
  ])('%s: a validation error that names no type or field and suggests nothing', async (_name, query) => {
    const response = await prod.raw({ query }, key);
    expectNoInternals(response);
    expect(response.status).toBe(400);
    for (const error of response.errors!) {
      expect(error).toMatchObject({ message: 'The query is not valid for this API.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
      expect(JSON.stringify(error)).not.toMatch(/Did you mean|SignIn|signIn|isSign|usern/);
    }
  });

  test('a misspelled variable field: the path, but no suggestion', async () => {
    const query = 'mutation SignIn($input: SignInInput!) { signIn(input: $input) { isSignedIn } }';
    const response = await prod.raw({ query, variables: { input: { username: 'a', password: 'b', usernme: 'c' } } }, key);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).not.toMatch(/Did you mean/);
    expect(response.errors?.[0].message).toMatch(/usernme/);
  });

  test('the same mistakes are explained in development', async () => {
    const dev = await startTestApi();
    try {
      const response = await dev.raw({ query: 'mutation { signIn(input: { username: "a", password: "b" }) { isSigndIn } }' }, key);
      expect(response.errors?.[0].message).toBe('Cannot query field "isSigndIn" on type "SignInResult". Did you mean "isSignedIn"?');
    } finally {
      await dev.stop();
    }
  });

  test('the limits still say which limit and its number', async () => {
    const query = `{ ${Array.from({ length: LIMITS.aliases + 1 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const response = await prod.raw({ query }, key);
    expect(response.errors?.[0]).toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', maximum: LIMITS.aliases },
      message: `The operation has ${LIMITS.aliases + 1} aliases, counting fragments where they are spread; the limit is ${LIMITS.aliases}.`,
    });
  });

  test('persisted queries are refused the same way', async () => {
    const response = await prod.raw({ query: QUERY, extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }, key);
    expect(response.errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_SUPPORTED');
  });
});
