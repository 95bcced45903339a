/**
 * Fragment bombs, sent over HTTP with the public API key as an attacker would: refused fast,
 * before anything runs, while /health keeps answering; and the limits' walk is linear.
 */
import { DocumentNode, Kind, OperationDefinitionNode, parse, specifiedRules, validate } from 'graphql';
import { performance } from 'node:perf_hooks';
import { fragmentBombs, fragmentsSideBySide, sameFieldRepeated } from '../../bench/api/hostileDocuments';
import { LIMITS } from '../../src/limits/caps';
import { documentLimits } from '../../src/limits/documentLimits';
import { DocumentSummaries } from '../../src/limits/summary';
import { buildApiSchema } from '../../src/schema/build';
import { engineCalls } from '../support/admin';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { expectNoInternals } from '../support/expect';

/** Generous for a shared 2-core CI machine; bench:api reports the real figure (a few ms). */
const FAST_MS = 250;

const SHAPES = [
  ['on Query', fragmentBombs.query],
  ['on Mutation with aliased sign-ins', fragmentBombs.aliasedSignIns],
  ['on Mutation with a sign-in per level', fragmentBombs.signInPerLevel],
] as const;

describe('over HTTP', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.stop());

  const healthUrl = () => t.url.replace(/\/graphql$/, '/health');

  describe.each(SHAPES)('a chain of fragments %s', (_name, bomb) => {
    test.each([22, 30, 40])('of %i fragments is refused fast, nothing runs, and /health answers meanwhile', async (fragments) => {
      let response: Awaited<ReturnType<TestApi['raw']>> | undefined;
      let refusedMs = 0;
      let healthMs = 0;
      const calls = await engineCalls(t, async () => {
        const started = performance.now();
        const health = fetch(healthUrl()).then(async (r) => {
          healthMs = performance.now() - started;
          return r.status;
        });
        response = await t.raw({ query: bomb(fragments) }, { apiKey: API_KEY });
        refusedMs = performance.now() - started;
        expect(await health).toBe(200);
      });
      expect(response!.status).toBe(400);
      expect(response!.data ?? null).toBeNull();
      expect(response!.errors).toHaveLength(1);
      expect(response!.errors![0].extensions?.code).toMatch(/^(QUERY_TOO_COMPLEX|TOO_MANY_SENSITIVE_OPERATIONS)$/);
      expectNoInternals(response!);
      expect([...calls.values()].reduce((a, b) => a + b, 0)).toBe(0);
      expect(refusedMs).toBeLessThan(FAST_MS);
      expect(healthMs).toBeLessThan(FAST_MS);
    });
  });

  test('a query bomb names the limit it broke and its number', async () => {
    const response = await t.raw({ query: fragmentBombs.query(40) }, { apiKey: API_KEY });
    expect(response.errors![0]).toMatchObject({
      errorType: 'QueryTooComplexException',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'fields', maximum: LIMITS.fields },
      message: expect.stringContaining(`the limit is ${LIMITS.fields}`),
    });
  });
});

describe('the limits walk each fragment once', () => {
  const schema = buildApiSchema();
  const operationOf = (document: DocumentNode) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;

  test.each([22, 30, 40])('%i fragments: as many fragment walks, and the counts of the expanded document', (fragments) => {
    const document = parse(fragmentBombs.query(fragments));
    const summaries = new DocumentSummaries(schema, document, 2);
    const summary = summaries.operation(operationOf(document));
    expect(summaries.fragmentWalks).toBe(fragments);
    // The last fragment's one field, 2^(n-1) times over.
    expect(summary.fields).toBe(2 ** (fragments - 1));
  });

  test('a sign-in reached through 40 doubling fragments is one secret (one response key), not 2^39', () => {
    const document = parse(fragmentBombs.signInPerLevel(40));
    const summaries = new DocumentSummaries(schema, document, 2);
    const summary = summaries.operation(operationOf(document));
    expect(summaries.fragmentWalks).toBe(40);
    // s1 … s39 and a: more than the limit, kept up to one past it.
    expect(summary.secrets.size).toBe(2);
  });
});

describe("graphql-js's own rules never walk a refused document", () => {
  const schema = buildApiSchema();
  const rules = [...specifiedRules, documentLimits()];
  const timed = (query: string) => {
    const document = parse(query);
    const started = performance.now();
    const errors = validate(schema, document, rules);
    return { errors, ms: performance.now() - started };
  };

  test('a refused document gets only the limit error, though it has mistakes graphql would report', () => {
    // Unknown fields and an unused fragment: graphql's rules would report each of them.
    const query = `${sameFieldRepeated(400)} { nope } fragment Unused on Query { alsoNope }`;
    const { errors } = timed(query);
    expect(errors).toHaveLength(1);
    expect(errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');
  });

  test.each([
    ['400 copies of one field', sameFieldRepeated(400)],
    ['120 fragments side by side', fragmentsSideBySide(120)],
    ['a 40-fragment bomb on Mutation', fragmentBombs.signInPerLevel(40)],
  ])('%s: refused within the time budget', (_name, query) => {
    const { errors, ms } = timed(query);
    expect(errors).toHaveLength(1);
    expect(ms).toBeLessThan(FAST_MS);
  });

  test('a document at the limits still validates quickly (graphql compares its fields pairwise)', () => {
    // 150 copies of `me { sub }`: 300 fields, the most allowed, in 600 tokens.
    const { errors, ms } = timed(sameFieldRepeated(LIMITS.fields / 2));
    expect(errors).toEqual([]);
    expect(ms).toBeLessThan(FAST_MS);
  });
});
