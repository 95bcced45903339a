/**
 * `npm start` as a separate process on a data directory (the built main.js, embedded mode), with
 * what a load needs from its banner: the GraphQL URL, the engine, the pool, the dev API key and
 * the metrics URL; and an SDK client for the engine's admin API (its local credentials). Used by
 * npm run soak and by the tests that crash, stop and soak the service (test/ops).
 */
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ChildProcess, spawn } from 'node:child_process';

export const ADMIN_PASSWORD = 'Ops-Admin-Passw0rd!';

/** Limits far above what a load test sends from its one loopback address. */
export const ROOMY_LIMITS: Record<string, string> = {
  RATE_LIMIT_PASSWORD: '100000/1000000/15m',
  RATE_LIMIT_CODE: '100000/1000000/15m',
  RATE_LIMIT_TOKEN: '100000/1000000/15m',
  RATE_LIMIT_SEND: '100000/1000000/15m',
};

export interface Service {
  child: ChildProcess;
  url: string;
  engine: string;
  poolId: string;
  clientId: string;
  apiKey: string;
  metricsUrl?: string;
  /** The inspector's WebSocket URL, when launched with `inspect`. */
  inspectorUrl?: string;
  stdout(): string;
  stderr(): string;
  /** True once `stop` was called: failed requests are then expected. */
  readonly stopping: boolean;
  /** Sends `signal` and resolves with the exit code (null when killed by the signal). */
  stop(signal: NodeJS.Signals): Promise<number | null>;
  /** The engine's admin API, as an operator with the AWS CLI would use it. */
  admin(): CognitoIdentityProviderClient;
}

export interface Launch {
  /** The built main.js. */
  entry: string;
  /** The project root: npm start reads config/ from its working directory. */
  cwd: string;
  dataDir: string;
  /** The environment to start from (the caller's, by default). */
  baseEnv?: NodeJS.ProcessEnv;
  /** Settings on top of the launch defaults below. */
  env?: Record<string, string>;
  /** Where the service's log lines go besides memory (the soak keeps none in memory). */
  keepLog?: boolean;
  /** Open the inspector on a free loopback port (the soak collects garbage through it). */
  inspect?: boolean;
}

export async function startService({ entry, cwd, dataDir, baseEnv = process.env, env = {}, keepLog = true, inspect = false }: Launch): Promise<Service> {
  const child = spawn(process.execPath, [...(inspect ? ['--inspect=127.0.0.1:0'] : []), entry], {
    cwd,
    env: {
      ...baseEnv,
      // As an operator runs it: not under a test runner's NODE_ENV=test, which changes libraries' behaviour.
      NODE_ENV: 'development',
      DATA_DIR: dataDir,
      PORT: '0',
      COGNITO_LOCAL_PORT: '0',
      METRICS_PORT: '0',
      LOG_FORMAT: 'json',
      ADMIN_PASSWORD,
      ...ROOMY_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let bannerSeen = false;
  // After the banner, stdout is the engine's outbox boxes: kept only when asked (the soak sends thousands).
  child.stdout!.on('data', (chunk: Buffer) => {
    if (keepLog || !bannerSeen) out += chunk.toString();
  });
  let inspectorUrl: string | undefined;
  child.stderr!.on('data', (chunk: Buffer) => {
    if (keepLog) err += chunk.toString();
    // Node prints it first, before any of the service's own lines.
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(chunk.toString())?.[1];
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const banner = await new Promise<string>((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`npm start did not come up:\n${out}\n${err}`)), 60_000);
    const look = () => {
      // The banner starts with "Identity API (" and ends with a blank line.
      const start = out.indexOf('Identity API (');
      const end = start < 0 ? -1 : out.indexOf('\n\n', start);
      if (end < 0) return;
      clearTimeout(deadline);
      bannerSeen = true;
      child.stdout!.off('data', look);
      resolve(out.slice(start, end));
    };
    child.stdout!.on('data', look);
    void exited.then((code) => reject(new Error(`npm start exited with ${code}:\n${out}\n${err}`)));
  });
  const field = (pattern: RegExp): string => {
    const value = pattern.exec(banner)?.[1];
    if (!value) throw new Error(`npm start's banner has no ${pattern}:\n${banner}`);
    return value;
  };
  const [url, engine, poolId, clientId, apiKey] = [/GraphQL: +(\S+)/, /Cognito engine: +(\S+)/, /\(pool ([\w-]+),/, /, client (\w+);/, /Dev API key: +(\S+)/].map(field);
  const metricsUrl = /Metrics: +(\S+)/.exec(banner)?.[1];
  let admin: CognitoIdentityProviderClient | undefined;
  let stopping = false;
  return {
    child,
    url,
    engine,
    poolId,
    clientId,
    apiKey,
    metricsUrl,
    inspectorUrl,
    stdout: () => out,
    stderr: () => err,
    get stopping() {
      return stopping;
    },
    async stop(signal) {
      stopping = true;
      admin?.destroy();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
    admin: () => (admin ??= new CognitoIdentityProviderClient({ endpoint: engine, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } })),
  };
}

export interface GraphQLAnswer {
  status: number;
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/** One GraphQL request as a frontend sends it. */
export async function graphql(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<GraphQLAnswer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLAnswer, 'status'>) };
}

/** The newest code the engine sent to an address (its dev outbox). */
export async function latestCode(engine: string, address: string): Promise<string | undefined> {
  const response = await fetch(`${engine}/_local/outbox?to=${encodeURIComponent(address)}`);
  const { messages } = (await response.json()) as { messages: { code?: string }[] };
  return messages.at(-1)?.code;
}
