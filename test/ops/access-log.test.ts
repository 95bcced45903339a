/**
 * The access log at LOG_LEVEL=info, over HTTP: one line per GraphQL request with its id, the
 * operation, the caller's mode, the status, the error codes, the duration and the backend calls;
 * never variables or headers. A `traceparent` header is carried into the request's lines, the
 * access line and any other line written while the request runs.
 */
import * as ops from '../generated/graphql';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { PASSWORD, signedUpUser, signIn, uniqueEmail } from '../support/users';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${PARENT_ID}-01`;

interface Line extends Record<string, unknown> {
  message: string;
  level: string;
}

describe('the access log', () => {
  const lines: string[] = [];
  let t: TestApi;
  const parsed = (): Line[] => lines.map((line) => JSON.parse(line) as Line);
  const accessLines = () => parsed().filter((line) => line.message === 'graphql request');

  beforeAll(async () => {
    t = await startTestApi({ log: (line) => lines.push(line), logLevel: 'info' });
  });
  afterAll(() => t.stop());
  beforeEach(() => lines.splice(0));

  test('one line per request at info, naming the operation, the caller, the status and the backend calls', async () => {
    const user = await signedUpUser(t, uniqueEmail('access'));
    const access = accessLines();
    expect(access.map((line) => line.fields)).toEqual([['signUp'], ['confirmSignUp'], ['signIn']]);
    expect(access[0]).toMatchObject({
      level: 'info',
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      operation: 'SignUp',
      type: 'mutation',
      caller: 'API_KEY',
      status: 200,
      errors: [],
      ms: expect.any(Number),
    });
    for (const line of access) expect(line.backendCalls).toBeGreaterThanOrEqual(1);

    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: user.accessToken, traceparent: TRACEPARENT },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(response.status).toBe(200);
    const [me] = accessLines().slice(-1);
    expect(me).toMatchObject({ requestId: response.headers.get('x-request-id'), traceId: TRACE_ID, spanId: PARENT_ID, caller: 'AMAZON_COGNITO_USER_POOLS', fields: ['me'], type: 'query' });
    expect(me.operation).toBeUndefined();

    const log = lines.join('');
    for (const secret of [PASSWORD, API_KEY, user.accessToken, user.refreshToken, user.idToken]) expect(log).not.toContain(secret);
  });

  test("each request counts its own backend calls, however many run at once", async () => {
    const typename = () => t.raw({ query: '{ __typename }' }, { apiKey: API_KEY });
    const wrongPassword = (i: number) => signIn(t, uniqueEmail(`count-${i}`), 'Wrong-Passw0rd!');
    await wrongPassword(0);
    const [alone] = accessLines();
    expect(alone.backendCalls).toBeGreaterThanOrEqual(2);
    lines.splice(0);
    await Promise.all([1, 2, 3, 4].flatMap((i) => [wrongPassword(i), typename()]));
    const access = accessLines();
    expect(access).toHaveLength(8);
    for (const line of access) expect(line.backendCalls).toBe((line.fields as string[])[0] === 'signIn' ? alone.backendCalls : 0);
  });

  test('refusals are logged with their codes: a bad token (401), a document over the limits, a wrong password', async () => {
    await t.gql(ops.MeDocument, {}, { token: 'not-a-token' });
    const deep = `{ me { ${'groups { members { items { '.repeat(4)}email${' } } }'.repeat(4)} } }`;
    await t.raw({ query: deep }, { apiKey: API_KEY });
    await signIn(t, uniqueEmail('nobody'), 'Wrong-Passw0rd!');
    const [unauthenticated, complex, wrong] = accessLines();
    expect(unauthenticated).toMatchObject({ status: 401, caller: 'NONE', errors: ['UNAUTHENTICATED'] });
    expect(complex).toMatchObject({ status: 400, errors: ['QUERY_TOO_COMPLEX'], fields: [] });
    expect(wrong).toMatchObject({ status: 200, errors: ['NOT_AUTHORIZED'], fields: ['signIn'] });
    expect(lines.join('')).not.toContain('Wrong-Passw0rd!');
  });

  test("an operation name that is not a GraphQL name is not repeated into the log; variables never are", async () => {
    await t.raw({ query: 'query Q($u: String!) { __typename }', operationName: 'x" injected', variables: { u: 'secret-value-1234' } }, { apiKey: API_KEY });
    const [line] = accessLines();
    expect(line.operation).toBeUndefined();
    expect(lines.join('')).not.toMatch(/injected|secret-value-1234/);
  });

  test('other lines written during a request carry its request and trace ids', async () => {
    await t.world.engine.close();
    const response = await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY, traceparent: TRACEPARENT },
      body: JSON.stringify({ query: 'mutation { signIn(input: { username: "ada@example.com", password: "Sup3r-secret!" }) { isSignedIn } }' }),
    });
    const requestId = response.headers.get('x-request-id');
    // Its own lines only: a background write of an earlier request may fail now too (and says so with that request's id).
    const own = parsed().filter((line) => line.requestId === requestId);
    expect(own).toEqual([
      expect.objectContaining({ message: 'cognito call failed', level: 'error', traceId: TRACE_ID, spanId: PARENT_ID, operation: 'InitiateAuth' }),
      expect.objectContaining({ message: 'graphql request', traceId: TRACE_ID, errors: ['INTERNAL_SERVER_ERROR'] }),
    ]);
    expect(lines.join('')).not.toContain('Sup3r-secret!');
  });
});

describe('below info', () => {
  test('LOG_LEVEL=warn writes no access lines', async () => {
    const lines: string[] = [];
    const t = await startTestApi({ log: (line) => lines.push(line), logLevel: 'warn' });
    try {
      await t.gql(ops.MeDocument, {}, { token: 'not-a-token' });
      expect(lines).toEqual([]);
    } finally {
      await t.stop();
    }
  });
});
