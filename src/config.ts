/**
 * Configuration from environment variables, validated at start. With no pool configured the
 * service runs embedded (its own engine and DynamoDB on loopback); with COGNITO_USER_POOL_ID
 * and COGNITO_CLIENT_ID it talks to Amazon Cognito and DynamoDB.
 */
import { proxyEntryProblem } from './auth/clientIp';
import { Budget, DEFAULT_RATE_LIMITS, RateLimitPolicy, SECRET_KINDS } from './auth/rateLimitPolicy';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** `auto`: readable lines on a terminal in embedded mode, JSON lines otherwise. */
export type LogFormat = 'auto' | 'json' | 'pretty';

export interface Config {
  mode: 'embedded' | 'aws';
  production: boolean;
  port: number;
  host: string;
  logLevel: LogLevel;
  region: string;
  dataDir: string;
  /** AWS mode only; embedded mode fills these in once the engine is up. */
  userPoolId?: string;
  clientId?: string;
  clientSecret?: string;
  cognitoEndpoint?: string;
  /**
   * The issuer access tokens must carry (AWS mode only): COGNITO_ISSUER, else
   * `<COGNITO_ENDPOINT>/<pool>` when an endpoint is set, else Amazon's.
   */
  issuer?: string;
  dynamoEndpoint?: string;
  metadataTable: string;
  /** Keys accepted in x-api-key. Embedded mode generates one when none is given. */
  apiKeys: string[];
  adminEmail?: string;
  adminPassword?: string;
  /** Embedded mode and `npm run cognito:local`: the engine's port (COGNITO_LOCAL_PORT). */
  cognitoLocalPort: number;
  /** Maximum GraphQL request body, in bytes. */
  maxBodyBytes: number;
  /** How long a replica may reuse a session's revocation state, in ms (0: read every request). */
  revocationCacheMs: number;
  /** How long a replica may reuse the signed-in user's record behind `me`, in ms. */
  profileCacheMs: number;
  /** Budgets of the secret-checking operations (RATE_LIMIT_PASSWORD, _CODE, _TOKEN, _SEND). */
  rateLimits: RateLimitPolicy;
  /** Proxies whose X-Forwarded-For is believed (TRUSTED_PROXIES): addresses or CIDR ranges. */
  trustedProxies: string[];
  logFormat: LogFormat;
  /**
   * Issuers accepted besides `issuer` (COGNITO_ACCEPTED_ISSUERS), e.g. a replicated pool's
   * updated issuer and the original one its older tokens still carry.
   */
  acceptedIssuers: string[];
  /** Prometheus metrics: their own listener (METRICS_PORT, unset when `off`) and/or a bearer token for `/metrics` on the API's port. */
  metrics: MetricsConfig;
  /** How long a SIGTERM lets requests in flight finish before the rest are cut (SHUTDOWN_TIMEOUT_MS). */
  shutdownTimeoutMs: number;
  /** How long `/readyz` waits for each backend (READY_TIMEOUT_MS). */
  readyTimeoutMs: number;
}

export interface MetricsConfig {
  port?: number;
  host: string;
  token?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** What REVOCATION_CACHE_MS and PROFILE_CACHE_MS default to (also used by tests and benchmarks). */
export const DEFAULT_CACHE_WINDOWS = { revocationMs: 1000, profileMs: 5000 };

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const LOG_FORMATS: LogFormat[] = ['auto', 'json', 'pretty'];

/** The port Prometheus exporters conventionally use (OpenTelemetry's Prometheus exporter, too). */
export const DEFAULT_METRICS_PORT = 9464;

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000 };

/** `<per account>/<per IP>/<window>`, e.g. `10/100/15m`; 0 turns a scope's limit off. */
function parseBudget(raw: string): Budget | undefined {
  const match = /^(\d{1,6})\/(\d{1,7})\/(\d{1,4})([smh])$/.exec(raw.replace(/\s+/g, ''));
  if (!match) return undefined;
  const windowMs = Number(match[3]) * UNIT_MS[match[4]];
  if (windowMs < 1000 || windowMs > 24 * 3_600_000) return undefined;
  return { perAccount: Number(match[1]), perIp: Number(match[2]), windowMs };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const text = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const url = (name: string): string | undefined => {
    const raw = text(name);
    if (raw !== undefined && !/^https?:\/\/[^\s]+$/.test(raw)) problems.push(`${name} must be an http(s) URL (got "${raw}")`);
    return raw;
  };

  const userPoolId = text('COGNITO_USER_POOL_ID');
  const clientId = text('COGNITO_CLIENT_ID');
  if (userPoolId && !/^[\w-]+_[0-9a-zA-Z]+$/.test(userPoolId)) {
    problems.push(`COGNITO_USER_POOL_ID must look like "<region>_<id>" (got "${userPoolId}")`);
  }
  if (userPoolId && !clientId) problems.push('COGNITO_CLIENT_ID is required when COGNITO_USER_POOL_ID is set');
  if (!userPoolId && clientId) problems.push('COGNITO_USER_POOL_ID is required when COGNITO_CLIENT_ID is set');
  const mode = userPoolId ? 'aws' : 'embedded';
  const production = env.NODE_ENV === 'production';
  // The embedded world is a development tool: it prints codes, serves them at /_local/outbox and
  // makes up an API key. A production start must name the real pool instead.
  if (production && mode === 'embedded') {
    problems.push('NODE_ENV=production needs a configured pool: set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and API_KEYS (the embedded world is for development only)');
  }
  const rateLimits = { ...DEFAULT_RATE_LIMITS };
  for (const kind of SECRET_KINDS) {
    const name = `RATE_LIMIT_${kind.toUpperCase()}`;
    const raw = text(name);
    if (raw === undefined) continue;
    const budget = parseBudget(raw);
    if (budget) rateLimits[kind] = budget;
    else problems.push(`${name} must be <per account>/<per IP>/<window>, e.g. 10/100/15m (window 1s to 24h; got "${raw}")`);
  }
  const trustedProxies = (text('TRUSTED_PROXIES') ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const entry of trustedProxies) {
    const problem = proxyEntryProblem(entry);
    if (problem) problems.push(`TRUSTED_PROXIES: ${problem}`);
  }
  const region = text('AWS_REGION') ?? userPoolId?.split('_')[0] ?? 'us-east-1';
  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const apiKeys = (text('API_KEYS') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const key of apiKeys) if (key.length < 16) problems.push('each API key in API_KEYS must be at least 16 characters');
  if (mode === 'aws' && apiKeys.length === 0) problems.push('API_KEYS is required in AWS mode (comma-separated keys for x-api-key)');
  const logFormat = (text('LOG_FORMAT') ?? 'auto') as LogFormat;
  if (!LOG_FORMATS.includes(logFormat)) problems.push(`LOG_FORMAT must be one of ${LOG_FORMATS.join(', ')} (got "${logFormat}")`);
  const acceptedIssuers = (text('COGNITO_ACCEPTED_ISSUERS') ?? '').split(',').map((i) => i.trim().replace(/\/+$/, '')).filter(Boolean);
  for (const issuer of acceptedIssuers) {
    if (!/^https?:\/\/[^\s]+$/.test(issuer)) problems.push(`COGNITO_ACCEPTED_ISSUERS: each issuer must be an http(s) URL (got "${issuer}")`);
  }
  if (acceptedIssuers.length && mode === 'embedded') problems.push('COGNITO_ACCEPTED_ISSUERS needs a configured pool (embedded mode has one issuer, the engine)');
  const adminPassword = text('ADMIN_PASSWORD');
  const adminEmail = text('ADMIN_EMAIL');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address (got "${adminEmail}")`);

  const config: Config = {
    mode,
    production,
    port: integer('PORT', 4000, 0, 65535),
    host: text('HOST') ?? '127.0.0.1',
    logLevel,
    region,
    dataDir: text('DATA_DIR') ?? '.data',
    userPoolId,
    clientId,
    clientSecret: text('COGNITO_CLIENT_SECRET'),
    cognitoEndpoint: url('COGNITO_ENDPOINT'),
    issuer: url('COGNITO_ISSUER'),
    dynamoEndpoint: url('DYNAMODB_ENDPOINT'),
    metadataTable: text('METADATA_TABLE') ?? 'identity-metadata',
    apiKeys,
    adminEmail,
    adminPassword,
    cognitoLocalPort: integer('COGNITO_LOCAL_PORT', 9229, 0, 65535),
    maxBodyBytes: integer('MAX_BODY_BYTES', 64 * 1024, 1024, 10 * 1024 * 1024),
    // Bounded: a long window would let another replica accept a signed-out session for long.
    revocationCacheMs: integer('REVOCATION_CACHE_MS', DEFAULT_CACHE_WINDOWS.revocationMs, 0, 10_000),
    profileCacheMs: integer('PROFILE_CACHE_MS', DEFAULT_CACHE_WINDOWS.profileMs, 0, 300_000),
    rateLimits,
    trustedProxies,
    logFormat,
    acceptedIssuers,
    metrics: { host: text('METRICS_HOST') ?? text('HOST') ?? '127.0.0.1', token: text('METRICS_TOKEN') },
    shutdownTimeoutMs: integer('SHUTDOWN_TIMEOUT_MS', 10_000, 0, 120_000),
    readyTimeoutMs: integer('READY_TIMEOUT_MS', 2000, 100, 30_000),
  };
  config.metrics.port = metricsPort(text('METRICS_PORT'), config.port, problems);
  if (config.metrics.token !== undefined && config.metrics.token.length < 16) problems.push('METRICS_TOKEN must be at least 16 characters');
  if (problems.length) throw new ConfigError(problems);
  config.issuer = userPoolId ? (config.issuer ?? defaultIssuer(config.cognitoEndpoint, region, userPoolId)) : undefined;
  return config;
}

/**
 * METRICS_PORT: a port of its own for `/metrics` (0 picks a free one), or `off`. Never the API's
 * port: metrics describe the service to its operators, not to its clients.
 */
function metricsPort(raw: string | undefined, apiPort: number, problems: string[]): number | undefined {
  if (raw === 'off') return undefined;
  if (raw === undefined) return DEFAULT_METRICS_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push(`METRICS_PORT must be a port number (0 to 65535) or off (got "${raw}")`);
    return undefined;
  }
  if (port !== 0 && port === apiPort) problems.push(`METRICS_PORT must differ from PORT (${apiPort}): metrics are never served on the API's port (use METRICS_TOKEN for that)`);
  return port;
}

/** Amazon Cognito's token issuer for a pool. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * A pool's updated issuer (IssuerConfiguration UPDATED): the same JWKS served from every Region
 * of a replicated pool, named after its primary Region.
 */
export function cognitoUpdatedIssuer(primaryRegion: string, userPoolId: string): string {
  return `https://issuer-cognito-idp.${primaryRegion}.amazonaws.com/${userPoolId}`;
}

/**
 * What issues the pool's tokens when COGNITO_ISSUER is not set: a standalone engine (e.g.
 * `npm run cognito:local`) at COGNITO_ENDPOINT names itself, and Amazon names its regional host.
 * An AWS-hosted custom endpoint (FIPS, VPC) still issues Amazon's: COGNITO_ISSUER must say so.
 */
function defaultIssuer(endpoint: string | undefined, region: string, userPoolId: string): string {
  return endpoint ? `${endpoint.replace(/\/+$/, '')}/${userPoolId}` : cognitoIssuer(region, userPoolId);
}
