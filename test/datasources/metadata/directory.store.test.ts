/**
 * DirectoryStore on a real (embedded) DynamoDB: every method, the ordering of racing mirrors,
 * redelivered sign-ins and events, expiry, the index queries and their pages, and batched reads
 * (order, more than 100 keys, UnprocessedKeys retried).
 */
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DirectoryOptions, DirectoryStore, RECENT_SIGN_INS } from '../../../src/datasources/metadata/directory.store';
import type { DirectoryProfile, MirroredFields } from '../../../src/datasources/metadata/directory.types';
import { ESTIMATE_SLACK_MS } from '../../../src/datasources/metadata/directory.ordering';
import { ensureMetadataTable } from '../../../src/datasources/metadata/table';
import { ApiError } from '../../../src/errors';
import { useEmbeddedDynamo } from '../../support/dynamo';

const embedded = useEmbeddedDynamo();

const DAY = 24 * 3600_000;
const T0 = 1_700_000_000_000;
const clock = T0 + DAY;
let tables = 0;
let subs = 0;
const sub = (label = 'user') => `${label}-${++subs}`;

/** A store on a table of its own, so queries over the whole table see only this test's records. */
async function freshStore(options: DirectoryOptions = {}, on: DynamoDBDocumentClient = embedded.doc): Promise<{ store: DirectoryStore; table: string }> {
  const table = `directory-${++tables}`;
  await ensureMetadataTable(embedded.client, table);
  return { store: new DirectoryStore(on, table, { now: () => clock, ...options }), table };
}

const fields = (over: Partial<MirroredFields> = {}): MirroredFields => ({
  username: 'ada',
  email: 'ada@example.com',
  status: 'CONFIRMED',
  enabled: true,
  createdAt: T0,
  cognitoModifiedAt: T0 + 1000,
  indexed: {},
  ...over,
});

const rawItem = async (table: string, pk: string, sk: string) => (await embedded.doc.send(new GetCommand({ TableName: table, Key: { pk, sk } }))).Item;

async function expectBadInput(promise: Promise<unknown>): Promise<void> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).code).toBe('BAD_USER_INPUT');
}

async function pages<T>(read: (nextToken?: string) => Promise<{ items: T[]; nextToken?: string }>): Promise<T[][]> {
  const all: T[][] = [];
  let nextToken: string | undefined;
  do {
    const page = await read(nextToken);
    all.push(page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

describe('mirror', () => {
  test('creates the record with the app fields at their defaults, then reports unchanged, updated and stale', async () => {
    const { store } = await freshStore();
    const id = sub();
    expect(await store.get(id)).toBeUndefined();
    expect(await store.mirror(id, fields(), { confirmedAt: T0 + 500, signUpSource: 'SIGN_UP' })).toBe('created');
    expect(await store.get(id)).toEqual<DirectoryProfile>({
      sub: id,
      ...fields(),
      estimated: undefined,
      confirmedAt: T0 + 500,
      signUpSource: 'SIGN_UP',
      signInCount: 0,
      flags: [],
      recordedAt: clock,
      lastSignInAt: undefined,
      lastIp: undefined,
      lastDevice: undefined,
      preferences: undefined,
      displayName: undefined,
      locale: undefined,
      plan: undefined,
      pendingSignIn: undefined,
      recentSignIns: [],
    });
    expect(await store.mirror(id, fields())).toBe('unchanged');
    expect(await store.mirror(id, fields({ cognitoModifiedAt: T0 + 2000, email: 'ada@new.example' }))).toBe('updated');
    expect(await store.mirror(id, fields({ cognitoModifiedAt: T0 + 1500, email: 'ada@old.example' }))).toBe('stale');
    expect(await store.get(id)).toMatchObject({ email: 'ada@new.example', cognitoModifiedAt: T0 + 2000 });
  });

  test('a newer version with the same fields moves the version on, so a state between them stays stale', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields({ cognitoModifiedAt: 1000 }));
    expect(await store.mirror(id, fields({ cognitoModifiedAt: 3000 }))).toBe('unchanged');
    expect(await store.mirror(id, fields({ cognitoModifiedAt: 2000, status: 'RESET_REQUIRED' }))).toBe('stale');
    expect((await store.get(id))?.status).toBe('CONFIRMED');
  });

  test('two writers in either order: the newer state wins', async () => {
    const { store } = await freshStore();
    const older = fields({ cognitoModifiedAt: 1000, email: 'older@example.com' });
    const newer = fields({ cognitoModifiedAt: 2000, email: 'newer@example.com' });
    for (const order of [
      [older, newer],
      [newer, older],
    ]) {
      const id = sub();
      for (const state of order) await store.mirror(id, state);
      expect((await store.get(id))?.email).toBe('newer@example.com');
    }
  });

  test('many writers racing at once: the newest state wins, whatever order they land in', async () => {
    const { store } = await freshStore();
    for (let round = 0; round < 5; round++) {
      const id = sub();
      const versions = [5, 2, 9, 1, 7, 3, 8, 4, 6].map((v) => v * 1000 + round);
      await Promise.all(versions.map((v) => store.mirror(id, fields({ cognitoModifiedAt: v, email: `v${v}@example.com` }))));
      const max = Math.max(...versions);
      expect(await store.get(id)).toMatchObject({ cognitoModifiedAt: max, email: `v${max}@example.com` });
    }
  });

  test('a record missing from the table is made by whichever racer comes first, once', async () => {
    const { store } = await freshStore();
    const id = sub();
    const outcomes = await Promise.all([1, 2, 3, 4].map((n) => store.mirror(id, fields({ cognitoModifiedAt: 1000 }), { signUpSource: `S${n}` })));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'created').every((o) => o === 'unchanged')).toBe(true);
    expect((await store.get(id))?.signUpSource).toMatch(/^S[1-4]$/);
  });

  test("a trigger's estimate yields to Cognito's own version of the state, even one a little older", async () => {
    const { store } = await freshStore();
    const id = sub();
    const guessed = clock;
    expect(await store.mirror(id, fields({ estimated: true, createdAt: guessed, cognitoModifiedAt: guessed }))).toBe('created');
    expect((await store.get(id))?.estimated).toBe(true);
    // Reconcile reads Cognito's record: modified 30 s before the trigger's clock, created long ago.
    expect(await store.mirror(id, fields({ createdAt: T0, cognitoModifiedAt: guessed - 30_000 }))).toBe('updated');
    expect(await store.get(id)).toMatchObject({ estimated: undefined, createdAt: T0, cognitoModifiedAt: guessed - 30_000 });
  });

  test('an estimate does not yield to a state from well before it', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields({ estimated: true, status: 'CONFIRMED', cognitoModifiedAt: clock }));
    expect(await store.mirror(id, fields({ status: 'UNCONFIRMED', cognitoModifiedAt: clock - ESTIMATE_SLACK_MS - 1 }))).toBe('stale');
    expect((await store.get(id))?.status).toBe('CONFIRMED');
  });

  test('an estimate of a newer state replaces an older record but keeps its createdAt; one of the same state writes nothing', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields({ status: 'UNCONFIRMED', createdAt: T0, cognitoModifiedAt: T0 }));
    expect(await store.mirror(id, fields({ estimated: true, status: 'CONFIRMED', createdAt: clock, cognitoModifiedAt: clock }))).toBe('updated');
    expect(await store.get(id)).toMatchObject({ status: 'CONFIRMED', createdAt: T0, estimated: true });

    const other = sub();
    await store.mirror(other, fields({ cognitoModifiedAt: T0 }));
    expect(await store.mirror(other, fields({ estimated: true, cognitoModifiedAt: clock }))).toBe('unchanged');
    expect(await store.get(other)).toMatchObject({ cognitoModifiedAt: T0, estimated: undefined });
  });

  test('`created` fills confirmedAt and signUpSource where missing, even when the mirror is stale', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields({ cognitoModifiedAt: 5000 }), { signUpSource: 'RECONCILE' });
    expect(await store.mirror(id, fields({ cognitoModifiedAt: 4000 }), { confirmedAt: 4000, signUpSource: 'SIGN_UP' })).toBe('stale');
    expect(await store.get(id)).toMatchObject({ confirmedAt: 4000, signUpSource: 'RECONCILE' });
  });
});

describe('recordSignIn', () => {
  test('counts a sign-in and files its event, creating a bare record that a mirror fills later', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.recordSignIn(id, { eventId: 'req-1', at: T0 + 10, ip: '203.0.113.9', device: 'Firefox' });
    expect(await store.get(id)).toMatchObject({ sub: id, username: '', status: 'UNKNOWN', cognitoModifiedAt: 0, signInCount: 1, lastSignInAt: T0 + 10, lastIp: '203.0.113.9', lastDevice: 'Firefox' });
    expect((await store.events(id, 10)).items).toMatchObject([{ id: 'req-1', type: 'SIGN_IN', at: T0 + 10, ip: '203.0.113.9', device: 'Firefox' }]);
    expect(await store.mirror(id, fields())).toBe('created');
    expect(await store.get(id)).toMatchObject({ username: 'ada', signInCount: 1, lastSignInAt: T0 + 10 });
  });

  test('a redelivered sign-in, one after another or all at once, counts once and files one event', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields());
    await store.recordSignIn(id, { eventId: 'a', at: T0 + 10 });
    await store.recordSignIn(id, { eventId: 'a', at: T0 + 5010 }); // the retry runs later, with its own clock
    await Promise.all([1, 2, 3, 4, 5].map(() => store.recordSignIn(id, { eventId: 'b', at: T0 + 20 })));
    const record = await store.get(id);
    expect(record).toMatchObject({ signInCount: 2, lastSignInAt: T0 + 20 });
    expect((await store.events(id, 10)).items.map((e) => [e.id, e.at])).toEqual([
      ['b', T0 + 20],
      ['a', T0 + 10],
    ]);
  });

  test('distinct sign-ins racing each other are all counted', async () => {
    const { store } = await freshStore();
    const id = sub();
    await Promise.all(Array.from({ length: 6 }, (_, n) => store.recordSignIn(id, { eventId: `s${n}`, at: T0 + n })));
    expect(await store.get(id)).toMatchObject({ signInCount: 6, lastSignInAt: T0 + 5 });
  });

  test('a late delivery of an older sign-in counts but does not move the last sign-in back', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.recordSignIn(id, { eventId: 'new', at: T0 + 200, ip: '198.51.100.2' });
    await store.recordSignIn(id, { eventId: 'old', at: T0 + 100, ip: '198.51.100.1' });
    expect(await store.get(id)).toMatchObject({ signInCount: 2, lastSignInAt: T0 + 200, lastIp: '198.51.100.2' });
  });

  test('a crash after the event was filed but before it was counted is finished by the retry', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.addEvent({ id: 'crashed', sub: id, type: 'SIGN_IN', at: T0 + 1 }); // what the first delivery got done
    await store.recordSignIn(id, { eventId: 'crashed', at: T0 + 9 });
    expect(await store.get(id)).toMatchObject({ signInCount: 1, lastSignInAt: T0 + 1 });
    expect((await store.events(id, 10)).items).toHaveLength(1);
  });

  test(`ids are remembered for the last ${RECENT_SIGN_INS} sign-ins`, async () => {
    const { store } = await freshStore();
    const id = sub();
    for (let n = 0; n <= RECENT_SIGN_INS; n++) await store.recordSignIn(id, { eventId: `s${n}`, at: T0 + n });
    await store.recordSignIn(id, { eventId: 's1', at: T0 + 1 });
    expect((await store.get(id))?.signInCount).toBe(RECENT_SIGN_INS + 1);
  });
});

describe('events', () => {
  test('newest first, a page at a time, with a ttl for DynamoDB, and the same id twice filed once under its first time', async () => {
    const { store, table } = await freshStore({ eventRetentionMs: 10 * DAY });
    const id = sub();
    for (let n = 0; n < 5; n++) await store.addEvent({ id: `e${n}`, sub: id, type: 'PASSWORD_CHANGED', at: clock - n * 1000, ip: n === 0 ? '192.0.2.1' : undefined });
    await store.addEvent({ id: 'e0', sub: id, type: 'PASSWORD_CHANGED', at: clock + 99 });
    const all = await pages((token) => store.events(id, 2, token));
    expect(all.flat().map((e) => e.id)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4']);
    expect(all[0]).toHaveLength(2);
    expect(all.flat()[0]).toMatchObject({ at: clock, ip: '192.0.2.1', expiresAt: clock + 10 * DAY });
    const raw = await embedded.doc.send(new QueryCommand({ TableName: table, KeyConditionExpression: 'pk = :pk AND begins_with(sk, :e)', ExpressionAttributeValues: { ':pk': `USER#${id}`, ':e': 'EVT#' } }));
    expect(raw.Items?.[0]?.ttl).toBe(Math.ceil((raw.Items![0].expiresAt as number) / 1000));
  });

  test('expired events are hidden, and a page is filled past them', async () => {
    const { store } = await freshStore({ eventRetentionMs: 10 * DAY });
    const id = sub();
    await store.addEvent({ id: 'live', sub: id, type: 'SIGN_IN', at: clock - 1 * DAY });
    for (let n = 0; n < 5; n++) await store.addEvent({ id: `expired${n}`, sub: id, type: 'SIGN_IN', at: clock - 11 * DAY - n });
    await store.addEvent({ id: 'live2', sub: id, type: 'SIGN_IN', at: clock - 2 * DAY });
    expect((await store.events(id, 10)).items.map((e) => e.id)).toEqual(['live', 'live2']);
    expect((await store.events(id, 10)).nextToken).toBeUndefined();
  });

  test('a write that failed between the id claim and the event is finished by the retry', async () => {
    let failNextEventPut = true;
    const flaky = {
      send: (command: unknown) => {
        if (failNextEventPut && command instanceof PutCommand && String(command.input.Item?.sk).startsWith('EVT#')) {
          failNextEventPut = false;
          return Promise.reject(new Error('connection reset'));
        }
        return embedded.doc.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const { store } = await freshStore({}, flaky);
    const id = sub();
    await expect(store.addEvent({ id: 'x', sub: id, type: 'MFA_CHANGED', at: T0 + 1 })).rejects.toThrow('connection reset');
    await store.addEvent({ id: 'x', sub: id, type: 'MFA_CHANGED', at: T0 + 7 });
    expect((await store.events(id, 10)).items).toMatchObject([{ id: 'x', at: T0 + 1 }]);
  });

  test('a token from another user, or a broken one, is refused', async () => {
    const { store } = await freshStore();
    const [a, b] = [sub(), sub()];
    for (let n = 0; n < 3; n++) await store.addEvent({ id: `e${n}`, sub: a, type: 'SIGN_IN', at: T0 + n });
    const first = await store.events(a, 1);
    await expectBadInput(store.events(b, 1, first.nextToken));
    await expectBadInput(store.events(a, 1, 'not-a-token'));
  });
});

describe('byAttribute', () => {
  test('newest first, a page at a time; a changed or removed value moves the user', async () => {
    const { store } = await freshStore();
    const ids = Array.from({ length: 5 }, () => sub('acme'));
    for (const [n, id] of ids.entries()) await store.mirror(id, fields({ createdAt: T0 + n, indexed: { 'custom:tenant': 'acme' } }));
    await store.mirror(sub(), fields({ indexed: { 'custom:tenant': 'globex' } }));
    const all = await pages((token) => store.byAttribute('custom:tenant', 'acme', 2, token));
    expect(all.flat().map((p) => p.sub)).toEqual([...ids].reverse());
    expect(all[0]).toHaveLength(2);

    await store.mirror(ids[4], fields({ createdAt: T0 + 4, cognitoModifiedAt: T0 + 5000, indexed: { 'custom:tenant': 'globex' } }));
    await store.mirror(ids[3], fields({ createdAt: T0 + 3, cognitoModifiedAt: T0 + 5000, indexed: {} }));
    expect((await store.byAttribute('custom:tenant', 'acme', 10)).items.map((p) => p.sub)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await store.byAttribute('custom:tenant', 'globex', 10)).items.map((p) => p.sub)).toContain(ids[4]);
  });

  test('a user with several indexed attributes is found by each', async () => {
    const { store } = await freshStore({ indexedAttributes: ['custom:tenant', 'custom:region'] });
    const id = sub();
    await store.mirror(id, fields({ indexed: { 'custom:tenant': 'acme', 'custom:region': 'eu' } }));
    expect((await store.byAttribute('custom:tenant', 'acme', 10)).items.map((p) => p.sub)).toEqual([id]);
    expect((await store.byAttribute('custom:region', 'eu', 10)).items.map((p) => p.sub)).toEqual([id]);
  });

  test('a name that is not indexed, or a bad limit, is refused', async () => {
    const { store } = await freshStore();
    await expectBadInput(store.byAttribute('custom:plan', 'pro', 10));
    await expectBadInput(store.byAttribute('custom:tenant', 'acme', 0));
  });

  test('more attributes than the table has index slots is a configuration error', () => {
    expect(() => new DirectoryStore(embedded.doc, 'x', { indexedAttributes: ['a', 'b', 'c', 'd'] })).toThrow(/at most 3 indexed attributes/);
  });
});

describe('inactiveSince', () => {
  test('oldest activity first across every shard, each record once; never signed in counts by createdAt', async () => {
    const { store } = await freshStore();
    const expected: { sub: string; activity: number }[] = [];
    for (let n = 0; n < 30; n++) {
      const id = sub('idle');
      const createdAt = T0 + n * 7919;
      await store.mirror(id, fields({ createdAt }));
      let activity = createdAt;
      if (n % 3 === 0) {
        activity = T0 + 1_000_000 - n * 31;
        await store.recordSignIn(id, { eventId: `s${n}`, at: activity });
      }
      expected.push({ sub: id, activity });
    }
    const before = T0 + 150_000;
    const wanted = expected.filter((e) => e.activity < before).sort((a, b) => a.activity - b.activity);
    const all = await pages((token) => store.inactiveSince(before, 4, token));
    expect(all.flat().map((p) => p.sub)).toEqual(wanted.map((e) => e.sub));
    expect(all.slice(0, -1).every((page) => page.length === 4)).toBe(true);
    expect(wanted.length).toBeGreaterThan(8);
  });

  test('a sign-in takes a user off the list', async () => {
    const { store } = await freshStore();
    const id = sub();
    await store.mirror(id, fields({ createdAt: T0 }));
    expect((await store.inactiveSince(T0 + 10, 10)).items.map((p) => p.sub)).toEqual([id]);
    await store.recordSignIn(id, { eventId: 'now', at: T0 + 20 });
    expect((await store.inactiveSince(T0 + 10, 10)).items).toEqual([]);
  });
});

describe('getMany', () => {
  test('in key order, undefined where missing, a key asked twice answered twice, beyond 100 keys', async () => {
    const { store } = await freshStore();
    const ids = Array.from({ length: 230 }, () => sub('many'));
    await Promise.all(ids.map((id, n) => (n % 10 === 7 ? undefined : store.updateApp(id, { plan: `p${n}` }))));
    const asked = [...ids, ids[0]];
    const found = await store.getMany(asked);
    expect(found.map((p) => p?.plan)).toEqual(asked.map((id) => (ids.indexOf(id) % 10 === 7 ? undefined : `p${ids.indexOf(id)}`)));
  });

  test('keys DynamoDB leaves unprocessed are asked again', async () => {
    let throttleOnce = true;
    const throttling = {
      send: async (command: unknown) => {
        if (throttleOnce && command instanceof BatchGetCommand) {
          throttleOnce = false;
          // As DynamoDB does under load: answer nothing yet, hand every key back.
          return { Responses: {}, UnprocessedKeys: command.input.RequestItems };
        }
        return embedded.doc.send(command as never);
      },
    } as unknown as DynamoDBDocumentClient;
    const { store } = await freshStore({}, throttling);
    const [a, b] = [sub(), sub()];
    await store.updateApp(a, { plan: 'pro' });
    await store.updateApp(b, { plan: 'free' });
    expect((await store.getMany([b, 'missing', a])).map((p) => p?.plan)).toEqual(['free', undefined, 'pro']);
    expect(throttleOnce).toBe(false);
  });
});

describe('updateApp', () => {
  test('changes app fields (an empty text clears one), creating a bare record when missing', async () => {
    const { store } = await freshStore();
    const id = sub();
    const made = await store.updateApp(id, { preferences: '{"theme":"dark"}', displayName: 'Ada', flags: ['suspended', ' suspended ', 'beta'] });
    expect(made).toMatchObject({ sub: id, cognitoModifiedAt: 0, preferences: '{"theme":"dark"}', displayName: 'Ada', flags: ['suspended', 'beta'], signInCount: 0 });
    const changed = await store.updateApp(id, { displayName: '', plan: 'pro' });
    expect(changed).toMatchObject({ displayName: undefined, plan: 'pro', preferences: '{"theme":"dark"}' });
    expect(await store.mirror(id, fields())).toBe('created');
    expect(await store.get(id)).toMatchObject({ username: 'ada', plan: 'pro', flags: ['suspended', 'beta'] });
  });

  test('preferences must be a JSON object within the size limit; nothing is written otherwise', async () => {
    const { store } = await freshStore();
    const id = sub();
    await expectBadInput(store.updateApp(id, { preferences: '[1,2]' }));
    await expectBadInput(store.updateApp(id, { preferences: '{not json' }));
    await expectBadInput(store.updateApp(id, { preferences: JSON.stringify({ blob: 'x'.repeat(5000) }) }));
    expect(await store.get(id)).toBeUndefined();
  });
});

describe('remove and all', () => {
  test("remove deletes the record and its events, not the user's revocation state", async () => {
    const { store, table } = await freshStore();
    const id = sub();
    await store.mirror(id, fields());
    await store.recordSignIn(id, { eventId: 'r', at: T0 });
    await embedded.doc.send(new PutCommand({ TableName: table, Item: { pk: `USER#${id}`, sk: 'SIGNED_OUT', signedOutAt: T0 } }));
    await store.remove(id);
    expect(await store.get(id)).toBeUndefined();
    expect((await store.events(id, 10)).items).toEqual([]);
    expect(await rawItem(table, `USER#${id}`, 'EVID#r')).toBeUndefined();
    expect(await rawItem(table, `USER#${id}`, 'SIGNED_OUT')).toBeDefined();
  });

  test('all() pages through every record exactly once, whatever else the table holds', async () => {
    const { store } = await freshStore();
    const ids = Array.from({ length: 23 }, () => sub('all'));
    for (const id of ids) {
      await store.mirror(id, fields());
      await store.addEvent({ id: 'e', sub: id, type: 'SIGN_IN', at: T0 });
    }
    const all = await pages((token) => store.all(5, token));
    expect(all.flat().map((p) => p.sub).sort()).toEqual([...ids].sort());
    expect(all[0]).toHaveLength(5);
  });
});
