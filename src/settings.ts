/**
 * Turns the validated configuration into the API's settings for AWS mode. Pure and free of
 * side effects, so tests build their settings with exactly the code `npm start` uses.
 */
import type { Config } from './config';
import type { ApiSettings, CacheWindows } from './server';

export const cacheWindows = (config: Config): CacheWindows => ({ revocationMs: config.revocationCacheMs, profileMs: config.profileCacheMs });

/** AWS mode: the pool, client and issuer from configuration; credentials from the SDK's default chain. */
export function awsSettings(config: Config): ApiSettings {
  if (config.mode !== 'aws' || !config.userPoolId || !config.clientId || !config.issuer) {
    throw new Error('awsSettings needs an AWS-mode configuration (COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID)');
  }
  return {
    region: config.region,
    userPoolId: config.userPoolId,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    issuer: config.issuer,
    cognitoEndpoint: config.cognitoEndpoint,
    dynamoEndpoint: config.dynamoEndpoint,
    metadataTable: config.metadataTable,
    apiKeys: config.apiKeys,
    production: config.production,
    port: config.port,
    host: config.host,
    maxBodyBytes: config.maxBodyBytes,
    cache: cacheWindows(config),
    rateLimits: config.rateLimits,
    trustedProxies: config.trustedProxies,
  };
}
