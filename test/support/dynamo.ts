/**
 * An embedded DynamoDB for the tests of one file: dynalite in memory, a client and a document
 * client on it, started before the file's tests and closed after. Its fields are set once the
 * file's beforeAll has run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../src/local/dynamodb';

export interface TestDynamo {
  dynamo: EmbeddedDynamo;
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
}

/** Registers the file's beforeAll/afterAll; `prepare` runs once the client exists (e.g. to create a table). */
export function useEmbeddedDynamo(prepare?: (client: DynamoDBClient) => Promise<unknown>): TestDynamo {
  const context = {} as TestDynamo;
  beforeAll(async () => {
    context.dynamo = await startEmbeddedDynamo();
    context.client = new DynamoDBClient({ endpoint: context.dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    context.doc = DynamoDBDocumentClient.from(context.client);
    await prepare?.(context.client);
  });
  afterAll(async () => {
    context.client?.destroy();
    await context.dynamo?.close();
  });
  return context;
}
