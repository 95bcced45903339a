/**
 * The two servers bench/vsCognitoLocal.bench.ts compares, each started as its own process the
 * way its users start it, in its own temporary directory, on a free port:
 *   - the engine: dist/src/local/cognito/main.js (`npm run cognito:local`), state on disk in
 *     dynalite under DATA_DIR, COGNITO_LOCAL_HASH_COST=test;
 *   - cognito-local 5.3.0 (the devDependency): its bin, state in .cognito/db/*.json under its
 *     working directory.
 * Both print every message they send (codes) to the console, as they do by default; the bench
 * reads their output only until they listen, and discards the rest.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';

const root = join(__dirname, '..', '..');

export interface ServerProcess {
  name: string;
  endpoint: string;
  dir: string;
  stop(): Promise<void>;
}

/** Spawns `args` and resolves with the endpoint once `listening` matches its output. */
async function startProcess(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; listening: RegExp }): Promise<{ child: ChildProcess; endpoint: string }> {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let seen = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      // eslint-disable-next-line no-control-regex
      seen += chunk.toString().replace(/\u001b\[[0-9;]*m/g, '');
      const match = options.listening.exec(seen);
      if (match) {
        seen = '';
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it listened:\n${seen}`)));
  });
  child.removeAllListeners('exit');
  // From here on its output is read and dropped (a full pipe would stall it).
  child.stdout!.removeAllListeners('data').resume();
  child.stderr!.removeAllListeners('data').resume();
  return { child, endpoint };
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function startEngineProcess(): Promise<ServerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-engine-'));
  const { child, endpoint } = await startProcess('engine', [join(root, 'dist', 'src', 'local', 'cognito', 'main.js')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dir, COGNITO_LOCAL_PORT: '0', COGNITO_LOCAL_HASH_COST: 'test' },
    listening: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return {
    name: 'engine',
    endpoint,
    dir,
    async stop() {
      await stopProcess(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

const cognitoLocalBin = join(root, 'node_modules', 'cognito-local', 'lib', 'bin', 'start.js');

/** cognito-local in `dir` (a new temporary directory when not given). */
export async function startCognitoLocal(dir = mkdtempSync(join(tmpdir(), 'bench-cognito-local-'))): Promise<ServerProcess> {
  const { child, endpoint } = await startProcess('cognito-local', [cognitoLocalBin], {
    cwd: dir,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    listening: /Cognito Local running on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  return {
    name: 'cognito-local',
    endpoint,
    dir,
    async stop() {
      await stopProcess(child);
    },
  };
}

/**
 * Adds confirmed users straight to a stopped cognito-local's pool file, in the shape its own
 * SignUp and AdminConfirmSignUp leave them (username = sub in a pool that signs in by email;
 * cognito-local keeps the password as given). Seeding 10,000 users through its API would
 * rewrite the whole file 20,000 times.
 */
export function seedCognitoLocalFile(dir: string, poolId: string, emails: string[], password: string): void {
  const file = join(dir, '.cognito', 'db', `${poolId}.json`);
  const pool = JSON.parse(readFileSync(file, 'utf8')) as { Users?: Record<string, unknown> };
  pool.Users ??= {};
  const now = new Date().toISOString();
  for (const email of emails) {
    const sub = randomUUID();
    pool.Users[sub] = {
      Attributes: [
        { Name: 'sub', Value: sub },
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
      Enabled: true,
      Password: password,
      RefreshTokens: [],
      UserCreateDate: now,
      UserLastModifiedDate: now,
      Username: sub,
      UserStatus: 'CONFIRMED',
    };
  }
  writeFileSync(file, JSON.stringify(pool, null, 2));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
