/**
 * Child process for bench:api: serves either the real API (against the world child's
 * endpoints) or a bare Apollo Server answering `{ __typename }`, then prints its URL.
 * Usage: node servers.child.js api '<world json>' ['<cache windows json>' | ''] [observed] | node servers.child.js bare
 *
 * `observed`: the access log at info (JSON lines on stderr, which the bench sends to a file) and
 * Prometheus metrics on a port of their own, as a deployment runs it; otherwise both are off.
 */
import '../../src/quietSdk';
import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DEFAULT_RATE_LIMITS } from '../../src/auth/rateLimitPolicy';
import { DEFAULT_CACHE_WINDOWS } from '../../src/config';
import { createLogger } from '../../src/logger';
import { directorySettings } from '../../src/settings';
import { loadTriggerSettings } from '../../src/triggers';
import { CacheWindows, startApi } from '../../src/server';

async function bare(): Promise<string> {
  const server = new ApolloServer({ typeDefs: 'type Query { ok: Boolean }', resolvers: {} });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return url;
}

async function api(worldJson: string, cacheJson: string | undefined, observed: boolean): Promise<string> {
  const world = JSON.parse(worldJson) as {
    engineEndpoint: string;
    dynamoEndpoint: string;
    credentials: { accessKeyId: string; secretAccessKey: string };
    userPoolId: string;
    clientId: string;
    apiKeys: string[];
  };
  const running = await startApi(
    {
      region: 'us-east-1',
      userPoolId: world.userPoolId,
      clientId: world.clientId,
      issuer: `${world.engineEndpoint}/${world.userPoolId}`,
      cognitoEndpoint: world.engineEndpoint,
      dynamoEndpoint: world.dynamoEndpoint,
      credentials: world.credentials,
      metadataTable: 'identity-metadata',
      apiKeys: world.apiKeys,
      production: true,
      port: 0,
      host: '127.0.0.1',
      maxBodyBytes: 64 * 1024,
      cache: cacheJson ? (JSON.parse(cacheJson) as CacheWindows) : DEFAULT_CACHE_WINDOWS,
      rateLimits: DEFAULT_RATE_LIMITS,
      trustedProxies: [],
      directory: directorySettings(loadTriggerSettings()),
      metrics: observed ? { port: 0 } : undefined,
    },
    createLogger(observed ? 'info' : 'silent'),
  );
  return running.url;
}

(process.argv[2] === 'api' ? api(process.argv[3], process.argv[4] || undefined, process.argv[5] === 'observed') : bare())
  .then((url) => console.log(JSON.stringify({ url })))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
