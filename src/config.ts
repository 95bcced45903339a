/**
 * Configuration from environment variables, validated at start. With no pool configured the
 * service runs embedded (its own engine and DynamoDB on loopback); with COGNITO_USER_POOL_ID
 * and COGNITO_CLIENT_ID it talks to Amazon Cognito and DynamoDB.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

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
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** What REVOCATION_CACHE_MS and PROFILE_CACHE_MS default to (also used by tests and benchmarks). */
export const DEFAULT_CACHE_WINDOWS = { revocationMs: 1000, profileMs: 5000 };

const LOG_LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

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
  const region = text('AWS_REGION') ?? userPoolId?.split('_')[0] ?? 'us-east-1';
  const logLevel = (text('LOG_LEVEL') ?? 'info') as LogLevel;
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  const apiKeys = (text('API_KEYS') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  for (const key of apiKeys) if (key.length < 16) problems.push('each API key in API_KEYS must be at least 16 characters');
  if (mode === 'aws' && apiKeys.length === 0) problems.push('API_KEYS is required in AWS mode (comma-separated keys for x-api-key)');
  const adminPassword = text('ADMIN_PASSWORD');
  const adminEmail = text('ADMIN_EMAIL');
  if (adminEmail && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(adminEmail)) problems.push(`ADMIN_EMAIL must be an email address (got "${adminEmail}")`);

  const config: Config = {
    mode,
    production: env.NODE_ENV === 'production',
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
  };
  if (problems.length) throw new ConfigError(problems);
  config.issuer = userPoolId ? (config.issuer ?? defaultIssuer(config.cognitoEndpoint, region, userPoolId)) : undefined;
  return config;
}

/** Amazon Cognito's token issuer for a pool. */
export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

/**
 * What issues the pool's tokens when COGNITO_ISSUER is not set: a standalone engine (e.g.
 * `npm run cognito:local`) at COGNITO_ENDPOINT names itself, and Amazon names its regional host.
 * An AWS-hosted custom endpoint (FIPS, VPC) still issues Amazon's: COGNITO_ISSUER must say so.
 */
function defaultIssuer(endpoint: string | undefined, region: string, userPoolId: string): string {
  return endpoint ? `${endpoint.replace(/\/+$/, '')}/${userPoolId}` : cognitoIssuer(region, userPoolId);
}
