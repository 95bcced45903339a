/**
 * SessionsStore on a real (embedded) DynamoDB: sessions recorded once, listed newest first (ended,
 * expired and signed-out ones hidden), found one at a time, ended once, and their use noted at
 * most once per interval, never backwards and never on an ended session.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseSessionId, SessionRecord, SessionsStore, sessionId } from '../../../src/datasources/metadata/sessions.store';
import { ensureTable } from '../../../src/lib/dynamoTable';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../../src/local/dynamodb';

const TABLE = 'identity-metadata';
let dynamo: EmbeddedDynamo;
let client: DynamoDBClient;
let store: SessionsStore;
const now = Date.now();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client, TABLE);
  store = new SessionsStore(DynamoDBDocumentClient.from(client), TABLE, () => now);
});
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});

let counter = 0;
const fresh = (label: string) => `${label}-${++counter}-${Date.now()}`;
const session = (startedAt: number, extra: Partial<SessionRecord> = {}): SessionRecord => ({
  originJti: fresh('jti'),
  startedAt,
  lastUsedAt: startedAt,
  ip: '198.51.100.7',
  device: 'Firefox',
  expiresAt: startedAt + 30 * 86_400_000,
  ...extra,
});
const ref = (sub: string, s: SessionRecord) => ({ sub, originJti: s.originJti, startedAt: s.startedAt });

test('listed newest first; ended, expired and signed-out sessions are hidden; a second recording changes nothing', async () => {
  const sub = fresh('sub');
  const old = session(now - 3000);
  const middle = session(now - 2000);
  const latest = session(now - 1000);
  const expired = session(now - 4000, { expiresAt: now - 1 });
  for (const s of [old, middle, latest, expired]) await store.started(sub, s);
  await store.started(sub, { ...latest, ip: '203.0.113.9' });
  expect((await store.live(sub, undefined, 10)).items).toEqual([latest, middle, old]);
  expect(await store.ended(ref(sub, middle))).toBe(true);
  expect(await store.ended(ref(sub, middle))).toBe(false);
  expect((await store.live(sub, undefined, 10)).items).toEqual([latest, old]);
  expect((await store.live(sub, now - 2500, 10)).items).toEqual([latest]);
  expect(await store.find(ref(sub, middle))).toBeUndefined();
  expect(await store.find(ref(sub, expired))).toBeUndefined();
  expect(await store.find(ref(sub, latest))).toEqual(latest);
  expect(await store.find(ref(fresh('other'), latest))).toBeUndefined();
});

test('a use is noted at most once per interval, never backwards, never on an ended session', async () => {
  const sub = fresh('sub');
  const s = session(now - 10 * 60_000);
  await store.started(sub, s);
  await store.used(ref(sub, s), s.startedAt + 60_000, '203.0.113.1', 5 * 60_000);
  expect((await store.find(ref(sub, s)))?.lastUsedAt).toBe(s.startedAt);
  await store.used(ref(sub, s), s.startedAt + 6 * 60_000, '203.0.113.1', 5 * 60_000);
  expect(await store.find(ref(sub, s))).toMatchObject({ lastUsedAt: s.startedAt + 6 * 60_000, ip: '203.0.113.1' });
  await store.used(ref(sub, s), s.startedAt + 2 * 60_000);
  expect((await store.find(ref(sub, s)))?.lastUsedAt).toBe(s.startedAt + 6 * 60_000);
  await store.ended(ref(sub, s));
  await store.used(ref(sub, s), s.startedAt + 20 * 60_000);
  expect((await store.live(sub, undefined, 10)).items).toEqual([]);
});

test('ids name a session and nothing else', () => {
  const s = session(1_700_000_000_000);
  expect(parseSessionId('sub', sessionId(s))).toEqual({ sub: 'sub', originJti: s.originJti, startedAt: s.startedAt });
  for (const bad of ['', 'x.y', '1.', '.abc', '1.a b', `${'9'.repeat(14)}.abc`]) expect(() => parseSessionId('sub', bad)).toThrow();
});
