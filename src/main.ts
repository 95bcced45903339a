/**
 * `npm start`. With no pool configured, boots the embedded world (DynamoDB and the Cognito
 * engine on loopback, state under DATA_DIR) and serves the API against it; with a pool
 * configured, serves the API against Amazon Cognito and DynamoDB and starts nothing else.
 */
import './quietSdk';
import 'reflect-metadata';
import { Config, ConfigError, loadConfig } from './config';
import { createLogger, Logger } from './logger';
import { startEmbeddedWorld, worldApiSettings } from './local/embedded';
import { ApiSettings, startApi } from './server';
import { awsSettings, cacheWindows, directorySettings } from './settings';
import { loadTriggerSettings, TriggerSettings } from './triggers';

async function embeddedSettings(
  config: Config,
  triggers: TriggerSettings,
  logger: Logger,
): Promise<{ settings: ApiSettings; close: () => Promise<void>; banner: string[] }> {
  const world = await startEmbeddedWorld({
    triggers,
    // By name only: a service error's message can quote the values it was given.
    onTriggerError: (trigger, error) => logger.error('trigger failed', { trigger, error: (error as Error)?.name ?? String(error) }),
    dataDir: config.dataDir,
    enginePort: config.cognitoLocalPort,
    region: config.region,
    metadataTable: config.metadataTable,
    apiKeys: config.apiKeys,
    adminEmail: config.adminEmail,
    adminPassword: config.adminPassword,
    printOutbox: true,
  });
  logger.debug('embedded services started', { engine: world.engine.endpoint, dynamodb: world.dynamo.endpoint });
  const admin = world.admin.generatedPassword
    ? [`  Admin:        ${world.admin.email} / ${world.admin.generatedPassword}   (shown once; saved in ${world.admin.credentialsFile})`]
    : [`  Admin:        ${world.admin.email}${world.admin.credentialsFile ? `   (password in ${world.admin.credentialsFile})` : ' (password from ADMIN_PASSWORD)'}`];
  return {
    settings: {
      ...worldApiSettings(world, config.region),
      metadataTable: config.metadataTable,
      playgroundApiKey: world.apiKeys[0],
      production: config.production,
      port: config.port,
      host: config.host,
      maxBodyBytes: config.maxBodyBytes,
      cache: cacheWindows(config),
      rateLimits: config.rateLimits,
      trustedProxies: config.trustedProxies,
      directory: directorySettings(triggers),
    },
    close: () => world.close(),
    banner: [
      `  Cognito engine: ${world.engine.endpoint}   (pool ${world.pool.userPoolId}, client ${world.pool.clientId}; messages: ${world.engine.endpoint}/_local/outbox)`,
      `  Dev API key:  ${world.apiKeys[0]}   (send as x-api-key)`,
      ...admin,
    ],
  };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const triggers = loadTriggerSettings();
  const logger = createLogger(config.logLevel);
  const world = config.mode === 'embedded' ? await embeddedSettings(config, triggers, logger) : undefined;
  const api = await startApi(world?.settings ?? awsSettings(config, triggers), logger);
  console.log(
    [
      '',
      `Identity API (${config.mode} mode${config.production ? ', production' : ''})`,
      `  GraphQL:      ${api.url}${config.production ? '' : '   (open it in a browser for the playground)'}`,
      ...(world?.banner ?? [`  Cognito pool: ${config.userPoolId} (${config.region}; token issuer ${config.issuer})`]),
      '',
    ].join('\n'),
  );
  const stop = async (): Promise<void> => {
    await api.close();
    await world?.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
