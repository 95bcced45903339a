/**
 * The project compiled as `npm run build` compiles it (tsc, tsconfig.build.json), for the tests
 * that run it as a separate process the way an operator does (npm start, npm run soak, the
 * container's start command). Built once per test run into a scratch directory shared by the
 * run's workers (keyed by the Jest parent process), never into the project's own dist/; modules
 * resolve from the project's node_modules through NODE_PATH.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..', '..');
const PREFIX = 'identity-ops-build-';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Builds of earlier test runs whose Jest process is gone. */
function removeStaleBuilds(): void {
  for (const name of readdirSync(tmpdir())) {
    const pid = Number(name.slice(PREFIX.length).replace(/\.lock$/, ''));
    if (name.startsWith(PREFIX) && Number.isInteger(pid) && !alive(pid)) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  }
}

async function waitFor(file: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for another worker's build (${file})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The build's directory: `<dir>/src/main.js` is npm start's entry point. */
export async function buildOnce(): Promise<string> {
  const dir = join(tmpdir(), `${PREFIX}${process.ppid}`);
  const done = join(dir, '.done');
  if (existsSync(done)) return dir;
  try {
    mkdirSync(`${dir}.lock`);
  } catch {
    await waitFor(done, 180_000);
    return dir;
  }
  removeStaleBuilds();
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', dir], { cwd: ROOT, stdio: 'inherit' });
  writeFileSync(done, '');
  return dir;
}

/** What a built script needs to run from the scratch directory as it would from dist/. */
export const runEnvironment = (): NodeJS.ProcessEnv => ({ ...process.env, NODE_PATH: join(ROOT, 'node_modules') });
