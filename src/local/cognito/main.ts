/**
 * `npm run cognito:local`: the engine on its own, with state under the data directory, for use
 * with the AWS SDK, the AWS CLI (--endpoint-url) or amazon-cognito-identity-js.
 */
import { join } from 'node:path';
import { loadConfig } from '../../config';
import { startEmbeddedDynamo } from '../dynamodb';
import { engineSecretKey } from '../engineSecret';
import { hashCostSetting, WEAK_HASH_WARNING } from './hashCostSetting';
import { startEngine } from './engine';

/**
 * COGNITO_LOCAL_LAMBDA_ENDPOINT: where pools' Lambda triggers are invoked (the Lambda Invoke API
 * of a local runtime, say). Unset, a configured trigger fails as an uninvokable Lambda does.
 */
function lambdaEndpoint(): string | undefined {
  const value = process.env.COGNITO_LOCAL_LAMBDA_ENDPOINT;
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`COGNITO_LOCAL_LAMBDA_ENDPOINT must be an http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`COGNITO_LOCAL_LAMBDA_ENDPOINT must be an http(s) URL, got "${value}"`);
  return value;
}

async function main(): Promise<void> {
  const endpoint = lambdaEndpoint();
  const hashing = hashCostSetting(process.env.COGNITO_LOCAL_HASH_COST);
  // Only the settings the engine uses: the API's own (API_KEYS in AWS mode, say) are not its concern.
  const { DATA_DIR, COGNITO_LOCAL_PORT, AWS_REGION } = process.env;
  const config = loadConfig({ DATA_DIR, COGNITO_LOCAL_PORT, AWS_REGION });
  const dynamo = await startEmbeddedDynamo({ dir: join(config.dataDir, 'dynamodb') });
  const engine = await startEngine({
    dynamoEndpoint: dynamo.endpoint,
    dynamoRequestHandler: dynamo.requestHandler,
    port: config.cognitoLocalPort,
    region: config.region,
    credentials: {
      accessKeyId: process.env.COGNITO_LOCAL_ACCESS_KEY_ID ?? 'local',
      secretAccessKey: process.env.COGNITO_LOCAL_SECRET_ACCESS_KEY ?? 'local',
    },
    printOutbox: true,
    hashCost: hashing.cost,
    secretKey: engineSecretKey(config.dataDir),
    triggers: { lambdaEndpoint: endpoint },
  });
  if (hashing.weak) {
    console.warn(WEAK_HASH_WARNING);
  }
  console.log(`Cognito-compatible engine listening on ${engine.endpoint}`);
  console.log(`  region ${engine.region}; admin credentials: access key "${engine.credentials.accessKeyId}" (secret from COGNITO_LOCAL_SECRET_ACCESS_KEY, default "local")`);
  console.log(`  outbox: ${engine.endpoint}/_local/outbox`);
  console.log(`  Lambda triggers: ${endpoint ? `invoked at ${endpoint}` : 'no endpoint (set COGNITO_LOCAL_LAMBDA_ENDPOINT)'}`);
  const stop = async (): Promise<void> => {
    await engine.close();
    await dynamo.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
