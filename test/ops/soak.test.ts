/**
 * The soak in CI: `npm run soak` for 60 seconds (the same script, a shorter run), as a separate
 * process against its own `npm start`, with the same targets: no unexpected error, RSS growth
 * after warm-up under 10%, and a clean stop on SIGTERM.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildOnce, ROOT, runEnvironment } from './support/build';

const run = promisify(execFile);

test('npm run soak, 60 seconds: no unexpected error, memory flat after warm-up, a clean stop', async () => {
  const build = await buildOnce();
  const { stdout } = await run(process.execPath, [join(build, 'bench', 'soak.js')], {
    cwd: ROOT,
    env: { ...runEnvironment(), SOAK_DURATION: '60s', SOAK_WARMUP: '15s' },
    timeout: 150_000,
  }).catch((error: { stdout?: string; stderr?: string }) => {
    throw new Error(`the soak failed:\n${error.stdout}\n${error.stderr}`);
  });
  const result = JSON.parse(/^SOAK_RESULT (.*)$/m.exec(stdout)![1]) as {
    requests: number;
    unexpectedErrors: Record<string, number>;
    expectedErrors: Record<string, number>;
    rssGrowth: number;
    stoppedCleanly: boolean;
    byOperation: Record<string, { requests: number }>;
  };
  expect(result.unexpectedErrors).toEqual({});
  expect(result.rssGrowth).toBeLessThan(0.1);
  expect(result.stoppedCleanly).toBe(true);
  // Mixed and sustained: every operation ran, at a fair share of the 20 a second asked for.
  expect(Object.keys(result.byOperation).sort()).toEqual(['confirmSignUp', 'me', 'refreshSession', 'signIn', 'signOut', 'signUp', 'users', 'wrongPassword']);
  expect(result.requests).toBeGreaterThan(600);
  expect(Object.keys(result.expectedErrors)).toEqual(['NOT_AUTHORIZED']);
}, 240_000);
