/**
 * Reconcile against the engine (through the AWS SDK) and a directory on the same embedded
 * DynamoDB, on a pool of a few hundred users: deliberate drift (missing, stale and orphaned
 * records) is fixed exactly and a second run changes nothing; a run cut short converges on the
 * rerun and removes nothing before its listing is complete; throttling is waited out.
 */
import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminUpdateUserAttributesCommand,
  CognitoIdentityProviderClient,
  ListUsersCommand,
  UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../src/datasources/concurrency';
import { DirectoryStore } from '../src/datasources/metadata/directory.store';
import { mirroredFromCognito, mirroredFromTrigger, subOf } from '../src/datasources/metadata/directory.fromCognito';
import { ensureMetadataTable } from '../src/datasources/metadata/table';
import { ManualClock } from '../src/local/cognito/clock';
import { Counts, reconcile, ReconcileDeps } from '../src/reconcile/reconcile';
import { createPoolAndClient, startTestEngine, TestEngine } from './support/engine';

const USERS = 300;
const INDEXED = ['custom:tenant'];
let t: TestEngine;
let clock: ManualClock;
let dynamo: DynamoDBClient;
let poolId: string;
let tables = 0;

beforeAll(async () => {
  clock = new ManualClock(Date.UTC(2026, 0, 5));
  t = await startTestEngine({ clock });
  dynamo = new DynamoDBClient({ endpoint: t.dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  ({ poolId } = await createPoolAndClient(t.admin, { Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }] }));
  await mapWithConcurrency(Array.from({ length: USERS }, (_, n) => n), 12, async (n) => {
    clock.advance(1);
    await t.admin.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: `user${n}@example.com`,
        TemporaryPassword: 'Temp-Passw0rd!',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `user${n}@example.com` },
          { Name: 'custom:tenant', Value: n % 2 ? 'acme' : 'globex' },
        ],
      }),
    );
  });
}, 120_000);
afterAll(async () => {
  dynamo.destroy();
  await t.stop();
});

/** A directory on a table of its own, so each test starts from its own state. */
async function freshDirectory(): Promise<DirectoryStore> {
  const table = `reconcile-${++tables}`;
  await ensureMetadataTable(dynamo, table);
  return new DirectoryStore(DynamoDBDocumentClient.from(dynamo), table, { indexedAttributes: INDEXED });
}

const run = (directory: DirectoryStore, extra: Partial<ReconcileDeps> = {}): Promise<Counts> =>
  reconcile({ cognito: t.admin, userPoolId: poolId, directory, indexedAttributes: INDEXED, sleep: async () => undefined, ...extra });

const nothingToDo = { checked: USERS, created: 0, fixed: 0, removed: 0, interrupted: false };

async function cognitoUsers(): Promise<UserType[]> {
  const users: UserType[] = [];
  let PaginationToken: string | undefined;
  do {
    const page = await t.admin.send(new ListUsersCommand({ UserPoolId: poolId, PaginationToken }));
    users.push(...(page.Users ?? []));
    PaginationToken = page.PaginationToken;
  } while (PaginationToken);
  return users;
}

async function allRecords(directory: DirectoryStore) {
  const records = [];
  let nextToken: string | undefined;
  do {
    const page = await directory.all(100, nextToken);
    records.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken);
  return records;
}

/** The directory mirrors Cognito exactly: one record per user, each holding Cognito's current fields. */
async function expectInStep(directory: DirectoryStore): Promise<void> {
  const users = await cognitoUsers();
  const records = await directory.getMany(users.map((u) => subOf(u)!));
  records.forEach((record, n) => expect(record).toMatchObject(mirroredFromCognito(users[n], INDEXED)));
  expect((await allRecords(directory)).length).toBe(users.length);
}

test('one run fixes exactly the drift (missing, stale, orphaned records) and a second run changes nothing', async () => {
  const directory = await freshDirectory();
  expect(await run(directory)).toEqual({ ...nothingToDo, created: USERS });
  expect((await directory.get(subOf((await cognitoUsers())[0])!))?.signUpSource).toBe('ADMIN_CREATE_USER');

  const users = await cognitoUsers();
  const missing = users.slice(0, 7);
  const stale = users.slice(10, 15);
  for (const user of missing) await directory.remove(subOf(user)!);
  clock.advance(60_000);
  for (const user of stale) {
    await t.admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: user.Username, UserAttributes: [{ Name: 'custom:tenant', Value: 'initech' }] }));
  }
  const orphans = ['orphan-a', 'orphan-b', 'orphan-c', 'orphan-d'];
  for (const sub of orphans) {
    await directory.mirror(sub, { ...mirroredFromCognito(users[20], INDEXED), username: sub });
    await directory.addEvent({ id: 'e', sub, type: 'SIGN_IN', at: Date.now() });
  }

  expect(await run(directory)).toEqual({ ...nothingToDo, created: missing.length, fixed: stale.length, removed: orphans.length });
  await expectInStep(directory);
  expect((await directory.byAttribute('custom:tenant', 'initech', 10)).items.map((r) => r.sub).sort()).toEqual(stale.map((u) => subOf(u)!).sort());
  expect((await directory.events('orphan-a', 10)).items).toEqual([]);

  expect(await run(directory)).toEqual(nothingToDo);
});

test('an interrupted run removes nothing; the rerun finishes the job, and the one after has nothing to do', async () => {
  const directory = await freshDirectory();
  await directory.mirror('orphan-x', { ...mirroredFromCognito((await cognitoUsers())[0], INDEXED), username: 'x' });
  const controller = new AbortController();
  const first = await run(directory, {
    signal: controller.signal,
    onProgress: (progress) => {
      if (progress.checked >= 120) controller.abort();
    },
  });
  expect(first).toEqual({ checked: 120, created: 120, fixed: 0, removed: 0, interrupted: true });
  expect(await directory.get('orphan-x')).toBeDefined();

  expect(await run(directory)).toEqual({ ...nothingToDo, created: USERS - 120, removed: 1 });
  await expectInStep(directory);
  expect(await run(directory)).toEqual(nothingToDo);
});

test('a record whose user signed up after its page was listed is kept; a user deleted from Cognito loses theirs', async () => {
  const directory = await freshDirectory();
  const create = (email: string) =>
    t.admin.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: email, MessageAction: 'SUPPRESS', TemporaryPassword: 'Temp-Passw0rd!', UserAttributes: [{ Name: 'email', Value: email }] }));
  const leaver = subOf((await create('leaver@example.com')).User!)!;
  expect(await run(directory)).toMatchObject({ checked: USERS + 1, created: USERS + 1 });
  await t.admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'leaver@example.com' }));
  const newcomer = (await create('late@example.com')).User!;
  const lateSub = subOf(newcomer)!;
  await directory.mirror(lateSub, mirroredFromCognito(newcomer, INDEXED));
  // The listing misses the newcomer, as if they had signed up just after their page was read.
  const listingBeforeTheNewcomer = {
    send: async (command: unknown) => {
      const answer = await t.admin.send(command as ListUsersCommand);
      if (command instanceof ListUsersCommand && !command.input.Filter) answer.Users = answer.Users?.filter((u) => subOf(u) !== lateSub);
      return answer;
    },
  } as unknown as CognitoIdentityProviderClient;
  expect(await run(directory, { cognito: listingBeforeTheNewcomer })).toEqual({ ...nothingToDo, removed: 1 });
  expect(await directory.get(leaver)).toBeUndefined();
  expect(await directory.get(lateSub)).toBeDefined();
  await t.admin.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'late@example.com' }));
});

test("a trigger's estimated record is replaced by Cognito's own dates, once", async () => {
  const directory = await freshDirectory();
  const [user] = await cognitoUsers();
  const sub = subOf(user)!;
  // PostConfirmation ran a few seconds after Cognito's change, and guessed createdAt.
  const triggerClock = user.UserLastModifiedDate!.getTime() + 5000;
  const attributes = Object.fromEntries((user.Attributes ?? []).map((a) => [a.Name!, a.Value!]));
  await directory.mirror(sub, mirroredFromTrigger(user.Username!, attributes, triggerClock, INDEXED), { confirmedAt: triggerClock, signUpSource: 'SIGN_UP' });
  expect(await run(directory)).toEqual({ ...nothingToDo, created: USERS - 1, fixed: 1 });
  expect(await directory.get(sub)).toMatchObject({ ...mirroredFromCognito(user, INDEXED), estimated: undefined, signUpSource: 'SIGN_UP', confirmedAt: triggerClock });
  expect(await run(directory)).toEqual(nothingToDo);
});

test('throttling (TooManyRequestsException) is waited out with backoff', async () => {
  const directory = await freshDirectory();
  const waits: number[] = [];
  let throttled = false;
  const throttling = {
    send: (command: unknown) => {
      if (!throttled && command instanceof ListUsersCommand) {
        throttled = true;
        return Promise.reject(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
      }
      return t.admin.send(command as ListUsersCommand);
    },
  } as unknown as CognitoIdentityProviderClient;
  const counts = await run(directory, { cognito: throttling, sleep: async (ms) => void waits.push(ms) });
  expect(counts).toEqual({ ...nothingToDo, created: USERS });
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThan(0);
});
