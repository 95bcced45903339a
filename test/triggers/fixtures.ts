/**
 * Shared by the trigger tests: Cognito-shaped events (the envelope every trigger gets), the
 * shipped settings, and a directory on an embedded DynamoDB.
 */
import { SignInRecords } from '../../src/triggers/signInRecords';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryStore } from '../../src/datasources/metadata/directory.store';
import { ensureMetadataTable } from '../../src/datasources/metadata/table';
import { EmbeddedDynamo, startEmbeddedDynamo } from '../../src/local/dynamodb';
import type { HandlerDeps } from '../../src/triggers/deps';
import { directoryOptions, loadTriggerSettings, TriggerSettings } from '../../src/triggers/settings';

export const POOL_ID = 'us-east-1_TestPool1';
export const CLIENT_ID = 'client1234567890';

/** Cognito's envelope around a trigger's request and response. */
export function cognitoEvent<S extends string, Q, R>(triggerSource: S, userName: string, request: Q, response: R, version = '1') {
  return {
    version,
    triggerSource,
    region: 'us-east-1',
    userPoolId: POOL_ID,
    userName,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: CLIENT_ID },
    request,
    response,
  };
}

let counter = 0;
export const freshSub = (): string => `0000-${Date.now().toString(36)}-${++counter}`;

/** The shipped settings (config/triggers.json), with `changes` laid over them. */
export const shippedSettings = (changes: Partial<TriggerSettings> = {}): TriggerSettings => ({ ...loadTriggerSettings({}), ...changes });

export interface TriggerWorld {
  dynamo: EmbeddedDynamo;
  client: DynamoDBClient;
  directory: DirectoryStore;
  deps(changes?: Partial<HandlerDeps>): HandlerDeps;
  stop(): Promise<void>;
}

export async function startTriggerWorld(clock: () => number = Date.now): Promise<TriggerWorld> {
  const dynamo = await startEmbeddedDynamo();
  const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureMetadataTable(client, 'identity-metadata');
  const settings = shippedSettings();
  const directory = new DirectoryStore(DynamoDBDocumentClient.from(client), 'identity-metadata', { ...directoryOptions(settings), now: clock });
  return {
    dynamo,
    client,
    directory,
    deps: (changes = {}) => ({ directory, settings, now: clock, signInRecords: new SignInRecords(clock), ...changes }),
    async stop() {
      client.destroy();
      await dynamo.close();
    },
  };
}
