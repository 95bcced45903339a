/**
 * The Prometheus metrics over HTTP: on their own port, or behind a token on the API's port (never
 * open there), counting what an operator asks about: requests by operation, errors by code,
 * sign-in outcomes, refusals at the edge and rate-limit trips, backend calls, the reuse windows,
 * and Node's own metrics.
 */
import * as ops from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { signedUpUser, signIn, uniqueEmail } from '../support/users';
import { scrape, total } from './support/prometheus';

const TOKEN = 'metrics-token-0123456789';
const metricsOnApiPort = (t: TestApi) => t.url.replace(/\/graphql$/, '/metrics');

describe('metrics exposed on their own port and behind a token', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ metrics: { port: 0, host: '127.0.0.1', token: TOKEN } });
  });
  afterAll(() => t.stop());

  test("are served on the metrics port, and on the API's port only with the token", async () => {
    expect(t.api.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    expect(t.api.metricsUrl).not.toBe(metricsOnApiPort(t));
    expect((await fetch(metricsOnApiPort(t))).status).toBe(401);
    expect((await fetch(metricsOnApiPort(t), { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const text = await scrape(metricsOnApiPort(t), TOKEN);
    expect(text).toContain('# TYPE identity_graphql_request_duration_seconds histogram');
    expect(total(await scrape(t.api.metricsUrl!), 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  test('count requests by operation, sign-in outcomes and errors by code, backend calls and the reuse windows', async () => {
    const user = await signedUpUser(t, uniqueEmail('metered'));
    await t.gql(ops.MeDocument, {}, { token: user.accessToken });
    await t.gql(ops.MeDocument, {}, { token: user.accessToken });
    await signIn(t, user.email, 'Wrong-Passw0rd!');
    // The engine locks a name after 5 failures: the 6th is answered "Password attempts exceeded".
    const stranger = uniqueEmail('locked');
    for (let i = 0; i < 6; i++) await signIn(t, stranger, 'Wrong-Passw0rd!');

    const text = await scrape(t.api.metricsUrl!);
    expect(total(text, 'identity_graphql_request_duration_seconds_count', { operation: 'me', type: 'query' })).toBe(2);
    expect(total(text, 'identity_graphql_request_duration_seconds_count', { operation: 'signIn' })).toBe(8);
    expect(total(text, 'identity_sign_in_outcomes_total', { operation: 'signIn', outcome: 'DONE' })).toBe(1);
    expect(total(text, 'identity_sign_in_outcomes_total', { operation: 'signIn', outcome: 'WRONG_CREDENTIALS' })).toBe(6);
    expect(total(text, 'identity_sign_in_outcomes_total', { operation: 'signIn', outcome: 'LOCKED' })).toBe(1);
    expect(total(text, 'identity_graphql_errors_total', { operation: 'signIn', code: 'NOT_AUTHORIZED' })).toBe(7);
    expect(total(text, 'identity_http_responses_total', { status: '200' })).toBeGreaterThanOrEqual(11);
    expect(total(text, 'identity_backend_calls_total', { backend: 'cognito', operation: 'InitiateAuth', outcome: 'ok' })).toBe(1);
    expect(total(text, 'identity_backend_calls_total', { backend: 'cognito', operation: 'InitiateAuth', outcome: 'NotAuthorizedException' })).toBe(7);
    expect(total(text, 'identity_backend_call_duration_seconds_count', { backend: 'cognito', operation: 'SignUp' })).toBe(1);
    expect(total(text, 'identity_backend_calls_total', { backend: 'dynamodb' })).toBeGreaterThan(0);
    // The second `me` reuses the first one's token check, revocation lookup and profile.
    for (const window of ['token', 'revocation', 'profile']) {
      expect(total(text, 'identity_reuse_lookups_total', { window, result: 'reused' })).toBeGreaterThanOrEqual(1);
      expect(total(text, 'identity_reuse_lookups_total', { window, result: 'read' })).toBeGreaterThanOrEqual(1);
    }
  });

  test('count refusals at the edge', async () => {
    const deep = `{ me { ${'groups { members { items { '.repeat(4)}email${' } } }'.repeat(4)} } }`;
    await t.raw({ query: deep }, { apiKey: API_KEY });
    await t.raw({ query: 'mutation { a: resendSignUpCode(input: { username: "a@example.com" }) { destination } b: resendSignUpCode(input: { username: "b@example.com" }) { destination } }' }, { apiKey: API_KEY });
    await t.raw(JSON.stringify({ query: `{ __typename } # ${'x'.repeat(70 * 1024)}` }), { apiKey: API_KEY });
    const text = await scrape(t.api.metricsUrl!);
    expect(total(text, 'identity_edge_refusals_total', { code: 'QUERY_TOO_COMPLEX' })).toBe(1);
    expect(total(text, 'identity_edge_refusals_total', { code: 'TOO_MANY_SENSITIVE_OPERATIONS' })).toBe(1);
    expect(total(text, 'identity_edge_refusals_total', { code: 'BODY_TOO_LARGE' })).toBe(1);
    expect(total(text, 'identity_http_responses_total', { status: '413' })).toBe(1);
  });
});

describe('rate-limit trips', () => {
  test('are counted by operation', async () => {
    const budget = { perAccount: 1, perIp: 100, windowMs: 60_000 };
    const t = await startTestApi({ metrics: { token: TOKEN }, rateLimits: { password: budget, code: budget, token: budget, send: budget } });
    try {
      const email = uniqueEmail('limited');
      await signIn(t, email, 'Wrong-Passw0rd!');
      await signIn(t, email, 'Wrong-Passw0rd!');
      const text = await scrape(metricsOnApiPort(t), TOKEN);
      expect(total(text, 'identity_rate_limit_trips_total', { operation: 'signIn' })).toBe(1);
      expect(total(text, 'identity_sign_in_outcomes_total', { operation: 'signIn', outcome: 'RATE_LIMITED' })).toBe(1);
      expect(t.api.metricsUrl).toBeUndefined();
    } finally {
      await t.stop();
    }
  });
});

test('without METRICS_PORT or METRICS_TOKEN there is no /metrics at all', async () => {
  const t = await startTestApi();
  try {
    expect((await fetch(metricsOnApiPort(t), { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404);
    expect(t.api.metricsUrl).toBeUndefined();
  } finally {
    await t.stop();
  }
});
