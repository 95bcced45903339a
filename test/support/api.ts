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
import { CacheWindows, RunningApi, startApi } from '../../src/server';
import { DEFAULT_CACHE_WINDOWS } from '../../src/config';

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

export interface TestApi {
  url: string;
  world: EmbeddedWorld;
  api: RunningApi;
  gql<T, V>(document: TypedDocumentNode<T, V>, variables: V, credentials: Credentials): Promise<GraphQLResponse<T>>;
  raw(body: unknown, credentials: Credentials): Promise<GraphQLResponse<unknown>>;
  /** The newest code (or temporary password) sent to an address. */
  codeFor(address: string): string;
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
}

export async function startTestApi(options: TestApiOptions = {}): Promise<TestApi> {
  const world = await startEmbeddedWorld({
    region: 'us-east-1',
    metadataTable: 'identity-metadata',
    apiKeys: [API_KEY],
    adminEmail: ADMIN_EMAIL,
    adminPassword: ADMIN_PASSWORD,
    hashCost: TEST_COST,
    clock: options.clock,
  });
  const api = await startApi(
    {
      ...worldApiSettings(world, 'us-east-1'),
      metadataTable: 'identity-metadata',
      production: options.production ?? false,
      playgroundApiKey: options.playground ? API_KEY : undefined,
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 64 * 1024,
      cache: options.cache ?? DEFAULT_CACHE_WINDOWS,
    },
    createLogger('silent'),
  );

  async function raw(body: unknown, credentials: Credentials): Promise<GraphQLResponse<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...credentials.headers };
    if (credentials.apiKey !== undefined) headers['x-api-key'] = credentials.apiKey;
    if (credentials.token !== undefined) headers.authorization = `Bearer ${credentials.token}`;
    const response = await fetch(api.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const json = (await response.json()) as Omit<GraphQLResponse<unknown>, 'status'>;
    return { status: response.status, ...json };
  }

  return {
    url: api.url,
    world,
    api,
    raw,
    gql: <T, V>(document: TypedDocumentNode<T, V>, variables: V, credentials: Credentials) =>
      raw({ query: print(document), variables }, credentials) as Promise<GraphQLResponse<T>>,
    codeFor(address: string) {
      const message = world.engine.outbox.latest(address);
      if (!message?.code) throw new Error(`no message was sent to ${address}`);
      return message.code;
    },
    async stop() {
      await api.close();
      await world.close();
    },
  };
}

/** First error's code, for terse assertions. */
export const errorCode = (response: GraphQLResponse<unknown>): string | undefined => response.errors?.[0]?.extensions?.code;
