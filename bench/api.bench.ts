/**
 * bench:api — throughput and p99 latency of the `me` query with a valid token, against a bare
 * Apollo Server answering `{ __typename }`, measured in the same run with the same load.
 *
 * Layout (2 cores): the embedded world (engine + dynalite, standing in for Cognito and DynamoDB)
 * runs in one child process, each server under test in another, and the load generator
 * (autocannon) in this process. The two servers are measured alternately, twice each, and the
 * median of each is reported. Target: `me` reaches at least 60% of the bare server's throughput.
 */
import '../src/quietSdk';
import autocannon from 'autocannon';
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 16);
const ROUNDS = 2;
const TARGET = 0.6;

function startChild(script: string, args: string[]): Promise<{ child: ChildProcess; output: Record<string, unknown> }> {
  const child = spawn(process.execPath, [join(__dirname, 'api', script), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve({ child, output: JSON.parse(line) as Record<string, unknown> }));
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

interface Sample {
  rps: number;
  p99: number;
  errors: number;
}

async function load(url: string, headers: Record<string, string>, query: string): Promise<Sample> {
  const result = await autocannon({
    url,
    method: 'POST',
    connections: CONNECTIONS,
    duration: DURATION_S,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const world = await startChild('world.child.js', []);
  const token = world.output.accessToken as string;
  const bareServer = await startChild('servers.child.js', ['bare']);
  const apiServer = await startChild('servers.child.js', ['api', JSON.stringify(world.output)]);
  const bareUrl = bareServer.output.url as string;
  const apiUrl = apiServer.output.url as string;
  try {
    // Warm up both (JIT, JWKS cache, connections).
    await load(bareUrl, {}, '{ __typename }');
    await load(apiUrl, { authorization: token }, '{ me { sub email } }');
    const bare: Sample[] = [];
    const me: Sample[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(await load(bareUrl, {}, '{ __typename }'));
      me.push(await load(apiUrl, { authorization: token }, '{ me { sub email } }'));
    }
    const bareRps = median(bare.map((s) => s.rps));
    const meRps = median(me.map((s) => s.rps));
    const ratio = meRps / bareRps;
    const errors = [...bare, ...me].reduce((n, s) => n + s.errors, 0);
    console.log(`bench:api — ${CONNECTIONS} connections, ${DURATION_S}s per run, ${ROUNDS} runs each, medians`);
    console.log(`  bare Apollo { __typename }: ${bareRps.toFixed(0)} req/s, p99 ${median(bare.map((s) => s.p99))} ms`);
    console.log(`  API me (valid token):       ${meRps.toFixed(0)} req/s, p99 ${median(me.map((s) => s.p99))} ms`);
    console.log(`  ratio me / bare: ${ratio.toFixed(2)} (target ≥ ${TARGET}) ${ratio >= TARGET ? 'PASS' : 'FAIL'}`);
    if (errors > 0) console.log(`  WARNING: ${errors} failed or non-2xx responses`);
    process.exitCode = ratio >= TARGET && errors === 0 ? 0 : 1;
  } finally {
    for (const c of [bareServer.child, apiServer.child, world.child]) c.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
