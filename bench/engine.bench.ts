/**
 * Engine benchmark: per-operation throughput of the Cognito-compatible engine at a small and a
 * large user pool, driven through the real @aws-sdk/client-cognito-identity-provider over HTTP
 * exactly as users drive it. Run with `npm run bench:engine`.
 *
 * What it shows. The engine keys every lookup by user (GetItem, or a Query on one user's own
 * partition), and ListUsers reads one page of the pool's ListUsers index (one Query on one
 * attribute's partition, from the page token's key or the filter's prefix, then one BatchGetItem
 * for that page's users; src/local/cognito/domain/userIndex.ts), so no operation should get
 * slower as the pool grows. The bench measures SignUp, AdminConfirmSignUp, InitiateAuth
 * (USER_PASSWORD_AUTH), the SRP sign-in (USER_SRP_AUTH and its PASSWORD_VERIFIER answer), the
 * device sign-in (USER_PASSWORD_AUTH with a remembered DEVICE_KEY, then DEVICE_SRP_AUTH and
 * DEVICE_PASSWORD_VERIFIER), GetUser, AdminGetUser and ListUsers three ways at a pool of 100 users and
 * at a pool of 10,000 users, and fails (exit code 1) when any operation's ops/s at 10,000 is
 * below 80% of its ops/s at 100. The ListUsers rows:
 *   - "ListUsers first page": no filter, Limit 60 (a full page at both sizes).
 *   - "ListUsers email =": Filter `email = "<a random confirmed user's email>"` (one match).
 *   - "ListUsers page 10": the cost of page 10 alone. Its PaginationToken is fetched once per
 *     round and size, outside the timed section (9 pages followed from the first), and only the
 *     page-10 request is timed. A pool of 100 has fewer than 10 pages of 60, so page 10 uses
 *     the largest Limit (at most 60) at which the small pool still has a full page 10, the same
 *     Limit at both sizes: Limit 10 at the default 100 users, where page 10 is the pool's last
 *     page (users 91-100 in username order; DynamoDB still returns a next token when a page ends
 *     at the Limit, so both sizes do the same work).
 * Every ListUsers call checks it got the number of users it should (60, 1, and the page-10 Limit).
 *
 * SRP. Its extra cost is maths: three 3072-bit modular exponentiations in the engine per sign-in
 * (g^b, then v^u and (A·v^u)^b), none of which depends on the pool. The client is
 * bench/srpClient.ts (the engine's own group arithmetic, two exponentiations a sign-in, nothing
 * cached per user, so its share is the same at both sizes); it runs in this process, so the SRP
 * rows include it. Pools track devices (ChallengeRequiredOnNewDevice), and BENCH_DEVICE_USERS of
 * each pool's users have a confirmed, remembered device (signed in once and ConfirmDevice'd,
 * untimed); the device rows pick among those. After the size table, a second table gives SRP and
 * device sign-ins as ratios of USER_PASSWORD_AUTH at each size (argon2 at TEST_COST, so the
 * password's hash is cheap here; at production cost it dominates and SRP's ratio rises).
 *
 * Setup. One process: dynalite in memory on a worker thread (bench/dynamoThread.ts, so the bench
 * can use two cores), the engine on loopback on the main thread, one SDK client. Passwords are
 * hashed at the engine's TEST_COST, so the figures are the engine's own per-operation overhead
 * (HTTP, protocol, store calls) rather than argon2 at production cost.
 *
 * Two pools in one engine, not one pool grown from 100 to 10,000: only with both sizes alive at
 * once can the measurements be interleaved, so that machine noise and drift (this machine is
 * shared; other test runs come and go) hit both sizes alike. Each operation is measured in chunks
 * of 100 operations that alternate between the sizes in an ABBA pattern (100, 10k, 10k, 100,
 * 100, 10k, ...; which size leads swaps every round); a round gives one ops/s per size and
 * operation (total operations / total time over its chunks), and the table reports the median per
 * size over the rounds. The large pool is seeded once with 10,000 confirmed users (SignUp +
 * AdminConfirmSignUp, 16 in flight). The small pool is created fresh for every round with 100
 * confirmed users, because SignUp adds users: a reused small pool would have grown to thousands
 * by the last round, and the comparison would no longer be 100 against 10,000. The large pool
 * keeps the users each round signs up, so it only grows (10,000 at the first measurement; sizes
 * are printed), which if anything makes the test stricter.
 *
 * Both pools share one DynamoDB table, as every pool in an engine does. So this compares pool
 * sizes, which is what the engine's key design promises; a cost that grew with the whole table
 * (a Scan) would slow both sizes alike and not show in the ratio.
 *
 * Each round, per size: InitiateAuth for random confirmed users (no user is ever in flight
 * twice at once), GetUser with random access tokens from those sign-ins, AdminGetUser for random
 * users, the three ListUsers reads, then SignUp of new users and AdminConfirmSignUp of those
 * users in shuffled order. Reads therefore run at exactly the pool size; SignUp grows the pool by
 * the operation count while it is measured. Round 0 is a shorter warm-up (JIT, connections,
 * caches) and is not reported.
 *
 * Settings (environment, positive integers): BENCH_OPS (300 per round, operation and size),
 * BENCH_LIST_OPS (200, instead of BENCH_OPS for the three ListUsers reads: a first page of 60
 * costs about three AdminGetUsers, and 200 keeps the three rows to roughly half a minute on two
 * cores while still giving each size two chunks of 100 in a balanced ABBA order), BENCH_CHUNK
 * (100), BENCH_CONCURRENCY (8), BENCH_ROUNDS (5), BENCH_WARMUP_OPS (100), BENCH_SMALL_POOL (100;
 * the page-10 Limit follows from it), BENCH_LARGE_POOL (10000), BENCH_SEED_CONCURRENCY (16).
 */
import '../src/quietSdk';
import {
  AdminConfirmSignUpCommand,
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  ConfirmDeviceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ListUsersCommandInput,
  RespondToAuthChallengeCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { performance } from 'node:perf_hooks';
import { TEST_COST } from '../src/local/cognito/domain/passwords';
import { startEngine } from '../src/local/cognito/engine';
import { startDynamoThread } from './dynamoThread';
import { envInt, measure, median, Picker, runBounded, seededRandom, Throughput } from './measure';
import { benchDeviceSecret, BenchSrpClient } from './srpClient';

const OPS = envInt('BENCH_OPS', 300);
const LIST_OPS = envInt('BENCH_LIST_OPS', 200);
const CHUNK = envInt('BENCH_CHUNK', 100);
const CONCURRENCY = envInt('BENCH_CONCURRENCY', 8);
const ROUNDS = envInt('BENCH_ROUNDS', 5);
const WARMUP_OPS = envInt('BENCH_WARMUP_OPS', 100);
const SMALL = envInt('BENCH_SMALL_POOL', 100);
const LARGE = envInt('BENCH_LARGE_POOL', 10_000);
const SEED_CONCURRENCY = envInt('BENCH_SEED_CONCURRENCY', 16);
const DEVICE_USERS = Math.min(envInt('BENCH_DEVICE_USERS', 100), SMALL);
const MIN_RATIO = 0.8;
const PASSWORD = 'Bench-Passw0rd!';
/** ListUsers: the first page at Cognito's largest Limit; page DEEP_PAGE (the 10 of "ListUsers page 10") at DEEP_LIMIT (see the header). */
const LIST_LIMIT = 60;
const DEEP_PAGE = 10;
const DEEP_LIMIT = Math.min(LIST_LIMIT, Math.floor(SMALL / DEEP_PAGE));
if (DEEP_LIMIT < 1) throw new Error(`BENCH_SMALL_POOL must be at least ${DEEP_PAGE} to have a ListUsers page ${DEEP_PAGE}`);

const OPERATIONS = [
  'SignUp',
  'AdminConfirmSignUp',
  'InitiateAuth',
  'SRP sign-in',
  'Device sign-in',
  'GetUser',
  'AdminGetUser',
  'ListUsers first page',
  'ListUsers email =',
  'ListUsers page 10',
] as const;
type OperationName = (typeof OPERATIONS)[number];
/** Measurement order within a round: reads first (at the exact pool size), then the writes. */
const MEASURE_ORDER: OperationName[] = [
  'InitiateAuth',
  'SRP sign-in',
  'Device sign-in',
  'GetUser',
  'AdminGetUser',
  'ListUsers first page',
  'ListUsers email =',
  'ListUsers page 10',
  'SignUp',
  'AdminConfirmSignUp',
];

type Size = 'small' | 'large';
const SIZES: Size[] = ['small', 'large'];

/** A user with a confirmed, remembered device, and the device's secret. */
interface BenchDevice {
  email: string;
  key: string;
  password: string;
  client: BenchSrpClient;
}

interface BenchPool {
  poolId: string;
  clientId: string;
  /** Confirmed users' sign-in names (emails). */
  users: string[];
  /** DEVICE_USERS of them with a remembered device. */
  devices: BenchDevice[];
  srp: BenchSrpClient;
}

/** Per pool, per round: what one measurement hands to the next. */
interface RoundState {
  pool: BenchPool;
  /** Access tokens from this round's InitiateAuth calls, for GetUser. */
  tokens: string[];
  /** Users this round signed up, shuffled, for AdminConfirmSignUp; `confirmed` of them are done. */
  signedUp: string[];
  confirmed: number;
  /** PaginationToken of ListUsers page DEEP_PAGE at DEEP_LIMIT, fetched (untimed) on first use. */
  deepPageToken?: string;
}

const fmtInt = (n: number): string => n.toLocaleString('en-US');
const sizeLabel = (size: Size): string => `@${fmtInt(size === 'small' ? SMALL : LARGE)}`;

async function main(): Promise<number> {
  const started = performance.now();
  const random = seededRandom(20240601);
  const dynamo = await startDynamoThread();
  const engine = await startEngine({ dynamoEndpoint: dynamo.endpoint, hashCost: TEST_COST, printOutbox: false }).catch(async (error: unknown) => {
    await dynamo.close(); // or the dynalite thread would keep the process alive
    throw error;
  });
  const sdk = new CognitoIdentityProviderClient({
    endpoint: engine.endpoint,
    region: engine.region,
    credentials: engine.credentials,
    maxAttempts: 1,
  });
  let poolCount = 0;

  const createPool = async (label: string): Promise<BenchPool> => {
    const created = await sdk.send(
      new CreateUserPoolCommand({
        PoolName: `bench-${label}-${++poolCount}`,
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
      }),
    );
    const poolId = created.UserPool!.Id!;
    const app = await sdk.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: 'bench',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    return { poolId, clientId: app.UserPoolClient!.ClientId!, users: [], devices: [], srp: new BenchSrpClient(poolId.split('_')[1]) };
  };

  const passwordSignIn = (pool: BenchPool, email: string, deviceKey?: string) =>
    sdk.send(
      new InitiateAuthCommand({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: email, PASSWORD, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) },
      }),
    );
  const respond = (pool: BenchPool, ChallengeName: 'PASSWORD_VERIFIER' | 'DEVICE_SRP_AUTH' | 'DEVICE_PASSWORD_VERIFIER', Session: string | undefined, ChallengeResponses: Record<string, string>) =>
    sdk.send(new RespondToAuthChallengeCommand({ ClientId: pool.clientId, ChallengeName, Session, ChallengeResponses }));
  /** Both round trips of USER_SRP_AUTH; fails unless they end in tokens. */
  const srpSignIn = async (pool: BenchPool, email: string) => {
    const challenge = await sdk.send(
      new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: email, SRP_A: pool.srp.A } }),
    );
    const parameters = challenge.ChallengeParameters!;
    const done = await respond(pool, 'PASSWORD_VERIFIER', challenge.Session, pool.srp.answer(parameters, parameters.USER_ID_FOR_SRP, PASSWORD));
    if (!done.AuthenticationResult?.AccessToken) throw new Error(`SRP sign-in of ${email} gave no tokens`);
  };
  /** The password with a remembered device, then the device's SRP proof; fails unless it ends in tokens. */
  const deviceSignIn = async (pool: BenchPool, device: BenchDevice) => {
    const start = await passwordSignIn(pool, device.email, device.key);
    if (start.ChallengeName !== 'DEVICE_SRP_AUTH') throw new Error(`device sign-in of ${device.email} answered ${start.ChallengeName ?? 'tokens'}`);
    const userId = start.ChallengeParameters!.USER_ID_FOR_SRP;
    const verifier = await respond(pool, 'DEVICE_SRP_AUTH', start.Session, { USERNAME: userId, DEVICE_KEY: device.key, SRP_A: device.client.A });
    const answer = device.client.answer(verifier.ChallengeParameters!, device.key, device.password);
    const done = await respond(pool, 'DEVICE_PASSWORD_VERIFIER', verifier.Session, { ...answer, USERNAME: userId, DEVICE_KEY: device.key });
    if (!done.AuthenticationResult?.AccessToken) throw new Error(`device sign-in of ${device.email} gave no tokens`);
  };
  /** Gives the pool's first DEVICE_USERS users a confirmed, remembered device (a sign-in, then ConfirmDevice). */
  const seedDevices = async (pool: BenchPool): Promise<void> => {
    const emails = pool.users.slice(0, DEVICE_USERS);
    await runBounded(emails.length, SEED_CONCURRENCY, async (i) => {
      const result = (await passwordSignIn(pool, emails[i])).AuthenticationResult!;
      const { DeviceKey, DeviceGroupKey } = result.NewDeviceMetadata!;
      const secret = benchDeviceSecret(DeviceGroupKey!, DeviceKey!);
      await sdk.send(new ConfirmDeviceCommand({ AccessToken: result.AccessToken, DeviceKey, DeviceSecretVerifierConfig: secret.config }));
      pool.devices.push({ email: emails[i], key: DeviceKey!, password: secret.password, client: new BenchSrpClient(DeviceGroupKey!) });
    });
  };

  const signUp = (pool: BenchPool, email: string) =>
    sdk.send(new SignUpCommand({ ClientId: pool.clientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
  const confirm = (pool: BenchPool, email: string) => sdk.send(new AdminConfirmSignUpCommand({ UserPoolId: pool.poolId, Username: email }));
  /** ListUsers on the pool; fails unless the page holds exactly `expected` users. */
  const listUsers = async (pool: BenchPool, input: Omit<ListUsersCommandInput, 'UserPoolId'>, expected: number) => {
    const out = await sdk.send(new ListUsersCommand({ UserPoolId: pool.poolId, ...input }));
    const got = out.Users?.length ?? 0;
    if (got !== expected) throw new Error(`ListUsers ${JSON.stringify(input)} gave ${got} users, expected ${expected}`);
    return out;
  };
  /** The PaginationToken of page DEEP_PAGE at DEEP_LIMIT, following the tokens from page 1. */
  const deepPageToken = async (pool: BenchPool): Promise<string> => {
    let token: string | undefined;
    for (let page = 1; page < DEEP_PAGE; page++) {
      token = (await listUsers(pool, { Limit: DEEP_LIMIT, PaginationToken: token }, DEEP_LIMIT)).PaginationToken;
      if (!token) throw new Error(`ListUsers gave no PaginationToken after page ${page}`);
    }
    return token!;
  };

  /** Adds `count` confirmed users to the pool, SEED_CONCURRENCY calls in flight. */
  const seed = async (pool: BenchPool, label: string, count: number): Promise<void> => {
    const emails = Array.from({ length: count }, (_, i) => `seed-${label}-${i}@bench.example`);
    await runBounded(count, SEED_CONCURRENCY, async (i) => {
      await signUp(pool, emails[i]);
      await confirm(pool, emails[i]);
    });
    pool.users.push(...emails);
  };

  /** One timed chunk of one operation against one pool; updates the round state it feeds on. */
  const run = async (op: OperationName, state: RoundState, count: number, tag: string): Promise<Throughput> => {
    const { pool } = state;
    switch (op) {
      case 'InitiateAuth': {
        const picker = new Picker(pool.users, random);
        return measure(count, CONCURRENCY, () =>
          picker.use(async (email) => {
            const out = await sdk.send(
              new InitiateAuthCommand({ ClientId: pool.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }),
            );
            const token = out.AuthenticationResult?.AccessToken;
            if (!token) throw new Error(`InitiateAuth gave no access token for ${email}`);
            state.tokens.push(token);
          }),
        );
      }
      case 'SRP sign-in': {
        const picker = new Picker(pool.users, random);
        return measure(count, CONCURRENCY, () => picker.use((email) => srpSignIn(pool, email)));
      }
      case 'Device sign-in': {
        const picker = new Picker(pool.devices, random);
        return measure(count, CONCURRENCY, () => picker.use((device) => deviceSignIn(pool, device)));
      }
      case 'GetUser': {
        const picker = new Picker(state.tokens, random);
        return measure(count, CONCURRENCY, () => picker.use((token) => sdk.send(new GetUserCommand({ AccessToken: token }))));
      }
      case 'AdminGetUser': {
        const picker = new Picker(pool.users, random);
        return measure(count, CONCURRENCY, () =>
          picker.use((email) => sdk.send(new AdminGetUserCommand({ UserPoolId: pool.poolId, Username: email }))),
        );
      }
      case 'ListUsers first page':
        return measure(count, CONCURRENCY, () => listUsers(pool, { Limit: LIST_LIMIT }, LIST_LIMIT));
      case 'ListUsers email =': {
        const picker = new Picker(pool.users, random);
        return measure(count, CONCURRENCY, () => picker.use((email) => listUsers(pool, { Filter: `email = "${email}"` }, 1)));
      }
      case 'ListUsers page 10': {
        const PaginationToken = (state.deepPageToken ??= await deepPageToken(pool));
        return measure(count, CONCURRENCY, () => listUsers(pool, { Limit: DEEP_LIMIT, PaginationToken }, DEEP_LIMIT));
      }
      case 'SignUp': {
        const emails = Array.from({ length: count }, (_, i) => `new-${tag}-${i}@bench.example`);
        const result = await measure(count, CONCURRENCY, (i) => signUp(pool, emails[i]));
        state.signedUp.push(...shuffle(emails, random));
        return result;
      }
      case 'AdminConfirmSignUp': {
        const batch = state.signedUp.slice(state.confirmed, state.confirmed + count);
        if (batch.length < count) throw new Error('AdminConfirmSignUp ran out of signed-up users');
        state.confirmed += count;
        const result = await measure(count, CONCURRENCY, (i) => confirm(pool, batch[i]));
        pool.users.push(...batch);
        return result;
      }
    }
  };

  const samples = Object.fromEntries(
    SIZES.map((size) => [size, Object.fromEntries(OPERATIONS.map((op) => [op, [] as number[]]))]),
  ) as Record<Size, Record<OperationName, number[]>>;
  const largeSizes: number[] = [];

  try {
    console.log('Engine benchmark: Cognito engine over HTTP through @aws-sdk/client-cognito-identity-provider, dynalite in memory.');
    console.log(
      `Password hashing at TEST_COST (argon2id ${TEST_COST.memoryCost} KiB, t=${TEST_COST.timeCost}, p=${TEST_COST.parallelism}): ` +
        "the figures are the engine's per-operation overhead, not argon2 at production cost.",
    );
    console.log(
      `Per round, operation and size: ${OPS} ops (ListUsers ${LIST_OPS}) in chunks of ${CHUNK} at concurrency ${CONCURRENCY}, chunks interleaved across sizes; ` +
        `${ROUNDS} rounds after a ${WARMUP_OPS}-op warm-up round; median per size; target ops/s ${sizeLabel('large')} >= ${MIN_RATIO} x ops/s ${sizeLabel('small')}.`,
    );
    console.log(
      `ListUsers: first page = no filter, Limit ${LIST_LIMIT}; email = one random confirmed user's email; ` +
        `page ${DEEP_PAGE} = Limit ${DEEP_LIMIT} at both sizes (so ${sizeLabel('small')} has a full page ${DEEP_PAGE}), ` +
        `its token fetched untimed once per round and size, only the page-${DEEP_PAGE} request timed.\n`,
    );

    const large = await createPool('large');
    const seedStart = performance.now();
    await seed(large, 'large', LARGE);
    await seedDevices(large);
    const seedSeconds = (performance.now() - seedStart) / 1000;
    console.log(`Seeded ${fmtInt(LARGE)} users (SignUp + AdminConfirmSignUp, ${SEED_CONCURRENCY} in flight) in ${seedSeconds.toFixed(1)} s.`);

    for (let round = 0; round <= ROUNDS; round++) {
      const warmup = round === 0;
      const small = await createPool('small');
      await seed(small, `small${round}`, SMALL);
      await seedDevices(small);
      if (!warmup) largeSizes.push(large.users.length);
      const states: Record<Size, RoundState> = {
        small: { pool: small, tokens: [], signedUp: [], confirmed: 0 },
        large: { pool: large, tokens: [], signedUp: [], confirmed: 0 },
      };
      const line: string[] = [];
      for (const op of MEASURE_ORDER) {
        const total = warmup ? WARMUP_OPS : op.startsWith('ListUsers') ? LIST_OPS : OPS;
        const done: Record<Size, { ops: number; seconds: number }> = { small: { ops: 0, seconds: 0 }, large: { ops: 0, seconds: 0 } };
        // Chunks alternate sizes in an ABBA pattern (A B, B A, A B, ...), and A swaps each round,
        // so neither size systematically runs first, last, or on the warmer side of a pair.
        for (let chunk = 0; done.small.ops < total; chunk++) {
          const count = Math.min(CHUNK, total - done.small.ops);
          const order = (chunk + round) % 2 ? [...SIZES].reverse() : SIZES;
          for (const size of order) {
            const result = await run(op, states[size], count, `${size}-r${round}-c${chunk}`);
            done[size].ops += result.ops;
            done[size].seconds += result.seconds;
          }
        }
        const rate = (size: Size) => done[size].ops / done[size].seconds;
        if (!warmup) for (const size of SIZES) samples[size][op].push(rate(size));
        line.push(`${op} ${rate('small').toFixed(0)}/${rate('large').toFixed(0)}`);
      }
      console.log(`${warmup ? 'warm-up' : `round ${round}`} (ops/s ${sizeLabel('small')}/${sizeLabel('large')}): ${line.join(', ')}`);
    }

    console.log(
      `\nPool sizes: ${sizeLabel('small')} is a fresh pool of ${fmtInt(SMALL)} confirmed users each round; ` +
        `${sizeLabel('large')} had ${largeSizes.map(fmtInt).join(', ')} users at the start of the measured rounds. ` +
        'SignUp adds its operations to the pool while it is measured.\n',
    );

    const header = ['operation', `ops/s ${sizeLabel('small')}`, `ops/s ${sizeLabel('large')}`, 'ratio (large/small)', 'result'];
    const rows = OPERATIONS.map((op) => {
      const small = median(samples.small[op]);
      const big = median(samples.large[op]);
      const ratio = big / small;
      const pass = ratio >= MIN_RATIO;
      return { op, pass, cells: [op, small.toFixed(0), big.toFixed(0), ratio.toFixed(2), pass ? 'PASS' : 'FAIL'] };
    });
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.cells[i].length)));
    const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
    console.log(format(header));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of rows) console.log(format(row.cells));

    // SRP's price against the password flow, within each size (same run, same machine state).
    console.log(`\nSign-ins as a ratio of InitiateAuth (USER_PASSWORD_AUTH) throughput at the same size:`);
    const against = ['SRP sign-in', 'Device sign-in'] as const;
    const ratioHeader = ['sign-in', `ratio ${sizeLabel('small')}`, `ratio ${sizeLabel('large')}`];
    const ratioRows = against.map((op) => [
      `${op} (${op === 'SRP sign-in' ? 2 : 3} calls)`,
      ...SIZES.map((size) => (median(samples[size][op]) / median(samples[size].InitiateAuth)).toFixed(2)),
    ]);
    const ratioWidths = ratioHeader.map((h, i) => Math.max(h.length, ...ratioRows.map((r) => r[i].length)));
    const formatRatio = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(ratioWidths[i]) : c.padStart(ratioWidths[i]))).join('  ');
    console.log(formatRatio(ratioHeader));
    console.log(ratioWidths.map((w) => '-'.repeat(w)).join('  '));
    for (const row of ratioRows) console.log(formatRatio(row));

    const failed = rows.filter((r) => !r.pass).map((r) => r.op);
    const runtime = (performance.now() - started) / 1000;
    console.log(
      `\n${failed.length ? `FAIL: ${failed.join(', ')} below ${MIN_RATIO} x at ${sizeLabel('large')}` : 'PASS: no operation slows down with pool size'}` +
        ` (total runtime ${runtime.toFixed(1)} s).`,
    );
    return failed.length ? 1 : 0;
  } finally {
    sdk.destroy();
    await engine.close();
    await dynamo.close();
  }
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('Engine benchmark failed:', error);
    process.exitCode = 1;
  },
);
