/**
 * Turns the validated configuration into the API's settings for AWS mode. Pure and free of
 * side effects, so tests build their settings with exactly the code `npm start` uses.
 */
import type { Config } from './config';
import type { ApiSettings, CacheWindows, DirectorySettings, MetricsSettings } from './server';
import { directoryOptions, TriggerSettings } from './triggers';

export const cacheWindows = (config: Config): CacheWindows => ({ revocationMs: config.revocationCacheMs, profileMs: config.profileCacheMs });

/** The directory's options, from the trigger settings (config/triggers.json and its env overrides), so the API, the triggers and reconcile agree. */
export const directorySettings = (triggers: TriggerSettings): DirectorySettings => {
  const options = directoryOptions(triggers);
  return { indexedAttributes: [...options.indexedAttributes], eventRetentionMs: options.eventRetentionMs };
};

/** Metrics (exposed when they have a port or a token) and the readiness timeout, the same in both worlds. */
export const operationsSettings = (config: Config): { metrics?: MetricsSettings; readyTimeoutMs: number } => ({
  metrics: config.metrics.port !== undefined || config.metrics.token !== undefined ? { ...config.metrics } : undefined,
  readyTimeoutMs: config.readyTimeoutMs,
});

/** AWS mode: the pool, client and issuer from configuration; credentials from the SDK's default chain. */
export function awsSettings(config: Config, triggers: TriggerSettings): ApiSettings {
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
    directory: directorySettings(triggers),
    totpIssuer: triggers.appName,
    acceptedIssuers: config.acceptedIssuers,
    ...operationsSettings(config),
  };
}
