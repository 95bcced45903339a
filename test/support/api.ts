/**
 * Test harness for the API: the embedded world in memory (dynalite, the engine at test hash
 * cost, the pool from config/user-pool.json, a seeded admin), the API on a random port, and a
 * GraphQL client that calls it over HTTP the way a frontend does, with the typed documents
 * generated from test/operations.
 */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Clock } from '../../src/local/cognito/clock';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { EmbeddedWorld, startEmbeddedWorld, worldApiSettings } from '../../src/local/embedded';
import { createLogger } from '../../src/logger';
import { ApiSettings, CacheWindows, MetricsSettings, RunningApi, startApi } from '../../src/server';
import { DEFAULT_CACHE_WINDOWS, LogLevel } from '../../src/config';
import type { Budget, RateLimitPolicy } from '../../src/auth/rateLimitPolicy';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryStore } from '../../src/datasources/metadata/directory.store';
import type { Directory } from '../../src/datasources/metadata/directory.types';
import { directorySettings } from '../../src/settings';
import { loadTriggerSettings, TriggerSettings } from '../../src/triggers';
import type { FaultSwitch } from './faults';

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'Admin-Passw0rd!';
export const API_KEY = 'test-api-key-0123456789';

export interface GraphQLResponse<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; errorType?: string; path?: (string | number)[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface Credentials {
  apiKey?: string;
  token?: string;
  headers?: Record<string, string>;
}

/** Calls one running API over HTTP. */
export interface ApiClient {
  url: string;
  gql<T, V>(document: TypedDocumentNode<T, V>, variables: V, credentials: Credentials): Promise<GraphQLResponse<T>>;
  raw(body: unknown, credentials: Credentials): Promise<GraphQLResponse<unknown>>;
}

export interface Replica extends ApiClient {
  api: RunningApi;
  stop(): Promise<void>;
}

export interface TestApi extends ApiClient {
  world: EmbeddedWorld;
  api: RunningApi;
  /** The newest code (or temporary password) sent to an address. */
  codeFor(address: string): string;
  /** A second API process's worth of state on the same world, as behind a load balancer (`extra` overrides its settings). */
  replica(cache: CacheWindows, extra?: Partial<ApiSettings>): Promise<Replica>;
  /** The user directory, read straight from the metadata table (to see what made a record). */
  directory: Directory;
  stop(): Promise<void>;
}

export interface TestApiOptions {
  production?: boolean;
  /** Pre-fill the playground with the API key, as embedded `npm start` does. */
  playground?: boolean;
  /**
   * The engine's clock (a ManualClock for code and session expiry). The API verifies token
   * expiry in real time, so advance it only to expire codes and sessions, then sign in again.
   */
  clock?: Clock;
  /** The API's cache windows; the shipped defaults unless a test is about them. */
  cache?: CacheWindows;
  /** The pool definition file (same shape as config/user-pool.json); config/user-pool.json unless given. */
  poolFile?: string;
  /** Receives the API's log lines at LOG_LEVEL=debug (or `logLevel`); the API logs nothing unless given. */
  log?: (line: string) => void;
  logLevel?: LogLevel;
  /** Prometheus metrics (off unless given), as METRICS_PORT / METRICS_TOKEN set them. */
  metrics?: MetricsSettings;
  /**
   * The API's rate limits. Unless a test is about them, limits far above what any suite sends
   * from its one loopback address, so suites stay independent of the shipped numbers.
   */
  rateLimits?: RateLimitPolicy;
  trustedProxies?: string[];
  /** While on, every directory call fails, for the triggers and the API alike (a DynamoDB outage). */
  directoryOutage?: FaultSwitch;
  /** The triggers' settings; config/triggers.json unless given. */
  triggers?: TriggerSettings;
  /** How long a trigger may take (the engine's default is Cognito's 5 s). */
  triggerTimeoutMs?: number;
}

const ROOMY: Budget = { perAccount: 10_000, perIp: 100_000, windowMs: 60_000 };
export const ROOMY_RATE_LIMITS: RateLimitPolicy = { password: ROOMY, code: ROOMY, token: ROOMY, send: ROOMY };

function clientFor(url: string): ApiClient {
  async function raw(body: unknown, credentials: Credentials): Promise<GraphQLResponse<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...credentials.headers };
    if (credentials.apiKey !== undefined) headers['x-api-key'] = credentials.apiKey;
    if (credentials.token !== undefined) headers.authorization = `Bearer ${credentials.token}`;
    const response = await fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const json = (await response.json()) as Omit<GraphQLResponse<unknown>, 'status'>;
    return { status: response.status, ...json };
  }
  return {
    url,
    raw,
    gql: <T, V>(document: TypedDocumentNode<T, V>, variables: V, credentials: Credentials) =>
      raw({ query: print(document), variables }, credentials) as Promise<GraphQLResponse<T>>,
  };
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const triggers = options.triggers ?? loadTriggerSettings();
  const world = await startEmbeddedWorld({
    region: 'us-east-1',
    metadataTable: 'identity-metadata',
    apiKeys: [API_KEY],
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    hashCost: TEST_COST,
    clock: options.clock,
    poolFile: options.poolFile,
    triggers,
    wrapTriggerDirectory: options.directoryOutage && ((d) => options.directoryOutage!.wrap(d)),
    triggerTimeoutMs: options.triggerTimeoutMs,
    // The fault tests make triggers fail on purpose; what they report is the API log's business.
    onTriggerError: (trigger, error) => options.log?.(JSON.stringify({ message: 'trigger failed', trigger, error: (error as Error)?.name })),
  });
  const serve = (cache: CacheWindows, extra: Partial<ApiSettings> = {}) =>
    startApi(
      {
        ...worldApiSettings(world, 'us-east-1'),
        metadataTable: 'identity-metadata',
        production: options.production ?? false,
        port: 0,
        host: '127.0.0.1',
        maxBodyBytes: 64 * 1024,
        cache,
        rateLimits: options.rateLimits ?? ROOMY_RATE_LIMITS,
        trustedProxies: options.trustedProxies ?? [],
        directory: directorySettings(triggers),
        metrics: options.metrics,
        ...extra,
      },
      options.log ? createLogger(options.logLevel ?? 'debug', options.log) : createLogger('silent'),
      { wrapDirectory: options.directoryOutage && ((d) => options.directoryOutage!.wrap(d)) },
    );
  const api = await serve(options.cache ?? DEFAULT_CACHE_WINDOWS, { playgroundApiKey: options.playground ? API_KEY : undefined });
  const replicas: RunningApi[] = [];
  const directoryClient = new DynamoDBClient({ endpoint: world.dynamo.endpoint, region: 'us-east-1', credentials: world.engine.credentials });
  const directory = new DirectoryStore(DynamoDBDocumentClient.from(directoryClient), 'identity-metadata', directorySettings(triggers));

  return {
    ...clientFor(api.url),
    world,
    api,
    codeFor(address: string) {
      const message = world.engine.outbox.latest(address);
      if (!message?.code) throw new Error(`no message was sent to ${address}`);
      return message.code;
    },
    async replica(cache: CacheWindows, extra?: Partial<ApiSettings>) {
      const running = await serve(cache, extra);
      replicas.push(running);
      const stop = async () => {
        replicas.splice(replicas.indexOf(running), 1);
        await running.close();
      };
      return { ...clientFor(running.url), api: running, stop };
    },
    directory,
    async stop() {
      directoryClient.destroy();
      await Promise.all(replicas.map((r) => r.close()));
      await api.close();
      await world.close();
    },
  };
}

/** First error's code, for terse assertions. */
export const errorCode = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;
