/**
 * `npm run reconcile`: brings the user directory in line with Cognito (src/reconcile/reconcile.ts
 * says how), against the pool the service is configured for (src/reconcile/target.ts), and
 * reports what it checked, created, fixed and removed. Ctrl-C stops it after the page in hand;
 * running it again finishes the job.
 */
import './quietSdk';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ConfigError, loadConfig } from './config';
import { DirectoryStore } from './datasources/metadata/directory.store';
import { progressReporter } from './reconcile/progress';
import { reconcile } from './reconcile/reconcile';
import { openTarget } from './reconcile/target';
import { directoryOptions, loadTriggerSettings } from './triggers/settings';

/** The API's own requirements (an app client, API keys) are not reconcile's: filled in when absent. */
function configuration() {
  const env = { ...process.env };
  if (env.COGNITO_USER_POOL_ID?.trim()) {
    env.COGNITO_CLIENT_ID ||= 'not-used-by-reconcile';
    env.API_KEYS ||= 'not-used-by-reconcile';
  }
  return loadConfig(env);
}

/** dynalite fails this way when another process holds the embedded data open. */
const isDataLocked = (error: unknown) => /Database is (not open|closed)|LEVEL_DATABASE_NOT_OPEN|LEVEL_LOCKED/.test(`${(error as Error)?.message} ${(error as { code?: string })?.code}`);

function explain(error: unknown, dataDir: string): string {
  if (error instanceof ConfigError) return error.message;
  if (isDataLocked(error)) return `The embedded data in ${dataDir} is in use by another process (is npm start or npm run cognito:local running?). Stop it, then run reconcile again.`;
  return `Reconcile failed: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<void> {
  const config = configuration();
  const settings = loadTriggerSettings();
  // dynalite reports a locked data directory from inside a stream, outside any promise of ours.
  process.on('uncaughtException', (error) => {
    console.error(explain(error, config.dataDir));
    process.exit(1);
  });
  const target = await openTarget(config);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    console.log(`Reconciling ${target.description}`);
    const total = await target.cognito
      .send(new DescribeUserPoolCommand({ UserPoolId: target.userPoolId }))
      .then((pool) => pool.UserPool?.EstimatedNumberOfUsers)
      .catch(() => undefined);
    const progress = progressReporter(process.stdout, total);
    const doc = DynamoDBDocumentClient.from(target.dynamo, { marshallOptions: { removeUndefinedValues: true } });
    const counts = await reconcile({
      cognito: target.cognito,
      userPoolId: target.userPoolId,
      directory: new DirectoryStore(doc, config.metadataTable, directoryOptions(settings)),
      indexedAttributes: settings.indexedAttributes,
      signal: controller.signal,
      onProgress: progress.update,
    });
    progress.finish(counts, target.userPoolId);
    process.exitCode = counts.interrupted ? 130 : 0;
  } finally {
    await target.close();
  }
}

main().catch((error: unknown) => {
  console.error(explain(error, process.env.DATA_DIR?.trim() || '.data'));
  process.exit(1);
});
