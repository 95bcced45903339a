/**
 * Health over HTTP: `/livez` (and `/health`, kept as it was) answer while the process does;
 * `/readyz` asks Cognito and DynamoDB, each with a short timeout, and says which one failed.
 * Draining: the requests in flight finish, nothing new is accepted, and what is still unfinished
 * at the deadline is cut.
 */
import { createServer, request, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as ops from '../generated/graphql';
import { DEFAULT_CACHE_WINDOWS } from '../../src/config';
import { API_KEY, startTestApi, TestApi } from '../support/api';
import { uniqueEmail, PASSWORD } from '../support/users';

const base = (url: string) => url.replace(/\/graphql$/, '');
const getJson = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

/** Accepts connections and never answers: a backend that hangs. */
async function hangingServer(): Promise<{ endpoint: string; server: Server }> {
  const server = createServer(() => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Forwards to `target` after `delayMs`: a slow Cognito, so requests stay in flight a while. */
async function slowProxy(target: string, delayMs: number): Promise<{ endpoint: string; server: Server }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () =>
      setTimeout(() => {
        const forwarded = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        });
        forwarded.on('error', () => res.destroy());
        forwarded.end(Buffer.concat(chunks));
      }, delayMs),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const closeServer = (server: Server) => {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(resolve));
};

describe('health', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(() => t.stop());

  test('/livez and /health answer ok; /readyz checks Cognito and DynamoDB', async () => {
    expect(await getJson(`${base(t.url)}/livez`)).toEqual({ status: 200, body: { status: 'ok' } });
    expect(await getJson(`${base(t.url)}/health`)).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await getJson(`${base(t.url)}/readyz`);
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ready', checks: { cognito: { ok: true, ms: expect.any(Number) }, dynamodb: { ok: true, ms: expect.any(Number) } } },
    });
  });

  test('/readyz gives up on a backend that hangs after READY_TIMEOUT_MS, and names it', async () => {
    const hanging = await hangingServer();
    const replica = await t.replica(DEFAULT_CACHE_WINDOWS, { cognitoEndpoint: hanging.endpoint, readyTimeoutMs: 300 });
    try {
      const started = Date.now();
      const ready = await getJson(`${base(replica.url)}/readyz`);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(ready).toMatchObject({ status: 503, body: { status: 'unavailable', checks: { cognito: { ok: false, error: 'TimeoutError' }, dynamodb: { ok: true } } } });
      expect((await getJson(`${base(replica.url)}/livez`)).status).toBe(200);
    } finally {
      await replica.stop();
      await closeServer(hanging.server);
    }
  });

  test('/readyz is 503 when DynamoDB is down, naming the failure and not its message', async () => {
    const replica = await t.replica(DEFAULT_CACHE_WINDOWS, { dynamoEndpoint: 'http://127.0.0.1:9', readyTimeoutMs: 1000 });
    try {
      const ready = await getJson(`${base(replica.url)}/readyz`);
      expect(ready).toMatchObject({ status: 503, body: { checks: { cognito: { ok: true }, dynamodb: { ok: false, error: expect.any(String) } } } });
      expect(JSON.stringify(ready.body)).not.toMatch(/ECONNREFUSED|127\.0\.0\.1/);
    } finally {
      await replica.stop();
    }
  });
});

describe('draining', () => {
  let t: TestApi;
  let slow: { endpoint: string; server: Server };
  beforeAll(async () => {
    t = await startTestApi();
    slow = await slowProxy(t.world.engine.endpoint, 400);
  });
  afterAll(async () => {
    await t.stop();
    await closeServer(slow.server);
  });

  const signUp = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': API_KEY },
      body: JSON.stringify({ query: 'mutation ($u: String!, $p: String!) { signUp(input: { username: $u, password: $p }) { userId } }', variables: { u: uniqueEmail('drained'), p: PASSWORD } }),
    });

  test('requests in flight finish, new connections are refused, and the answers say connection: close', async () => {
    const replica = await t.replica(DEFAULT_CACHE_WINDOWS, { cognitoEndpoint: slow.endpoint });
    const inFlight = Array.from({ length: 4 }, () => signUp(replica.url));
    await new Promise((resolve) => setTimeout(resolve, 150));
    const stopping = replica.api.shutdown(5000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${base(replica.url)}/livez`)).rejects.toThrow();
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(answers.map((a) => a.headers.get('connection'))).toEqual(['close', 'close', 'close', 'close']);
    for (const answer of answers) expect(((await answer.json()) as { data: { signUp: { userId: string } } }).data.signUp.userId).toBeTruthy();
    expect(await stopping).toEqual({ abandoned: 0 });
  });

  test('what is unfinished at the deadline is cut, and counted', async () => {
    const replica = await t.replica(DEFAULT_CACHE_WINDOWS, { cognitoEndpoint: slow.endpoint });
    const inFlight = signUp(replica.url);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await replica.api.shutdown(100)).toEqual({ abandoned: 1 });
    expect(Date.now() - started).toBeLessThan(1000);
    await expect(inFlight).rejects.toThrow();
  });

  test('a stopped replica does not stop the others', async () => {
    const response = await t.gql(ops.MeDocument, {}, { token: 'not-a-token' });
    expect(response.status).toBe(401);
  });
});
