/** npm start from the test run's build (build.ts), on a data directory: see bench/soak/service.ts. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Service, startService as launch } from '../../../bench/soak/service';
import { buildOnce, ROOT, runEnvironment } from './build';

export { graphql, latestCode } from '../../../bench/soak/service';
export type { Service } from '../../../bench/soak/service';

export const startService = (build: string, dataDir: string, env: Record<string, string> = {}): Promise<Service> =>
  launch({ entry: join(build, 'src', 'main.js'), cwd: ROOT, dataDir, baseEnv: runEnvironment(), env });

export interface ServiceFixture {
  /** One data directory for the file's services: a restart finds what the last one wrote. */
  dataDir: string;
  start(env?: Record<string, string>): Promise<Service>;
}

/**
 * For a test file that starts `npm start` on one data directory, perhaps several times: the build
 * is made before its tests, and after them any service still running is killed and the directory
 * removed.
 */
export function serviceFixture(name: string): ServiceFixture {
  const dataDir = mkdtempSync(join(tmpdir(), `identity-${name}-`));
  const started = new Set<Service>();
  let build: string;
  beforeAll(async () => {
    build = await buildOnce();
  }, 180_000);
  afterAll(async () => {
    for (const service of started) await service.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    dataDir,
    async start(env = {}) {
      const service = await startService(build, dataDir, env);
      started.add(service);
      return service;
    },
  };
}
