/**
 * RateLimiter over RateLimitsStore on a real (embedded) DynamoDB, on a clock the test moves:
 * fixed windows, refusals that count nothing, failures-only budgets, atomic counting under
 * parallel attempts, and subjects kept out of the table.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import type { RateLimitPolicy } from '../../src/auth/rateLimitPolicy';
import { RateLimiter } from '../../src/auth/rateLimits';
import { RateLimitsStore } from '../../src/datasources/metadata/rateLimits.store';
import { ApiError } from '../../src/errors';
import { ensureTable } from '../../src/lib/dynamoTable';
import { useEmbeddedDynamo } from '../support/dynamo';

const TABLE = 'identity-metadata';
const MINUTE = 60_000;
const embedded = useEmbeddedDynamo((client) => ensureTable(client, TABLE));

const policy: RateLimitPolicy = {
  password: { perAccount: 3, perIp: 5, windowMs: MINUTE },
  code: { perAccount: 3, perIp: 0, windowMs: MINUTE },
  token: { perAccount: 3, perIp: 5, windowMs: MINUTE },
  send: { perAccount: 2, perIp: 5, windowMs: MINUTE },
};

let now = Date.UTC(2026, 0, 1, 12, 0, 0);
/** The store needs the client made in beforeAll, so each test makes its limiter. */
const make = () => new RateLimiter(new RateLimitsStore(embedded.doc, TABLE), policy, () => now);

let counter = 0;
const fresh = (label: string) => `${label}-${++counter}@example.com`;
const ip = () => `198.51.100.${++counter % 250}`;

/** Runs one attempt that fails (or succeeds); returns 'ran' or the refusal's code. */
async function attempt(rl: RateLimiter, kind: keyof RateLimitPolicy, account: string, clientIp: string, succeeds = false): Promise<string> {
  try {
    const a = await rl.attempt(kind, account, clientIp);
    await a.settle(succeeds);
    return 'ran';
  } catch (error) {
    return (error as ApiError).code;
  }
}

test('failed attempts beyond the per-account budget are refused, with a retry-after to the end of the window', async () => {
  const rl = make();
  const account = fresh('ada');
  const results = [];
  for (let i = 0; i < 5; i++) results.push(await attempt(rl, 'password', account, ip()));
  expect(results).toEqual(['ran', 'ran', 'ran', 'RATE_LIMITED', 'RATE_LIMITED']);
  await expect(rl.attempt('password', account, ip())).rejects.toMatchObject({ code: 'RATE_LIMITED', extensions: { retryAfter: 60 } });
  now += 30_000;
  await expect(rl.attempt('password', account, ip())).rejects.toMatchObject({ extensions: { retryAfter: 30 } });
  now += 30_000;
  expect(await attempt(rl, 'password', account, ip())).toBe('ran');
});

test('successes give their attempt back for password, code and token budgets, but a sent message counts', async () => {
  const rl = make();
  const account = fresh('grace');
  for (let i = 0; i < 6; i++) expect(await attempt(rl, 'password', account, ip(), true)).toBe('ran');
  const sends = [];
  for (let i = 0; i < 3; i++) sends.push(await attempt(rl, 'send', account, ip(), true));
  expect(sends).toEqual(['ran', 'ran', 'RATE_LIMITED']);
});

test('the per-IP budget spans accounts (spraying), and a refused attempt counts against neither', async () => {
  const rl = make();
  const from = ip();
  const results = [];
  for (let i = 0; i < 7; i++) results.push(await attempt(rl, 'password', fresh('spray'), from));
  expect(results).toEqual(['ran', 'ran', 'ran', 'ran', 'ran', 'RATE_LIMITED', 'RATE_LIMITED']);
  // The account refused above (over the IP budget) still has its whole budget from elsewhere.
  const account = fresh('victim');
  expect(await attempt(rl, 'password', account, from)).toBe('RATE_LIMITED');
  const elsewhere = [];
  for (let i = 0; i < 4; i++) elsewhere.push(await attempt(rl, 'password', account, ip()));
  expect(elsewhere).toEqual(['ran', 'ran', 'ran', 'RATE_LIMITED']);
});

test('a scope whose limit is 0 is not counted', async () => {
  const rl = make();
  const from = ip();
  for (let i = 0; i < 10; i++) expect(await attempt(rl, 'code', fresh('code'), from)).toBe('ran');
});

test('parallel attempts get no more than the budget', async () => {
  const rl = make();
  const account = fresh('burst');
  const results = await Promise.all(Array.from({ length: 20 }, () => attempt(rl, 'password', account, ip())));
  expect(results.filter((r) => r === 'ran')).toHaveLength(3);
  expect(results.filter((r) => r === 'RATE_LIMITED')).toHaveLength(17);
});

test('the table holds digests, never the names or addresses counted', async () => {
  const rl = make();
  const account = fresh('private');
  await attempt(rl, 'password', account, '203.0.113.9');
  const { Items = [] } = await embedded.client.send(new ScanCommand({ TableName: TABLE }));
  const text = JSON.stringify(Items);
  expect(text).toContain('RATE#password#account#');
  expect(text).not.toContain(account);
  expect(text).not.toContain('203.0.113.9');
  expect(Items.every((item) => item.ttl?.N !== undefined)).toBe(true);
});
