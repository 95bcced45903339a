/**
 * Where an engine operation's time goes: DynamoDB calls per operation (counted at dynalite) and
 * mean wall time, one sequential SDK client, embedded dynalite in this process as `npm start` and
 * `npm run cognito:local` run it. Run with `npm run build && node dist/bench/engineProfile.js`
 * (add `--cpu-prof` to node for a CPU profile; PROFILE_TCP=1 for the SDK's HTTP transport to
 * dynalite instead of the in-process one). CPU ms/op is this process's CPU time (client, engine
 * and dynalite together), steadier than wall time on a shared machine. PROFILE_USERS (300) users are seeded; each
 * operation runs PROFILE_OPS (200) times after a warm-up.
 */
import '../src/quietSdk';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { performance } from 'node:perf_hooks';
import { TEST_COST } from '../src/local/cognito/domain/passwords';
import { startEngine } from '../src/local/cognito/engine';
import { startEmbeddedDynamo } from '../src/local/dynamodb';
import { createWorkloadPool, Workload, WORKLOAD_OPERATIONS, WorkloadOperation } from './cognitoWorkload';
import { envInt } from './measure';

const USERS = envInt('PROFILE_USERS', 300);
const OPS = envInt('PROFILE_OPS', 200);

async function main(): Promise<void> {
  const dynamo = await startEmbeddedDynamo();
  const engine = await startEngine({ dynamoEndpoint: dynamo.endpoint, dynamoRequestHandler: process.env.PROFILE_TCP ? undefined : dynamo.requestHandler, hashCost: TEST_COST, devEndpoints: false });
  const sdk = new CognitoIdentityProviderClient({ endpoint: engine.endpoint, region: engine.region, credentials: engine.credentials });
  const calls: Record<string, number> = {};
  let counting = false;
  const stop = dynamo.observe((operation) => {
    if (counting) calls[operation] = (calls[operation] ?? 0) + 1;
  });
  try {
    const w = new Workload(sdk, await createWorkloadPool(sdk, 'profile'));
    const users = Array.from({ length: USERS }, (_, i) => `user-${i}@profile.example`);
    for (const email of users) {
      await w.signUp(email);
      await w.confirm(email);
    }
    const tokens: string[] = [];
    let fresh = 0;
    const pick = (i: number) => users[(i * 7919) % users.length];
    const step: Record<WorkloadOperation, (i: number) => Promise<unknown>> = {
      SignUp: (i) => w.signUp(`new-${fresh + i}@profile.example`),
      AdminConfirmSignUp: (i) => w.confirm(`new-${fresh + i}@profile.example`),
      AdminUpdateUserAttributes: (i) => w.updateAttributes(pick(i), `Name ${i}`),
      InitiateAuth: async (i) => tokens.push(await w.signIn(pick(i))),
      GetUser: (i) => w.getUser(tokens[i % tokens.length]),
      AdminGetUser: (i) => w.adminGetUser(pick(i)),
      'ListUsers 60': () => w.listPage(),
      'ListUsers email =': (i) => w.listByEmail(pick(i)),
    };
    const order: WorkloadOperation[] = ['InitiateAuth', 'GetUser', 'AdminGetUser', 'ListUsers 60', 'ListUsers email =', 'AdminUpdateUserAttributes', 'SignUp', 'AdminConfirmSignUp'];
    // Warm-up: every operation a few times, untimed and uncounted.
    for (const op of order) for (let i = 0; i < 20; i++) await step[op](i);
    fresh = 20;
    console.log(`Engine profile: ${USERS} users, ${OPS} sequential calls per operation, argon2 at TEST_COST, embedded dynalite in process.`);
    console.log(`${'operation'.padEnd(28)}${'ms/op'.padStart(8)}${'cpu ms/op'.padStart(10)}${'calls/op'.padStart(10)}  DynamoDB calls`);
    for (const op of order) {
      for (const key of Object.keys(calls)) delete calls[key];
      counting = true;
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < OPS; i++) await step[op](i);
      const ms = (performance.now() - started) / OPS;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000 / OPS;
      counting = false;
      const total = Object.values(calls).reduce((a, b) => a + b, 0);
      const detail = Object.entries(calls)
        .map(([name, n]) => `${name} ${(n / OPS).toFixed(2)}`)
        .join(', ');
      console.log(`${op.padEnd(28)}${ms.toFixed(2).padStart(8)}${cpuMs.toFixed(2).padStart(10)}${(total / OPS).toFixed(2).padStart(10)}  ${detail}`);
    }
    if (order.length !== WORKLOAD_OPERATIONS.length) throw new Error('profile order misses an operation');
  } finally {
    stop();
    sdk.destroy();
    await engine.close();
    await dynamo.close();
  }
}

main().catch((error: unknown) => {
  console.error('Engine profile failed:', error);
  process.exitCode = 1;
});
