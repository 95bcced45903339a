/**
 * Which pool and DynamoDB reconcile works on, from the service's own configuration (loadConfig):
 *
 * - AWS mode (COGNITO_USER_POOL_ID set): Amazon Cognito and DynamoDB, credentials from the SDK's
 *   default chain, endpoints from COGNITO_ENDPOINT / DYNAMODB_ENDPOINT if set.
 * - Embedded mode: the embedded world is started from DATA_DIR exactly as `npm start` starts it
 *   (the pool from config/user-pool.json, found by name), with the engine on a free port. Its data
 *   can be open in one process at a time, so `npm start` must not be running meanwhile.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Config } from '../config';
import { ensureMetadataTable } from '../datasources/metadata/table';
import { startEmbeddedWorld } from '../local/embedded';

export interface Target {
  cognito: CognitoIdentityProviderClient;
  dynamo: DynamoDBClient;
  userPoolId: string;
  /** Said once at the start, so the operator sees what is being reconciled. */
  description: string;
  close(): Promise<void>;
}

function awsTarget(config: Config): Target {
  const cognito = new CognitoIdentityProviderClient({ region: config.region, endpoint: config.cognitoEndpoint });
  const dynamo = new DynamoDBClient({ region: config.region, endpoint: config.dynamoEndpoint });
  return {
    cognito,
    dynamo,
    userPoolId: config.userPoolId!,
    description: `Amazon Cognito pool ${config.userPoolId} (${config.region}), DynamoDB table ${config.metadataTable}`,
    async close() {
      cognito.destroy();
      dynamo.destroy();
    },
  };
}

async function embeddedTarget(config: Config): Promise<Target> {
  const world = await startEmbeddedWorld({
    dataDir: config.dataDir,
    region: config.region,
    metadataTable: config.metadataTable,
    enginePort: 0,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    printOutbox: false,
  });
  const credentials = world.engine.credentials;
  const cognito = new CognitoIdentityProviderClient({ endpoint: world.engine.endpoint, region: world.engine.region, credentials });
  const dynamo = new DynamoDBClient({ endpoint: world.dynamo.endpoint, region: config.region, credentials });
  // Idempotent; covers data from before the directory's indexes existed.
  await ensureMetadataTable(dynamo, config.metadataTable);
  return {
    cognito,
    dynamo,
    userPoolId: world.pool.userPoolId,
    description: `embedded pool ${world.pool.userPoolId} in ${config.dataDir}`,
    async close() {
      cognito.destroy();
      dynamo.destroy();
      await world.close();
    },
  };
}

export const openTarget = (config: Config): Promise<Target> => (config.mode === 'aws' ? Promise.resolve(awsTarget(config)) : embeddedTarget(config));
