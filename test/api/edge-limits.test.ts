/**
 * The document caps (src/limits/caps.ts), over HTTP with the public API key: one past each is
 * refused whole with QUERY_TOO_COMPLEX naming the limit and its number; at the cap it runs.
 */
import { getIntrospectionQuery } from 'graphql';
import { DocumentLimits, LIMITS } from '../../src/limits/caps';
import { API_KEY, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { expectNoInternals } from '../support/expect';

let t: TestApi;
beforeAll(async () => {
  t = await startTestApi();
});
afterAll(() => t.stop());

const key = { apiKey: API_KEY };
const times = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');

/** Documents with exactly `n` of what each cap counts. */
const WITH: Record<'aliases' | 'fields' | 'directives' | 'tokens', (n: number) => string> = {
  aliases: (n) => `{ ${times(n, (i) => `a${i}: __typename`)} }`,
  fields: (n) => `{ ${times(n, () => '__typename')} }`,
  directives: (n) => `{ ${times(n, () => '__typename @include(if: true)')} }`,
  // `{`, `}` and n - 2 names (directives would count too, so plain names).
  tokens: (n) => `{ ${times(n - 2, () => '__typename')} }`,
};

function expectTooComplex(response: GraphQLResponse<unknown>, limit: keyof DocumentLimits): void {
  expectNoInternals(response);
  expect(response.status).toBe(400);
  expect(response.data ?? null).toBeNull();
  expect(response.errors).toHaveLength(1);
  expect(response.errors![0]).toMatchObject({
    errorType: 'QueryTooComplexException',
    extensions: { code: 'QUERY_TOO_COMPLEX', limit, maximum: LIMITS[limit] },
    message: expect.stringContaining(`the limit is ${LIMITS[limit]}.`),
  });
}

describe.each(['aliases', 'directives'] as const)('%s', (limit) => {
  test(`${LIMITS[limit]} run`, async () => {
    const response = await t.raw({ query: WITH[limit](LIMITS[limit]) }, key);
    expect(response.errors).toBeUndefined();
    expect(response.data).toHaveProperty(limit === 'aliases' ? `a${LIMITS.aliases - 1}` : '__typename', 'Query');
  });

  test(`${LIMITS[limit] + 1} are refused`, async () => {
    expectTooComplex(await t.raw({ query: WITH[limit](LIMITS[limit] + 1) }, key), limit);
  });
});

describe('fields', () => {
  test(`${LIMITS.fields} run`, async () => {
    const response = await t.raw({ query: WITH.fields(LIMITS.fields) }, key);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ __typename: 'Query' });
  });

  test(`${LIMITS.fields + 1} are refused`, async () => {
    expectTooComplex(await t.raw({ query: WITH.fields(LIMITS.fields + 1) }, key), 'fields');
  });

  test('a fragment counts wherever it is spread', async () => {
    const half = LIMITS.fields / 2;
    const query = `{ ...F ...F ... on Query { ...F } } fragment F on Query { ${times(half, () => '__typename')} }`;
    expectTooComplex(await t.raw({ query }, key), 'fields');
  });
});

describe('tokens', () => {
  test(`${LIMITS.tokens} are parsed (and then counted as fields)`, async () => {
    const response = await t.raw({ query: WITH.tokens(LIMITS.tokens) }, key);
    expectTooComplex(response, 'fields');
  });

  test(`${LIMITS.tokens + 1} are refused before anything else is counted`, async () => {
    expectTooComplex(await t.raw({ query: WITH.tokens(LIMITS.tokens + 1) }, key), 'tokens');
  });

  test('comments do not count', async () => {
    const response = await t.raw({ query: `# ${'a long comment '.repeat(2000)}\n{ __typename }` }, key);
    expect(response.errors).toBeUndefined();
  });
});

test("the playground's introspection query is within every limit", async () => {
  const query = getIntrospectionQuery({ descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true });
  const response = (await t.raw({ query }, {})) as GraphQLResponse<{ __schema: unknown }>;
  expect(response.errors).toBeUndefined();
  expect(response.data?.__schema).toBeDefined();
});
