/**
 * RevocationsStore on a real (embedded) DynamoDB: the answers, how many reads they cost, and
 * that a sign-out made through the store shows at once despite the reuse window.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { RevocationsStore } from '../../../src/datasources/metadata/revocations.store';
import { ensureTable } from '../../../src/lib/dynamoTable';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../../src/local/dynamodb';

const TABLE = 'identity-metadata';
let dynamo: EmbeddedDynamo;
let client: DynamoDBClient;
let doc: DynamoDBDocumentClient;
let operations: string[] = [];

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  doc = DynamoDBDocumentClient.from(client);
  await ensureTable(client, TABLE);
  dynamo.observe((operation) => operations.push(operation));
});
afterAll(async () => {
  client.destroy();
  await dynamo.close();
});
beforeEach(() => {
  operations = [];
});

let now = Date.now();
const store = (windowMs: number) => new RevocationsStore(doc, TABLE, { windowMs, cacheClock: () => now });
let counter = 0;
const fresh = (label: string) => `${label}-${++counter}-${Date.now()}`;
const reads = () => operations.filter((o) => o === 'BatchGetItem').length;

test('a user who never signed out, in a session never revoked, is live', async () => {
  expect(await store(1000).state(fresh('sub'), fresh('jti'))).toEqual({ signedOutAt: undefined, sessionRevoked: false });
});

test('lookups made together share one BatchGetItem', async () => {
  const revocations = store(1000);
  await Promise.all([1, 2, 3].map(() => revocations.state(fresh('sub'), fresh('jti'))));
  expect(reads()).toBe(1);
});

test('within the window a lookup is reused; after it, read again', async () => {
  const revocations = store(1000);
  const [sub, jti] = [fresh('sub'), fresh('jti')];
  await revocations.state(sub, jti);
  now += 999;
  await revocations.state(sub, jti);
  expect(reads()).toBe(1);
  now += 1;
  await revocations.state(sub, jti);
  expect(reads()).toBe(2);
});

test('with a window of 0, two lookups of one session in the same tick share a batch that names each record once', async () => {
  const revocations = store(0);
  const [sub, jti] = [fresh('sub'), fresh('jti')];
  await revocations.sessionRevoked(jti, Date.now() + 60_000);
  const both = await Promise.all([revocations.state(sub, jti), revocations.state(sub, jti)]);
  expect(both).toEqual([
    { signedOutAt: undefined, sessionRevoked: true },
    { signedOutAt: undefined, sessionRevoked: true },
  ]);
  expect(reads()).toBe(1);
});

test('a window of 0 reads on every lookup', async () => {
  const revocations = store(0);
  const [sub, jti] = [fresh('sub'), fresh('jti')];
  await revocations.state(sub, jti);
  await revocations.state(sub, jti);
  expect(reads()).toBe(2);
});

test('a sign-out everywhere through the store shows at once, inside the window', async () => {
  const revocations = store(60_000);
  const sub = fresh('sub');
  await revocations.state(sub, undefined);
  await revocations.signedOutEverywhere(sub, 1_700_000_000_000);
  expect(await revocations.state(sub, undefined)).toEqual({ signedOutAt: 1_700_000_000_000, sessionRevoked: false });
});

test('the sign-out line never moves backwards', async () => {
  const revocations = store(0);
  const sub = fresh('sub');
  await revocations.signedOutEverywhere(sub, 2_000);
  await revocations.signedOutEverywhere(sub, 1_000);
  expect((await revocations.state(sub, undefined)).signedOutAt).toBe(2_000);
});

test('a revoked session shows at once, and stops counting once its revocation has run out', async () => {
  const revocations = store(60_000);
  const [sub, live, lapsed] = [fresh('sub'), fresh('jti'), fresh('jti')];
  await revocations.state(sub, live);
  await revocations.sessionRevoked(live, Date.now() + 3600_000);
  await revocations.sessionRevoked(lapsed, Date.now() - 1);
  expect(await revocations.state(sub, live)).toEqual({ signedOutAt: undefined, sessionRevoked: true });
  expect(await revocations.state(sub, lapsed)).toEqual({ signedOutAt: undefined, sessionRevoked: false });
});

test('another store (another replica) sees a sign-out once its window has passed', async () => {
  const [here, there] = [store(1000), store(1000)];
  const sub = fresh('sub');
  await there.state(sub, undefined);
  await here.signedOutEverywhere(sub, 5_000);
  expect((await there.state(sub, undefined)).signedOutAt).toBeUndefined();
  now += 1000;
  expect((await there.state(sub, undefined)).signedOutAt).toBe(5_000);
});
