/**
 * Assembles the API from its settings: SDK clients, datasources, token verification, the
 * schema with its auth rules, Apollo, and the HTTP front. The same code serves both worlds;
 * only the endpoints and credentials differ.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AddressInfo } from 'node:net';
import { ApiKeys } from './auth/apiKeys';
import { TrustedProxies } from './auth/clientIp';
import type { RateLimitPolicy } from './auth/rateLimitPolicy';
import { RateLimiter } from './auth/rateLimits';
import { Authenticator } from './auth/authenticate';
import { AccessTokenVerifier } from './auth/tokenVerifier';
import type { ApiContext } from './context';
import { CognitoGateway } from './datasources/cognito/gateway';
import { createDataSources, SharedSources, SourceClients } from './datasources/dataSources';
import { PoolDataSource } from './datasources/cognito/pool.datasource';
import { CognitoRetryStrategy } from './datasources/cognito/retries';
import { RecentProfiles } from './datasources/cognito/recentProfiles';
import type { Directory } from './datasources/metadata/directory.types';
import { RateLimitsStore } from './datasources/metadata/rateLimits.store';
import { RevocationsStore } from './datasources/metadata/revocations.store';
import { createErrorFormatter } from './formatError';
import { createHttpServer, RequestSources } from './http';
import { documentLimits } from './limits/documentLimits';
import type { ServiceLogger } from './logger';
import { observeApi } from './observability/apiObservability';
import { requestClients } from './observability/backendCalls';
import { Drain, DrainOutcome } from './observability/drain';
import type { ServiceMetrics } from './observability/metrics';
import { MetricsServer, startMetricsServer } from './observability/metricsEndpoint';
import { backendProbes } from './observability/probes';
import { Readiness } from './observability/readiness';
import type { RequestScope } from './observability/requestScope';
import { requestObserverPlugin } from './observability/requestPlugin';
import { observeSignIns } from './observability/signInOutcomes';
import { buildApiSchema } from './schema/build';
import { createWebFront } from './web';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface ApiSettings {
  region: string;
  userPoolId: string;
  clientId: string;
  clientSecret?: string;
  /** The token issuer; Amazon's `https://cognito-idp.<region>.amazonaws.com/<pool>` in AWS. */
  issuer: string;
  cognitoEndpoint?: string;
  dynamoEndpoint?: string;
  /** Explicit credentials (embedded mode); otherwise the SDK's default provider chain. */
  credentials?: AwsCredentials;
  metadataTable: string;
  apiKeys: string[];
  production: boolean;
  /**
   * Embedded mode only: the dev API key, which the web app (src/web) is served with: the portal
   * sends it and the playground opens with it, from /config.json. Never set it for a deployed
   * service: any visitor could read it there.
   */
  playgroundApiKey?: string;
  port: number;
  host: string;
  maxBodyBytes: number;
  cache: CacheWindows;
  rateLimits: RateLimitPolicy;
  /** Proxies whose X-Forwarded-For names the client (addresses or CIDR ranges). */
  trustedProxies: string[];
  /** The user directory's options (from the trigger settings, shared with the triggers and reconcile). */
  directory: DirectorySettings;
  /** Issuers accepted besides `issuer` (COGNITO_ACCEPTED_ISSUERS), e.g. a replicated pool's. */
  acceptedIssuers?: string[];
  /** Prometheus metrics, when exposed: on a port of their own and/or behind a token on this one. Off when absent. */
  metrics?: MetricsSettings;
  /** How long `/readyz` waits for each backend (READY_TIMEOUT_MS; 2 s when absent). */
  readyTimeoutMs?: number;
  /** The issuer authenticator apps show for TOTP secrets (APP_NAME; "Identity API" when absent). */
  totpIssuer?: string;
}

export interface MetricsSettings {
  /** The metrics listener's port (0 picks a free one); none when absent. */
  port?: number;
  host?: string;
  /** Serves `/metrics` on the API's port to `Authorization: Bearer <token>`. */
  token?: string;
}

export interface DirectorySettings {
  indexedAttributes: string[];
  eventRetentionMs: number;
}

/** For tests: wraps what the API builds, e.g. to inject a directory outage. Never set in production. */
export interface ApiHooks {
  wrapDirectory?: (directory: Directory) => Directory;
}

/**
 * How long one replica may reuse an answer instead of asking again (ms; 0 asks every time).
 * Changes made through the replica show on it at once; others see them within the window.
 */
export interface CacheWindows {
  /** A session's revocation state (REVOCATION_CACHE_MS). */
  revocationMs: number;
  /** The signed-in user's record behind `me` (PROFILE_CACHE_MS). */
  profileMs: number;
  /** The clock the windows are measured on; tests pass a manual one. */
  clock?: () => number;
}

export interface RunningApi {
  url: string;
  /** Where the metrics listener answers, when it runs. */
  metricsUrl?: string;
  /** Closes at once, cutting requests in flight (tests). */
  close(): Promise<void>;
  /** Stops accepting, lets requests in flight finish within `timeoutMs`, then closes (SIGTERM). */
  shutdown(timeoutMs: number): Promise<DrainOutcome>;
}

/**
 * `metrics` is the registry to count on when settings.metrics exposes them (main.ts shares one
 * with the embedded world's triggers); without it the API makes its own.
 */
export async function startApi(settings: ApiSettings, logger: ServiceLogger, hooks: ApiHooks = {}, metrics?: ServiceMetrics): Promise<RunningApi> {
  const observed = observeApi(logger, settings.metrics?.port !== undefined || settings.metrics?.token !== undefined, metrics);
  const cognitoSdk = new CognitoIdentityProviderClient({
    region: settings.region,
    endpoint: settings.cognitoEndpoint,
    credentials: settings.credentials,
    retryStrategy: new CognitoRetryStrategy(),
  });
  const dynamo = new DynamoDBClient({ region: settings.region, endpoint: settings.dynamoEndpoint, credentials: settings.credentials });
  observed.instrument(cognitoSdk, 'cognito');
  observed.instrument(dynamo, 'dynamodb');
  const doc = DynamoDBDocumentClient.from(dynamo, { marshallOptions: { removeUndefinedValues: true } });
  const gateway = new CognitoGateway(
    cognitoSdk,
    { userPoolId: settings.userPoolId, clientId: settings.clientId, clientSecret: settings.clientSecret },
    logger,
  );
  const recent = new RecentProfiles(settings.cache.profileMs, settings.cache.clock);
  const shared: SharedSources = {
    recent,
    pool: new PoolDataSource(gateway),
    revocations: new RevocationsStore(doc, settings.metadataTable, { windowMs: settings.cache.revocationMs, cacheClock: settings.cache.clock }),
    table: settings.metadataTable,
    totpIssuer: settings.totpIssuer ?? 'Identity API',
    directory: settings.directory,
    wrapDirectory: hooks.wrapDirectory,
  };
  const clients: SourceClients = { cognito: gateway, doc, logger };
  const sources = createDataSources(clients, shared);
  const rateLimiter = new RateLimiter(new RateLimitsStore(doc, settings.metadataTable), settings.rateLimits);
  // An observed request gets its own datasources, so its backend calls are counted for its log line.
  const forRequest = observed.observer
    ? (scope: RequestScope): RequestSources => {
        const counted = requestClients(clients, scope);
        return {
          sources: { ...createDataSources(counted, shared), revocations: shared.revocations.forRequest(counted.doc, counted.count) },
          rateLimiter: new RateLimiter(new RateLimitsStore(counted.doc, settings.metadataTable), settings.rateLimits),
          logger: counted.logger,
        };
      }
    : undefined;
  const verifier = new AccessTokenVerifier(settings.issuer, settings.clientId, settings.acceptedIssuers);
  observed.metrics?.watchReuse('token', [verifier.reuse]);
  observed.metrics?.watchReuse('revocation', sources.revocations.reuse);
  observed.metrics?.watchReuse('profile', [recent.lookups]);
  const authenticator = new Authenticator({
    apiKeys: new ApiKeys(settings.apiKeys),
    verifier,
    revocations: sources.revocations,
    issuerAccepts: (token) => sources.session.accepts(token),
  });
  const apollo = new ApolloServer<ApiContext>({
    schema: observed.metrics ? observeSignIns(buildApiSchema(), observed.metrics) : buildApiSchema(),
    introspection: !settings.production,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(observed.observer ? undefined : logger, { production: settings.production }),
    // Refuses hostile documents (see src/limits) in graphql's own validation pass, before its
    // rules walk them. Apollo's maxRecursiveSelections must stay off: it would move this rule to
    // a later pass, after graphql's.
    validationRules: [documentLimits()],
    // Suggestions ("Did you mean …") describe the schema, which production does not publish
    // (introspection is off); skipping them also spares computing them. Apollo's
    // hideSchemaDetailsFromClientErrors only strips the same text afterwards; the formatter
    // hides the rest (type and field names).
    validationOptions: { hideSuggestions: settings.production },
    // Automatic persisted queries would let a client register documents in each replica's
    // memory; clients send the query text. Requests that try get PERSISTED_QUERY_NOT_SUPPORTED.
    persistedQueries: false,
    // One request, one operation: a batch would multiply password guesses past the
    // one-secret-per-request limit.
    allowBatchedHttpRequests: false,
    // Signals are main.ts's: Apollo's own handlers would stop it and re-raise the signal at once,
    // cutting the drain short (see src/observability/shutdown.ts).
    stopOnTerminationSignals: false,
    plugins: [
      // Answers here are per caller and never cacheable (the HTTP front says no-store), so
      // Apollo's per-field cache hints would be work for nothing on every request.
      ApolloServerPluginCacheControlDisabled(),
      ...(observed.observer ? [requestObserverPlugin<ApiContext>()] : []),
      // The playground is GraphiQL, bundled and served by the web front (src/web) at /playground
      // outside production, so it works offline; Apollo's landing page would load from its CDN.
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await apollo.start();
  const drain = new Drain();
  const server = createHttpServer({
    observer: observed.observer,
    readiness: new Readiness(backendProbes(cognitoSdk, settings.userPoolId, dynamo, settings.metadataTable), { timeoutMs: settings.readyTimeoutMs ?? 2000 }),
    drain,
    metricsBehindToken: observed.metrics && settings.metrics?.token ? { metrics: observed.metrics, token: settings.metrics.token } : undefined,
    apollo,
    authenticator,
    sources,
    forRequest,
    logger,
    maxBodyBytes: settings.maxBodyBytes,
    openIntrospection: !settings.production,
    trustedProxies: new TrustedProxies(settings.trustedProxies),
    rateLimiter,
    indexedAttributes: settings.directory.indexedAttributes,
    web: createWebFront({
      apiKey: settings.playgroundApiKey,
      playground: !settings.production,
      passwordPolicy: () => sources.pool.passwordPolicy(),
      logger,
    }),
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  let metricsServer: MetricsServer | undefined;
  if (observed.metrics && settings.metrics?.port !== undefined) {
    metricsServer = await startMetricsServer(observed.metrics, settings.metrics.host ?? settings.host, settings.metrics.port).catch(async (error: unknown) => {
      await closeHttp();
      throw error;
    });
  }
  async function closeHttp(): Promise<void> {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  // Clients last: requests finishing during a drain still need them.
  async function closeTheRest(): Promise<void> {
    await metricsServer?.close();
    await apollo.stop();
    cognitoSdk.destroy();
    dynamo.destroy();
  }
  return {
    url: `http://${settings.host}:${port}/graphql`,
    metricsUrl: metricsServer?.url,
    async close() {
      await closeHttp();
      await closeTheRest();
    },
    async shutdown(timeoutMs) {
      const outcome = await drain.drain(server, timeoutMs);
      await closeTheRest();
      return outcome;
    },
  };
}
