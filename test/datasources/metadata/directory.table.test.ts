/**
 * ensureMetadataTable on dynalite: a new table gets the directory's indexes; an existing table
 * without them (made before the directory) is rebuilt keeping every item, and a rebuild cut
 * short at either side of its point of no return is finished on the next call.
 */
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DirectoryStore } from '../../../src/datasources/metadata/directory.store';
import { ensureMetadataTable, METADATA_INDEXES, metadataTableDefinition } from '../../../src/datasources/metadata/table';
import { ensureTable } from '../../../src/lib/dynamoTable';
import { useEmbeddedDynamo } from '../../support/dynamo';

const embedded = useEmbeddedDynamo();

const indexesOf = async (name: string) =>
  ((await embedded.client.send(new DescribeTableCommand({ TableName: name }))).Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName).sort();
const wanted = METADATA_INDEXES.map((i) => i.IndexName).sort();
const tableExists = (name: string) => embedded.client.send(new DescribeTableCommand({ TableName: name })).then(() => true, () => false);
const itemsOf = async (name: string) => ((await embedded.doc.send(new ScanCommand({ TableName: name }))).Items ?? []).sort((a, b) => String(a.pk).localeCompare(String(b.pk)));

const OLD_ITEMS = [
  { pk: 'USER#a', sk: 'SIGNED_OUT', signedOutAt: 1_700_000_000_123 },
  { pk: 'RATE#x', sk: 'W#1', count: 3, expiresAt: 1_700_000_900_000, ttl: 1_700_000_900 },
  { pk: 'SESSION#j', sk: 'REVOKED', revokedAt: 1, expiresAt: 2, tags: new Set(['a', 'b']) },
];

async function oldTable(name: string): Promise<void> {
  await ensureTable(embedded.client, name);
  for (const item of OLD_ITEMS) await embedded.doc.send(new PutCommand({ TableName: name, Item: item }));
}

test('a new table is created with every index, and a second call changes nothing', async () => {
  await ensureMetadataTable(embedded.client, 'fresh');
  await ensureMetadataTable(embedded.client, 'fresh');
  expect(await indexesOf('fresh')).toEqual(wanted);
});

test('a table made before the directory gets its indexes and keeps its items', async () => {
  await oldTable('legacy');
  expect(await indexesOf('legacy')).toEqual([]);
  await ensureMetadataTable(embedded.client, 'legacy');
  expect(await indexesOf('legacy')).toEqual(wanted);
  expect(await itemsOf('legacy')).toEqual(await sortedOld());
  expect(await tableExists('legacy.rebuild')).toBe(false);
  const store = new DirectoryStore(embedded.doc, 'legacy');
  await store.updateApp('s', { plan: 'pro' });
  expect((await store.all(10)).items.map((p) => p.sub)).toEqual(['s']);
});

test('a rebuild cut short after the original was dropped is finished from the side table', async () => {
  // The state after the side copy was completed and the original dropped.
  await embedded.client.send(new CreateTableCommand(metadataTableDefinition('cut.rebuild')));
  for (const item of OLD_ITEMS) await embedded.doc.send(new PutCommand({ TableName: 'cut.rebuild', Item: item }));
  await embedded.doc.send(new PutCommand({ TableName: 'cut.rebuild', Item: { pk: 'REBUILD', sk: 'COMPLETE' } }));
  await ensureMetadataTable(embedded.client, 'cut');
  expect(await indexesOf('cut')).toEqual(wanted);
  expect(await itemsOf('cut')).toEqual(await sortedOld());
  expect(await tableExists('cut.rebuild')).toBe(false);
});

test('a rebuild cut short while copying starts over from the untouched original', async () => {
  await oldTable('early');
  await embedded.client.send(new CreateTableCommand(metadataTableDefinition('early.rebuild')));
  await embedded.doc.send(new PutCommand({ TableName: 'early.rebuild', Item: OLD_ITEMS[0] }));
  await ensureMetadataTable(embedded.client, 'early');
  expect(await indexesOf('early')).toEqual(wanted);
  expect(await itemsOf('early')).toEqual(await sortedOld());
  expect(await tableExists('early.rebuild')).toBe(false);
  await embedded.client.send(new DeleteTableCommand({ TableName: 'early' }));
});

async function sortedOld() {
  return [...OLD_ITEMS].sort((a, b) => a.pk.localeCompare(b.pk));
}

test('against AWS a missing index is added with UpdateTable, one at a time, and the table is never dropped', async () => {
  const sent: string[] = [];
  const indexes: { IndexName?: string; IndexStatus: string }[] = [];
  const aws = {
    config: { endpoint: async () => ({ hostname: 'dynamodb.eu-west-1.amazonaws.com' }) },
    send: async (command: { constructor: { name: string }; input: { GlobalSecondaryIndexUpdates?: { Create?: { IndexName?: string } }[] } }) => {
      sent.push(command.constructor.name);
      if (command.constructor.name === 'UpdateTableCommand') indexes.push({ IndexName: command.input.GlobalSecondaryIndexUpdates?.[0].Create?.IndexName, IndexStatus: 'ACTIVE' });
      return { Table: { TableStatus: 'ACTIVE', GlobalSecondaryIndexes: [...indexes] } };
    },
  } as unknown as DynamoDBClient;
  await ensureMetadataTable(aws, 'identity-metadata');
  expect(sent.filter((name) => name === 'UpdateTableCommand')).toHaveLength(METADATA_INDEXES.length);
  expect(sent).not.toContain('DeleteTableCommand');
  expect(indexes.map((i) => i.IndexName).sort()).toEqual(wanted);
});
