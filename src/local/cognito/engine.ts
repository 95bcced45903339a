/**
 * Builds and starts the engine: its DynamoDB table, its services, and its HTTP server on
 * loopback. Used embedded (by `npm start` and the tests) and standalone (`npm run cognito:local`).
 */
import '../../quietSdk';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { DynamoRequestHandler, InProcessDynamoHandler } from '../dynaliteTransport';
import { Clock, systemClock } from './clock';
import { AuthEventsStore } from './domain/authEvents.store';
import { Budgets } from './domain/budgets';
import { BudgetsStore } from './domain/budgets.store';
import { CodeService } from './domain/codes';
import { CodesStore } from './domain/codes.store';
import { DevicesStore } from './domain/devices/devices.store';
import { GhostsStore } from './domain/ghosts.store';
import { GroupsStore } from './domain/groups.store';
import { Lockout } from './domain/lockout';
import { SecretBox } from './domain/mfa/secretBox';
import { Outbox } from './domain/outbox';
import { HashCost, OWASP_COST, PasswordHasher } from './domain/passwords';
import { PoolsStore } from './domain/pools.store';
import { SessionsStore } from './domain/sessions.store';
import { ensureTable, openTable } from './domain/table';
import { TokenSigner } from './domain/tokens';
import { CustomMessages } from './domain/triggers/customMessage';
import { TriggerInvoker, TriggerOptions } from './domain/triggers/invoker';
import { UsersStore } from './domain/users.store';
import { createEngineServer } from './server';
import type { EngineServices } from './services';
import type { Credentials } from './sigv4';

export const DEFAULT_ENGINE_CREDENTIALS: Credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export interface EngineOptions {
  /** DynamoDB endpoint the engine stores its state in (dynalite locally). */
  dynamoEndpoint: string;
  /**
   * The DynamoDB client's transport: the in-process one of an embedded dynalite
   * (EmbeddedDynamo.requestHandler), with which the engine's stores also take the lean document
   * client (../leanDocumentClient.ts), or the SDK's default HTTP handler when absent.
   */
  dynamoRequestHandler?: DynamoRequestHandler;
  tableName?: string;
  region?: string;
  port?: number;
  host?: string;
  clock?: Clock;
  hashCost?: HashCost;
  /** The only credentials admin (SigV4) requests are accepted from. */
  credentials?: Credentials;
  /**
   * A key kept outside the table (at least 32 bytes), mixed into the key that seals TOTP secrets,
   * so that a dump of the table alone does not reveal them (domain/mfa/secretBox.ts). It must stay
   * the same across restarts, or the sealed secrets no longer open.
   */
  secretKey?: Buffer;
  /** Print each outgoing message in a box on stdout. */
  printOutbox?: boolean;
  /** Serve /_local/outbox. For development and tests only. */
  devEndpoints?: boolean;
  onInternalError?: (operation: string, error: unknown) => void;
  /**
   * How the pools' Lambda triggers are reached: handlers run in-process by function name, else
   * the Lambda Invoke API at `lambdaEndpoint`; see domain/triggers/invoker.ts.
   */
  triggers?: TriggerOptions;
}

export interface Engine {
  endpoint: string;
  region: string;
  credentials: Credentials;
  services: EngineServices;
  outbox: Outbox;
  /** Calls `listener` with the name of each API operation requested; returns the unsubscribe. */
  observe(listener: (operation: string) => void): () => void;
  close(): Promise<void>;
}

/**
 * The default report of an unexpected failure. A DynamoDB error's message can quote the values
 * it was given (hashes, digests), so service errors are named only; programming errors (a
 * TypeError and the like) keep their message, which holds no request data.
 */
function logInternalError(operation: string, error: unknown): void {
  const fromService = typeof error === 'object' && error !== null && '$metadata' in error;
  const detail = error instanceof Error ? (fromService ? error.name : `${error.name}: ${error.message}`) : 'unknown error';
  console.error(`[cognito-local] ${operation} failed: ${detail}`);
}

export async function startEngine(options: EngineOptions): Promise<Engine> {
  const region = options.region ?? 'us-east-1';
  const credentials = options.credentials ?? DEFAULT_ENGINE_CREDENTIALS;
  const dynamo = new DynamoDBClient({
    endpoint: options.dynamoEndpoint,
    region,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(options.dynamoRequestHandler ? { requestHandler: options.dynamoRequestHandler } : {}),
  });
  const tableName = options.tableName ?? 'cognito-engine';
  await ensureTable(dynamo, tableName);
  const inProcess = options.dynamoRequestHandler instanceof InProcessDynamoHandler ? options.dynamoRequestHandler : undefined;
  const table = openTable(dynamo, tableName, inProcess);
  if (options.secretKey && options.secretKey.length < 32) throw new Error('EngineOptions.secretKey must be at least 32 bytes');
  const clock = options.clock ?? systemClock;
  const outbox = new Outbox({ print: options.printOutbox ?? false });
  const users = new UsersStore(table);
  const ghosts = new GhostsStore(table);
  const budgets = new Budgets(new BudgetsStore(table), clock);
  const triggers = new TriggerInvoker(options.triggers);
  const messages = new CustomMessages(triggers);
  let endpoint = '';
  const services: EngineServices = {
    clock,
    region,
    pools: new PoolsStore(table),
    users,
    sessions: new SessionsStore(table),
    groups: new GroupsStore(table),
    ghosts,
    devices: new DevicesStore(table),
    codes: new CodeService(new CodesStore(table), budgets, outbox, clock, messages),
    budgets,
    lockout: new Lockout(users, ghosts),
    hasher: new PasswordHasher(options.hashCost ?? OWASP_COST),
    secrets: new SecretBox(options.secretKey),
    tokens: new TokenSigner(clock, (poolId) => `${endpoint}/${poolId}`),
    outbox,
    triggers,
    messages,
    authEvents: new AuthEventsStore(table),
  };
  const observers = new Set<(operation: string) => void>();
  const server: Server = createEngineServer(services, {
    credentials,
    onRequest: (operation) => observers.forEach((observer) => observer(operation)),
    devEndpoints: options.devEndpoints ?? true,
    onInternalError: options.onInternalError ?? logInternalError,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  endpoint = `http://${options.host ?? '127.0.0.1'}:${port}`;
  return {
    endpoint,
    region,
    credentials,
    services,
    outbox,
    observe(listener) {
      observers.add(listener);
      return () => observers.delete(listener);
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      triggers.close();
      dynamo.destroy();
    },
  };
}
