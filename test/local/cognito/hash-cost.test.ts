/**
 * COGNITO_LOCAL_HASH_COST for the standalone engine: checked at start, and a loud line when the
 * test cost is on. The engine runs as its own process (main.ts bundled with esbuild into dist/, its
 * packages left to node_modules), as `npm run cognito:local` runs it.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWASP_COST, TEST_COST } from '../../../src/local/cognito/domain/passwords';
import { hashCostSetting, WEAK_HASH_WARNING } from '../../../src/local/cognito/hashCostSetting';

const root = join(__dirname, '..', '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'hash-cost-'));
// Inside the project, so that the bundle's packages resolve from its node_modules.
const mainJs = join(root, 'dist', 'test-bundles', `hash-cost-${process.pid}.js`);
const children: ChildProcess[] = [];

beforeAll(() => {
  buildSync({ entryPoints: [join(root, 'src', 'local', 'cognito', 'main.ts')], bundle: true, platform: 'node', packages: 'external', outfile: mainJs, logLevel: 'silent' });
});

afterAll(async () => {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(scratch, { recursive: true, force: true });
  rmSync(mainJs, { force: true });
});

/** Starts the engine with `cost`; resolves when it listens or exits, with what it printed. */
function startWith(cost: string, dataDir: string): Promise<{ out: string; err: string; code: number | null }> {
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: { ...process.env, DATA_DIR: dataDir, COGNITO_LOCAL_PORT: '0', COGNITO_LOCAL_HASH_COST: cost },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      // stderr is its own pipe: give the warning (written first) a moment to arrive too.
      if (out.includes('listening on')) setTimeout(() => resolve({ out, err, code: null }), 300);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => resolve({ out, err, code }));
  });
}

test('the setting reads owasp (the default) and test, and refuses anything else', () => {
  expect(hashCostSetting(undefined)).toEqual({ cost: OWASP_COST, weak: false });
  expect(hashCostSetting('owasp')).toEqual({ cost: OWASP_COST, weak: false });
  expect(hashCostSetting('test')).toEqual({ cost: TEST_COST, weak: true });
  expect(() => hashCostSetting('TEST')).toThrow('COGNITO_LOCAL_HASH_COST must be "owasp" or "test", got "TEST"');
});

test('a bad COGNITO_LOCAL_HASH_COST stops the engine at start, saying why', async () => {
  const result = await startWith('cheap', join(scratch, 'bad'));
  expect(result.code).toBe(1);
  expect(result.err).toContain('COGNITO_LOCAL_HASH_COST must be "owasp" or "test", got "cheap"');
}, 30_000);

test('COGNITO_LOCAL_HASH_COST=test starts the engine with a loud warning', async () => {
  const result = await startWith('test', join(scratch, 'test'));
  expect(result.code).toBeNull();
  expect(result.err).toContain(WEAK_HASH_WARNING);
  expect(result.out).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
}, 30_000);

test('the default cost prints no warning', async () => {
  const result = await startWith('', join(scratch, 'default'));
  expect(result.code).toBeNull();
  expect(result.err).not.toContain('COGNITO_LOCAL_HASH_COST');
}, 30_000);
