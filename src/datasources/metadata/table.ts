/**
 * The metadata table's definition (keys `pk`, `sk`, and the directory's indexes, see
 * directory.keys.ts) and `ensureMetadataTable`, which makes an existing table match it.
 *
 * A table made before the directory existed lacks the indexes. In AWS they are added with
 * UpdateTable (one per call; DynamoDB backfills each, and queries on an index still CREATING
 * fail until it is ACTIVE). dynalite cannot add an index, so on a DynamoDB on loopback the table
 * is rebuilt instead: copied into a side table, recreated with its indexes and copied back. That
 * happens only on embedded data, before the service serves anything, and resumes if interrupted
 * (see rebuild()); a table elsewhere is never dropped.
 */
import {
  AttributeDefinition,
  AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  GlobalSecondaryIndex,
  PutItemCommand,
  ResourceNotFoundException,
  ScanCommand,
  TableDescription,
  UpdateTableCommand,
  WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { ACTIVITY_INDEX, ATTRIBUTE_SLOTS, attributeSlot } from './directory.keys';

const slots = Array.from({ length: ATTRIBUTE_SLOTS }, (_, slot) => attributeSlot(slot));

const ATTRIBUTES: AttributeDefinition[] = [
  { AttributeName: 'pk', AttributeType: 'S' },
  { AttributeName: 'sk', AttributeType: 'S' },
  ...slots.flatMap((s): AttributeDefinition[] => [
    { AttributeName: s.pk, AttributeType: 'S' },
    { AttributeName: s.sk, AttributeType: 'N' },
  ]),
  { AttributeName: ACTIVITY_INDEX.pk, AttributeType: 'S' },
  { AttributeName: ACTIVITY_INDEX.sk, AttributeType: 'N' },
];

const gsi = (indexName: string, pk: string, sk: string): GlobalSecondaryIndex => ({
  IndexName: indexName,
  KeySchema: [
    { AttributeName: pk, KeyType: 'HASH' },
    { AttributeName: sk, KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'KEYS_ONLY' },
});

export const METADATA_INDEXES: GlobalSecondaryIndex[] = [
  ...slots.map((s) => gsi(s.indexName, s.pk, s.sk)),
  gsi(ACTIVITY_INDEX.indexName, ACTIVITY_INDEX.pk, ACTIVITY_INDEX.sk),
];

export const metadataTableDefinition = (name: string): CreateTableCommandInput => ({
  TableName: name,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: ATTRIBUTES,
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' },
    { AttributeName: 'sk', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: METADATA_INDEXES,
});

/** Marks a side table whose copy is whole, so a rebuild interrupted later copies it back. */
const COMPLETE = { pk: 'REBUILD', sk: 'COMPLETE' };
const sideTable = (name: string) => `${name}.rebuild`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function describe(client: DynamoDBClient, name: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: name }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

/** Waits for the table and its indexes to be ACTIVE (an index being backfilled blocks adding the next). */
async function waitUntilActive(client: DynamoDBClient, name: string): Promise<TableDescription> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const table = await describe(client, name);
    if (table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE')) return table;
    await sleep(Math.min(1000, 20 * 2 ** attempt));
  }
  throw new Error(`DynamoDB table ${name} did not become ACTIVE`);
}

async function create(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new CreateTableCommand(metadataTableDefinition(name)));
  } catch (error) {
    // Another process created it between our describe and create: that is the outcome we wanted.
    if ((error as Error).name !== 'ResourceInUseException') throw error;
  }
  await waitUntilActive(client, name);
}

async function drop(client: DynamoDBClient, name: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: name }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  for (let attempt = 0; (await describe(client, name)) && attempt < 600; attempt++) await sleep(Math.min(1000, 20 * 2 ** attempt));
}

const missingIndexes = (table: TableDescription): GlobalSecondaryIndex[] =>
  METADATA_INDEXES.filter((wanted) => !table.GlobalSecondaryIndexes?.some((index) => index.IndexName === wanted.IndexName));

const isMarker = (item: Record<string, AttributeValue>) => item.pk?.S === COMPLETE.pk && item.sk?.S === COMPLETE.sk;

/**
 * Copies every item except the rebuild marker. Raw attribute values, so nothing is changed by
 * translation (and no document client is layered on the caller's client, whose options it would
 * overwrite).
 */
async function copyItems(client: DynamoDBClient, from: string, to: string): Promise<void> {
  let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: from, ExclusiveStartKey, ConsistentRead: true }));
    const items = (page.Items ?? []).filter((item) => !isMarker(item));
    for (let i = 0; i < items.length; i += 25) {
      let pending: WriteRequest[] = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt >= 8) throw new Error(`copying ${from} to ${to}: BatchWriteItem kept leaving items unprocessed`);
        if (attempt > 0) await sleep(20 * 2 ** attempt);
        pending = (await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: pending } }))).UnprocessedItems?.[to] ?? [];
      }
    }
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

const markerKey = { pk: { S: COMPLETE.pk }, sk: { S: COMPLETE.sk } };
const isCompleteCopy = async (client: DynamoDBClient, name: string): Promise<boolean> =>
  (await client.send(new GetItemCommand({ TableName: name, Key: markerKey, ConsistentRead: true }))).Item !== undefined;

/**
 * Recreates `name` with its indexes, keeping its items. Each step leaves a state the next start
 * finishes: until the side table is marked complete the original is untouched (and an unfinished
 * side table is made again); once it is, the original is recreated from it.
 */
async function rebuild(client: DynamoDBClient, name: string): Promise<void> {
  const side = sideTable(name);
  if (!(await describe(client, side)) || !(await isCompleteCopy(client, side))) {
    await drop(client, side);
    await create(client, side);
    await copyItems(client, name, side);
    await client.send(new PutItemCommand({ TableName: side, Item: markerKey }));
  }
  const original = await describe(client, name);
  if (original && missingIndexes(original).length > 0) await drop(client, name);
  await create(client, name);
  await copyItems(client, side, name);
  await drop(client, side);
}

/** Adds missing indexes the DynamoDB way: one UpdateTable each, waiting for the last to settle. */
async function addIndexes(client: DynamoDBClient, name: string, missing: GlobalSecondaryIndex[]): Promise<void> {
  for (const index of missing) {
    await waitUntilActive(client, name);
    await client.send(new UpdateTableCommand({ TableName: name, AttributeDefinitions: ATTRIBUTES, GlobalSecondaryIndexUpdates: [{ Create: index }] }));
  }
}

/**
 * Whether the client talks to a DynamoDB on this machine (dynalite, DynamoDB local): the only
 * place a table is ever dropped and rebuilt. Against AWS a missing index is added, never rebuilt.
 */
async function isLoopback(client: DynamoDBClient): Promise<boolean> {
  const endpoint = await client.config.endpoint?.();
  return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(endpoint?.hostname ?? '');
}

/** Creates the metadata table with its indexes, or brings an existing one up to them; safe on every start. */
export async function ensureMetadataTable(client: DynamoDBClient, name: string): Promise<void> {
  const local = await isLoopback(client);
  // A rebuild that was interrupted is finished first, whatever the original looks like now.
  if (local && (await describe(client, sideTable(name)))) return rebuild(client, name);
  const table = await describe(client, name);
  if (!table) return create(client, name);
  const missing = missingIndexes(table);
  if (missing.length === 0) return;
  // dynalite cannot add an index to a table (it refuses or ignores UpdateTable's Create).
  if (local) return rebuild(client, name);
  await addIndexes(client, name, missing);
}
