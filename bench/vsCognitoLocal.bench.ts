/**
 * The engine against cognito-local 5.3.0, side by side: the same SDK workload
 * (bench/cognitoWorkload.ts) against each, one sequential client, at 3,000 and then 10,000 users.
 * Run with `npm run bench:vs-cognito-local` (also the second half of `npm run bench:engine`).
 *
 * Each server runs as its own process, as its users run it (bench/servers.ts): the engine as
 * `npm run cognito:local` with COGNITO_LOCAL_HASH_COST=test (cognito-local keeps passwords as
 * given, so at production cost SignUp and InitiateAuth would compare argon2id with nothing), and
 * cognito-local from its bin. Seeding is untimed: the engine's users through its API (SignUp and
 * AdminConfirmSignUp, BENCH_SEED_CONCURRENCY in flight), cognito-local's written into its pool
 * file while it is stopped (through its API, each of 20,000 writes rewrites the whole file).
 *
 * Measuring. For each operation the two servers take turns in chunks of BENCH_CHUNK calls, in an
 * ABBA order, so that machine noise falls on both alike, until each has made BENCH_OPS calls or
 * spent BENCH_MAX_SECONDS on the operation (at least one chunk each); ops/s is calls over time.
 * Reads pick users at random from a seeded sequence; GetUser uses the access tokens from the
 * InitiateAuth runs; SignUp adds users, which AdminConfirmSignUp then confirms.
 *
 * ListUsers 60: cognito-local 5.3.0 ignores Limit and returns the whole pool, so its row is what
 * a caller asking for a page of 60 gets from it; the engine's answer is checked to be exactly 60.
 *
 * Targets (issue 14): every operation at least 1.5x cognito-local at 3,000 users; at least 10x
 * on the writes (SignUp, AdminConfirmSignUp, AdminUpdateUserAttributes) and ListUsers 60 at
 * 10,000. Exit code 1 when one fails. (That no operation slows down from 100 to 10,000 users is
 * bench/engine.bench.ts's check.)
 *
 * Settings (environment, positive integers): BENCH_OPS (200), BENCH_CHUNK (20),
 * BENCH_MAX_SECONDS (8), BENCH_SIZES (3000,10000), BENCH_SEED_CONCURRENCY (16).
 */
import '../src/quietSdk';
import { CognitoIdentityProviderClient, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { performance } from 'node:perf_hooks';
import { createWorkloadPool, LIST_LIMIT, Workload, WORKLOAD_OPERATIONS, WORKLOAD_PASSWORD, WorkloadOperation, WorkloadPool } from './cognitoWorkload';
import { envInt, runBounded, seededRandom } from './measure';
import { removeDir, seedCognitoLocalFile, ServerProcess, startCognitoLocal, startEngineProcess } from './servers';

const OPS = envInt('BENCH_OPS', 200);
const CHUNK = envInt('BENCH_CHUNK', 20);
const MAX_SECONDS = envInt('BENCH_MAX_SECONDS', 8);
const SEED_CONCURRENCY = envInt('BENCH_SEED_CONCURRENCY', 16);
const SIZES = (process.env.BENCH_SIZES ?? '3000,10000').split(',').map((s) => {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 100) throw new Error(`BENCH_SIZES must be integers of at least 100, got "${s}"`);
  return n;
});

const WRITES: WorkloadOperation[] = ['SignUp', 'AdminConfirmSignUp', 'AdminUpdateUserAttributes'];
/** The ratio each operation must reach at a size: 1.5x everywhere; 10x on writes and ListUsers 60 at 10,000 and above. */
const targetRatio = (op: WorkloadOperation, size: number): number => (size >= 10_000 && (WRITES.includes(op) || op === 'ListUsers 60') ? 10 : 1.5);
/** Reads first (at the seeded size), then the writes; AdminConfirmSignUp confirms SignUp's users. */
const ORDER: WorkloadOperation[] = ['InitiateAuth', 'GetUser', 'AdminGetUser', 'ListUsers 60', 'ListUsers email =', 'AdminUpdateUserAttributes', 'SignUp', 'AdminConfirmSignUp'];

interface Target {
  name: 'engine' | 'cognito-local';
  server: ServerProcess;
  sdk: CognitoIdentityProviderClient;
  workload: Workload;
  /** Confirmed users' emails. */
  users: string[];
  tokens: string[];
  signedUp: string[];
  confirmed: number;
}

const client = (endpoint: string) =>
  new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });

async function main(): Promise<number> {
  const started = performance.now();
  const random = seededRandom(14);
  const engineServer = await startEngineProcess();
  let localServer = await startCognitoLocal();
  const targets: Target[] = [];
  const attach = (name: Target['name'], server: ServerProcess, pool: WorkloadPool): Target => {
    const sdk = client(server.endpoint);
    return { name, server, sdk, workload: new Workload(sdk, pool), users: [], tokens: [], signedUp: [], confirmed: 0 };
  };
  try {
    {
      const sdk = client(engineServer.endpoint);
      targets.push(attach('engine', engineServer, await createWorkloadPool(sdk, 'bench')));
      sdk.destroy();
    }
    {
      const sdk = client(localServer.endpoint);
      targets.push(attach('cognito-local', localServer, await createWorkloadPool(sdk, 'bench')));
      sdk.destroy();
    }
    const [engine, local] = targets;
    // cognito-local's pool and client exist on disk now; SignUp's users are checked below.
    await local.workload.signUp('probe@bench.example');
    await local.workload.confirm('probe@bench.example');
    local.users.push('probe@bench.example');

    console.log('Engine against cognito-local 5.3.0: the same @aws-sdk/client-cognito-identity-provider workload, one sequential client, each server its own process.');
    console.log(
      `Engine: npm run cognito:local with COGNITO_LOCAL_HASH_COST=test (argon2id 1 MiB, 1 pass; cognito-local stores passwords as given), dynalite on disk. ` +
        `Per operation and size: up to ${OPS} calls each (chunks of ${CHUNK}, ABBA order), at most ${MAX_SECONDS} s each.`,
    );
    console.log(`cognito-local ignores ListUsers' Limit and returns the whole pool; the engine returns ${LIST_LIMIT}.\n`);

    const failures: string[] = [];
    let seeded = 0;
    for (const size of SIZES) {
      // Grow both pools to `size` confirmed users (untimed), each from its own count.
      const emails = Array.from({ length: Math.max(0, size - engine.users.length) }, () => `seed-${seeded++}@bench.example`);
      const seedStart = performance.now();
      await runBounded(emails.length, SEED_CONCURRENCY, async (i) => {
        await engine.workload.signUp(emails[i]);
        await engine.workload.confirm(emails[i]);
      });
      engine.users.push(...emails);
      const engineSeconds = (performance.now() - seedStart) / 1000;
      const localEmails = Array.from({ length: Math.max(0, size - local.users.length) }, () => `seed-${seeded++}@bench.example`);
      await local.server.stop();
      seedCognitoLocalFile(local.server.dir, local.workload.pool.poolId, localEmails, WORKLOAD_PASSWORD);
      local.users.push(...localEmails);
      local.sdk.destroy();
      localServer = await startCognitoLocal(local.server.dir);
      local.server = localServer;
      local.sdk = client(localServer.endpoint);
      local.workload = new Workload(local.sdk, local.workload.pool);
      const listed = (await local.sdk.send(new ListUsersCommand({ UserPoolId: local.workload.pool.poolId }))).Users?.length ?? 0;
      if (listed < local.users.length) throw new Error(`cognito-local lists ${listed} users, expected at least ${local.users.length}`);
      console.log(
        `Pools at ${fmt(engine.users.length)} (engine, seeded through its API in ${engineSeconds.toFixed(0)} s) and ${fmt(local.users.length)} ` +
          `(cognito-local, ${fmt(listed)} with the unconfirmed sign-ups of earlier rounds) confirmed users.`,
      );

      const rates: Record<string, Record<WorkloadOperation, number>> = { engine: {} as Record<WorkloadOperation, number>, 'cognito-local': {} as Record<WorkloadOperation, number> };
      for (const t of targets) {
        t.tokens = [];
        t.signedUp = [];
        t.confirmed = 0;
      }
      for (const op of ORDER) {
        const done = new Map<Target, { ops: number; seconds: number }>(targets.map((t) => [t, { ops: 0, seconds: 0 }]));
        for (let chunk = 0; ; chunk++) {
          const order = chunk % 2 ? [...targets].reverse() : targets;
          let progressed = false;
          for (const t of order) {
            const d = done.get(t)!;
            if (d.ops >= OPS || (d.ops > 0 && d.seconds >= MAX_SECONDS)) continue;
            const n = await runChunk(t, op, Math.min(CHUNK, OPS - d.ops), `${size}-${chunk}`, random);
            if (n.ops === 0) continue;
            d.ops += n.ops;
            d.seconds += n.seconds;
            progressed = true;
          }
          if (!progressed) break;
        }
        for (const t of targets) {
          const d = done.get(t)!;
          rates[t.name][op] = d.ops / d.seconds;
        }
      }
      for (const t of targets) {
        t.users.push(...t.signedUp.slice(0, t.confirmed));
      }

      console.log(`\nAt ${fmt(size)} users (ops/s, one sequential client):`);
      const header = ['operation', 'engine', 'cognito-local', 'ratio', 'target', 'result'];
      const rows = WORKLOAD_OPERATIONS.map((op) => {
        const ratio = rates.engine[op] / rates['cognito-local'][op];
        const target = targetRatio(op, size);
        const pass = ratio >= target;
        if (!pass) failures.push(`${op} at ${fmt(size)}: ${ratio.toFixed(1)}x < ${target}x`);
        return [op, rates.engine[op].toFixed(1), rates['cognito-local'][op].toFixed(1), `${ratio.toFixed(1)}x`, `>= ${target}x`, pass ? 'PASS' : 'FAIL'];
      });
      printTable(header, rows);
      console.log('');
    }
    const runtime = (performance.now() - started) / 1000;
    console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS: every operation meets its target against cognito-local');
    console.log(`(total runtime ${runtime.toFixed(0)} s)`);
    return failures.length ? 1 : 0;
  } finally {
    for (const t of targets) t.sdk.destroy();
    await engineServer.stop();
    await localServer.stop();
    removeDir(localServer.dir);
  }
}

/** One timed chunk of `op` against `t`, sequentially; 0 ops when it has nothing left to do (AdminConfirmSignUp past SignUp's users). */
async function runChunk(t: Target, op: WorkloadOperation, count: number, tag: string, random: () => number): Promise<{ ops: number; seconds: number }> {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
  const w = t.workload;
  let calls: Array<() => Promise<unknown>>;
  switch (op) {
    case 'SignUp': {
      const emails = Array.from({ length: count }, (_, i) => `new-${tag}-${i}@bench.example`);
      t.signedUp.push(...emails);
      calls = emails.map((email) => () => w.signUp(email));
      break;
    }
    case 'AdminConfirmSignUp': {
      const batch = t.signedUp.slice(t.confirmed, t.confirmed + count);
      t.confirmed += batch.length;
      calls = batch.map((email) => () => w.confirm(email));
      break;
    }
    case 'AdminUpdateUserAttributes':
      calls = Array.from({ length: count }, (_, i) => () => w.updateAttributes(pick(t.users), `Bench ${tag} ${i}`));
      break;
    case 'InitiateAuth':
      calls = Array.from({ length: count }, () => async () => t.tokens.push(await w.signIn(pick(t.users))));
      break;
    case 'GetUser':
      calls = Array.from({ length: count }, () => () => w.getUser(pick(t.tokens)));
      break;
    case 'AdminGetUser':
      calls = Array.from({ length: count }, () => () => w.adminGetUser(pick(t.users)));
      break;
    case 'ListUsers 60':
      calls = Array.from({ length: count }, () => () => w.listPage(t.name === 'engine'));
      break;
    case 'ListUsers email =':
      calls = Array.from({ length: count }, () => () => w.listByEmail(pick(t.users)));
      break;
  }
  if (calls.length === 0) return { ops: 0, seconds: 0 };
  const start = performance.now();
  for (const call of calls) await call();
  return { ops: calls.length, seconds: (performance.now() - start) / 1000 };
}

const fmt = (n: number) => n.toLocaleString('en-US');

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(format(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(format(row));
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Benchmark against cognito-local failed:', error);
    process.exitCode = 1;
  },
);
