/**
 * The standalone engine (`npm run cognito:local`) as a separate process, driven by the
 * SDK-only walk-through in examples/, reading the confirmation code from the engine's console.
 * Also, since the build is here: `npm start` refusing production without a configured pool.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkthrough } from '../../../examples/sdk-walkthrough';

const root = join(__dirname, '..', '..', '..');
let engine: ChildProcess;
let output = '';
let endpoint: string;
const dataDir = mkdtempSync(join(tmpdir(), 'cognito-local-'));

beforeAll(async () => {
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], { cwd: root });
  engine = spawn(process.execPath, [join(root, 'dist', 'src', 'local', 'cognito', 'main.js')], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, COGNITO_LOCAL_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  engine.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  endpoint = await waitFor(() => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1]);
}, 120_000);

afterAll(async () => {
  if (engine && engine.exitCode === null) {
    const exited = new Promise((resolve) => engine.once('exit', resolve));
    engine.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

async function waitFor<T>(probe: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out; engine printed:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The code from the box the engine printed for this address. */
const codeFromConsole = (email: string) =>
  waitFor(() => new RegExp(`EMAIL to ${email.replace(/[.+]/g, '\\$&')} \\(SIGN_UP\\)[\\s\\S]*?code is (\\d{6})`).exec(output)?.[1]);

test('an SDK-only script: pool, client, sign-up, console code, sign-in, get user, refresh, global sign-out', async () => {
  const result = await walkthrough(endpoint, codeFromConsole, () => undefined);
  expect(result.email).toMatch(/^ada-\d+@example\.com$/);
  expect(result.refreshedExpiresIn).toBe(3600);
  expect(result.oldTokenError).toBe('NotAuthorizedException: Access Token has been revoked');
}, 60_000);

test('npm start with NODE_ENV=production and no pool refuses to start, saying why, and creates nothing', () => {
  const scratch = join(dataDir, 'production');
  const started = spawnSync(process.execPath, [join(root, 'dist', 'src', 'main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', DATA_DIR: scratch, PORT: '0', COGNITO_LOCAL_PORT: '0' },
    encoding: 'utf8',
    timeout: 20_000,
  });
  expect(started.status).toBe(1);
  expect(started.stderr).toContain('NODE_ENV=production needs a configured pool: set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and API_KEYS');
  expect(started.stdout).not.toContain('Dev API key');
  expect(existsSync(scratch)).toBe(false);
});

test('the key that seals TOTP secrets lives in its own file in the data directory, readable by its owner only', () => {
  const file = join(dataDir, 'engine-secret.key');
  expect(existsSync(file)).toBe(true);
  expect(statSync(file).mode & 0o777).toBe(0o600);
  expect(Buffer.from(readFileSync(file, 'utf8'), 'base64').length).toBe(32);
});
