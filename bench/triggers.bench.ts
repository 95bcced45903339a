/**
 * Trigger cost benchmark (part of `npm run bench:engine`): sign-in throughput of a pool with
 * every trigger of config/user-pool.json configured (the project's own handlers, in-process,
 * writing the directory in the same dynalite) against the same pool with none, in one run.
 *
 * A sign-in with triggers runs PreAuthentication (a directory read and the attempt's note),
 * PreTokenGeneration (a directory read) and PostAuthentication (its note, the record, the
 * SIGN_IN event and the count): several DynamoDB calls beside the engine's own. Each sign-in
 * carries ClientMetadata with a request id, as the API sends it.
 *
 * Measured as bench:engine measures: chunks of InitiateAuth alternating between the two pools in
 * an ABBA order over several rounds, the median per pool reported, at the engine's TEST_COST so
 * the figure is the triggers' share rather than argon2's. Target (issue 9): the triggers cost at
 * most 25% of sign-in throughput, i.e. a ratio of at least 0.75. Exit code 1 when missed.
 *
 * Settings (environment, positive integers): BENCH_TRIGGER_USERS (200 per pool), BENCH_OPS (300
 * per round and pool), BENCH_CHUNK (100), BENCH_CONCURRENCY (8), BENCH_ROUNDS (5); and
 * BENCH_TRIGGERS, a comma-separated subset of LambdaConfig's keys, to measure some triggers alone.
 */
import '../src/quietSdk';
import { AdminConfirmSignUpCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { DirectoryStore } from '../src/datasources/metadata/directory.store';
import { ensureMetadataTable } from '../src/datasources/metadata/table';
import type { TriggerOptions } from '../src/local/cognito/domain/triggers/invoker';
import { TEST_COST } from '../src/local/cognito/domain/passwords';
import { startEngine } from '../src/local/cognito/engine';
import { DEFAULT_POOL_FILE } from '../src/local/embedded';
import { readPoolDefinition } from '../src/local/poolDefinition';
import { createTriggerHandlers, directoryOptions, loadTriggerSettings } from '../src/triggers';
import { startDynamoThread } from './dynamoThread';
import { envInt, measure, median, Picker, runBounded, seededRandom } from './measure';

const USERS = envInt('BENCH_TRIGGER_USERS', 200);
const OPS = envInt('BENCH_OPS', 300);
const CHUNK = envInt('BENCH_CHUNK', 100);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 8);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const TARGET = 0.75;
const PASSWORD = 'Bench-Passw0rd!';
const TABLE = 'identity-metadata';

interface Pool {
  label: string;
  clientId: string;
  users: string[];
}

async function main(): Promise<number> {
  const dynamo = await startDynamoThread();
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  const ddb = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
  await ensureMetadataTable(ddb, TABLE);
  const settings = loadTriggerSettings();
  const directory = new DirectoryStore(DynamoDBDocumentClient.from(ddb, { marshallOptions: { removeUndefinedValues: true } }), TABLE, directoryOptions(settings));
  const functions = createTriggerHandlers({ directory, settings }) as unknown as TriggerOptions['functions'];
  const engine = await startEngine({ dynamoEndpoint: dynamo.endpoint, hashCost: TEST_COST, triggers: { functions } });
  const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials, maxAttempts: 1 });
  const random = seededRandom(20261203);
  try {
    const definition = readPoolDefinition(DEFAULT_POOL_FILE).pool;
    // BENCH_TRIGGERS (a comma-separated subset of LambdaConfig's keys) measures some triggers alone.
    const only = process.env.BENCH_TRIGGERS?.split(',').map((name) => name.trim());
    const lambdaConfig = Object.fromEntries(
      Object.entries(definition.LambdaConfig ?? {}).filter(([name]) => !only || only.some((o) => name.startsWith(o))),
    );
    const createPool = async (label: string, withTriggers: boolean): Promise<Pool> => {
      const created = await sdk.send(new CreateUserPoolCommand({ ...definition, PoolName: `bench-${label}`, LambdaConfig: withTriggers ? lambdaConfig : {} }));
      const poolId = created.UserPool!.Id!;
      const app = await sdk.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'bench', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
      const pool: Pool = { label, clientId: app.UserPoolClient!.ClientId!, users: Array.from({ length: USERS }, (_, i) => `${label}-${i}@bench.example`) };
      await runBounded(USERS, 16, async (i) => {
        await sdk.send(new SignUpCommand({ ClientId: pool.clientId, Username: pool.users[i], Password: PASSWORD }));
        await sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: poolId, Username: pool.users[i] }));
      });
      return pool;
    };
    const plain = await createPool('plain', false);
    const triggered = await createPool('triggered', true);

    const signIns = (pool: Pool, count: number) => {
      const picker = new Picker(pool.users, random);
      return measure(count, CONCURRENCY, () =>
        picker.use(async (email) => {
          const out = await sdk.send(
            new InitiateAuthCommand({
              ClientId: pool.clientId,
              AuthFlow: 'USER_PASSWORD_AUTH',
              AuthParameters: { USERNAME: email, PASSWORD },
              ClientMetadata: { requestId: randomUUID(), sourceIp: '198.51.100.1', userAgent: 'bench' },
            }),
          );
          if (!out.AuthenticationResult?.AccessToken) throw new Error(`no tokens for ${email}`);
        }),
      );
    };

    await signIns(plain, CHUNK);
    await signIns(triggered, CHUNK);
    const rates: Record<string, number[]> = { plain: [], triggered: [] };
    // Each round gives each pool OPS sign-ins in chunks of CHUNK, in an ABBA order (which pool
    // leads swaps every round), so noise and drift hit both alike.
    const pairs = Math.max(1, Math.round(OPS / CHUNK / 2));
    for (let round = 0; round < ROUNDS; round++) {
      const totals = new Map<Pool, { ops: number; seconds: number }>([
        [plain, { ops: 0, seconds: 0 }],
        [triggered, { ops: 0, seconds: 0 }],
      ]);
      const [first, second] = round % 2 ? [triggered, plain] : [plain, triggered];
      for (let pair = 0; pair < pairs; pair++) {
        for (const pool of [first, second, second, first]) {
          const result = await signIns(pool, CHUNK);
          const total = totals.get(pool)!;
          total.ops += result.ops;
          total.seconds += result.seconds;
        }
      }
      for (const [pool, total] of totals) rates[pool.label].push(total.ops / total.seconds);
    }
    const plainRate = median(rates.plain);
    const triggeredRate = median(rates.triggered);
    const ratio = triggeredRate / plainRate;
    console.log(`bench:engine triggers — InitiateAuth (USER_PASSWORD_AUTH), ${USERS} users a pool, ${ROUNDS} rounds, medians`);
    console.log(`  no triggers                       ${plainRate.toFixed(1)} ops/s  ratio 1.00`);
    console.log(`  every trigger of user-pool.json   ${triggeredRate.toFixed(1)} ops/s  ratio ${ratio.toFixed(2)}`);
    console.log(`  target: triggers cost at most 25% of sign-in throughput (ratio ≥ ${TARGET}): ${ratio >= TARGET ? 'PASS' : 'FAIL'}`);
    return ratio >= TARGET ? 0 : 1;
  } finally {
    sdk.destroy();
    await engine.close();
    ddb.destroy();
    await dynamo.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
