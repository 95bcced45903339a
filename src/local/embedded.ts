/**
 * Embedded mode: dynalite and the Cognito-compatible engine on loopback, the pool from
 * config/user-pool.json, the metadata table, a dev API key and a seeded admin. The API is then
 * configured exactly as it would be for AWS, with these endpoints. The pool's triggers name the
 * project's own handlers (src/triggers), which the engine runs in-process, as Lambda would run
 * them in AWS.
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryStore } from '../datasources/metadata/directory.store';
import type { Directory } from '../datasources/metadata/directory.types';
import { ensureMetadataTable } from '../datasources/metadata/table';
import { createTriggerHandlers, directoryOptions, loadTriggerSettings, TriggerHandlers, TriggerSettings } from '../triggers';
import { Engine, startEngine } from './cognito/engine';
import type { TriggerOptions } from './cognito/domain/triggers/invoker';
import type { HashCost } from './cognito/domain/passwords';
import type { Clock } from './cognito/clock';
import { EmbeddedDynamo, startEmbeddedDynamo } from './dynamodb';
import { engineSecretKey } from './engineSecret';
import { ensurePool, EnsuredPool, readPoolDefinition } from './poolDefinition';
import { AdminSeed, seedAdmin } from './seedAdmin';

/** Resolved from the working directory: npm scripts and tests run at the project root. */
export const DEFAULT_POOL_FILE = join(process.cwd(), 'config', 'user-pool.json');

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface EmbeddedOptions {
  /** Where state lives; in memory when absent (tests). */
  dataDir?: string;
  enginePort?: number;
  region: string;
  metadataTable: string;
  poolFile?: string;
  apiKeys?: string[];
  adminEmail?: string;
  adminPassword?: string;
  printOutbox?: boolean;
  hashCost?: HashCost;
  clock?: Clock;
  /**
   * The triggers' settings (config/triggers.json and the environment when not given); the
   * project's handlers are registered with the engine under their function names.
   */
  triggers?: TriggerSettings;
  /** For tests: wraps the directory the triggers write to (e.g. to inject an outage). */
  wrapTriggerDirectory?: (directory: Directory) => Directory;
  /** How long a trigger may take (the engine's default is Cognito's 5 s). */
  triggerTimeoutMs?: number;
  /** Where the triggers report their own failures (stderr as JSON lines by default, as a Lambda would log). */
  onTriggerError?: (trigger: string, error: unknown) => void;
  /** Wraps the project's handlers before the engine gets them (npm start counts them for the metrics). */
  wrapTriggerHandlers?: (handlers: TriggerHandlers) => TriggerHandlers;
}

export interface EmbeddedWorld {
  engine: Engine;
  dynamo: EmbeddedDynamo;
  pool: EnsuredPool;
  apiKeys: string[];
  admin: AdminSeed;
  /** The engine's trigger options (the project's handlers), for another engine on the same state. */
  triggers: TriggerOptions;
  close(): Promise<void>;
}

/** The API's settings for talking to this world (the rest comes from configuration). */
export function worldApiSettings(world: EmbeddedWorld, region: string) {
  return {
    region,
    userPoolId: world.pool.userPoolId,
    clientId: world.pool.clientId,
    clientSecret: world.pool.clientSecret,
    issuer: `${world.engine.endpoint}/${world.pool.userPoolId}`,
    cognitoEndpoint: world.engine.endpoint,
    dynamoEndpoint: world.dynamo.endpoint,
    credentials: world.engine.credentials,
    apiKeys: world.apiKeys,
  };
}

/** The dev API key: generated on first start and kept in the data directory. */
function devApiKey(dataDir: string | undefined): string {
  const file = dataDir && join(dataDir, 'api-key');
  if (file && existsSync(file)) return readFileSync(file, 'utf8').trim();
  const key = `da2-${randomBytes(20).toString('base64url')}`;
  if (file) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `${key}\n`, { mode: 0o600 });
  }
  return key;
}

export async function startEmbeddedWorld(options: EmbeddedOptions): Promise<EmbeddedWorld> {
  const definition = readPoolDefinition(options.poolFile ?? DEFAULT_POOL_FILE);
  const dynamo = await startEmbeddedDynamo({ dir: options.dataDir && join(options.dataDir, 'dynamodb') });
  const ddb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: options.region, credentials: LOCAL_CREDENTIALS });
  await ensureMetadataTable(ddb, options.metadataTable);
  const triggers = options.triggers ?? loadTriggerSettings();
  const store = new DirectoryStore(DynamoDBDocumentClient.from(ddb, { marshallOptions: { removeUndefinedValues: true } }), options.metadataTable, directoryOptions(triggers));
  const created = createTriggerHandlers({ directory: options.wrapTriggerDirectory?.(store) ?? store, settings: triggers, onError: options.onTriggerError });
  const handlers = options.wrapTriggerHandlers?.(created) ?? created;
  const engineTriggers: TriggerOptions = { functions: handlers as unknown as TriggerOptions['functions'], timeoutMs: options.triggerTimeoutMs };
  const engine = await startEngine({
    dynamoEndpoint: dynamo.endpoint,
    dynamoRequestHandler: dynamo.requestHandler,
    region: options.region,
    port: options.enginePort ?? 0,
    printOutbox: options.printOutbox ?? false,
    hashCost: options.hashCost,
    clock: options.clock,
    // Kept with the data, so TOTP secrets sealed by one start open in the next (none in memory: tests).
    secretKey: options.dataDir ? engineSecretKey(options.dataDir) : undefined,
    triggers: engineTriggers,
  });
  const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials });
  try {
    const pool = await ensurePool(sdk, definition);
    const admin = await seedAdmin(sdk, pool, {
      email: options.adminEmail,
      password: options.adminPassword,
      credentialsFile: options.dataDir && join(options.dataDir, 'admin.json'),
    });
    const apiKeys = options.apiKeys?.length ? options.apiKeys : [devApiKey(options.dataDir)];
    return {
      engine,
      dynamo,
      pool,
      apiKeys,
      admin,
      triggers: engineTriggers,
      async close() {
        await engine.close();
        ddb.destroy();
        await dynamo.close();
      },
    };
  } catch (error) {
    await engine.close();
    ddb.destroy();
    await dynamo.close();
    throw error;
  } finally {
    sdk.destroy();
  }
}
