/**
 * `npm start`. With no pool configured, boots the embedded world (DynamoDB and the Cognito
 * engine on loopback, state under DATA_DIR) and serves the API against it; with a pool
 * configured, serves the API against Amazon Cognito and DynamoDB and starts nothing else.
 */
import './quietSdk';
import 'reflect-metadata';
import { Config, ConfigError, loadConfig } from './config';
import { createLogger, Logger, ServiceLogger } from './logger';
import { startEmbeddedWorld, worldApiSettings } from './local/embedded';
import { ServiceMetrics } from './observability/metrics';
import { onStopSignals } from './observability/shutdown';
import { observeTriggers } from './observability/triggerMetrics';
import { ApiSettings, startApi } from './server';
import { awsSettings, cacheWindows, directorySettings, operationsSettings } from './settings';
import { loadTriggerSettings, TriggerSettings } from './triggers';

async function embeddedSettings(
  config: Config,
  triggers: TriggerSettings,
  logger: Logger,
  metrics: ServiceMetrics | undefined,
): Promise<{ settings: ApiSettings; close: () => Promise<void>; banner: string[] }> {
  const world = await startEmbeddedWorld({
    triggers,
    wrapTriggerHandlers: metrics && ((handlers) => observeTriggers(handlers, metrics)),
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
      ...operationsSettings(config),
    },
    close: () => world.close(),
    banner: [
      `  Cognito engine: ${world.engine.endpoint}   (pool ${world.pool.userPoolId}, client ${world.pool.clientId}; messages: ${world.engine.endpoint}/_local/outbox)`,
      `  Dev API key:  ${world.apiKeys[0]}   (send as x-api-key)`,
      ...admin,
    ],
  };
}

/** LOG_FORMAT=auto: readable on a developer's terminal, JSON wherever lines are collected. */
const prettyLogs = (config: Config): boolean =>
  config.logFormat === 'pretty' || (config.logFormat === 'auto' && config.mode === 'embedded' && process.stderr.isTTY === true);

/**
 * Stops accepting, lets requests in flight finish within SHUTDOWN_TIMEOUT_MS, then closes the
 * clients and the embedded world (which closes its store, so what was written is on disk).
 */
async function stopGracefully(signal: NodeJS.Signals, config: Config, api: Awaited<ReturnType<typeof startApi>>, world: { close(): Promise<void> } | undefined, logger: ServiceLogger): Promise<void> {
  logger.info('stopping', { signal, timeoutMs: config.shutdownTimeoutMs });
  const { abandoned } = await api.shutdown(config.shutdownTimeoutMs);
  await world?.close();
  if (abandoned) logger.warn('stopped with requests unfinished at the deadline', { abandoned });
  else logger.info('stopped');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const triggers = loadTriggerSettings();
  const logger = createLogger(config.logLevel, undefined, { pretty: prettyLogs(config) });
  const metrics = operationsSettings(config).metrics ? new ServiceMetrics() : undefined;
  const world = config.mode === 'embedded' ? await embeddedSettings(config, triggers, logger, metrics) : undefined;
  const api = await startApi(world?.settings ?? awsSettings(config, triggers), logger, {}, metrics);
  console.log(
    [
      '',
      `Identity API (${config.mode} mode${config.production ? ', production' : ''})`,
      `  GraphQL:      ${api.url}${config.production ? '' : '   (open it in a browser for the playground)'}`,
      // The portal and admin console are served where the app's key is known: embedded mode.
      ...(world ? [`  Web app:      ${new URL('/', api.url).href}`] : []),
      ...(world?.banner ?? [`  Cognito pool: ${config.userPoolId} (${config.region}; token issuer ${config.issuer})`]),
      ...(api.metricsUrl ? [`  Metrics:      ${api.metricsUrl}`] : []),
      '',
    ].join('\n'),
  );
  onStopSignals((signal) => stopGracefully(signal, config, api, world, logger), logger);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
