/** npm start from the test run's build (build.ts), on a data directory: see bench/soak/service.ts. */
import { join } from 'node:path';
import { Service, startService as launch } from '../../../bench/soak/service';
import { ROOT, runEnvironment } from './build';

export { graphql, latestCode } from '../../../bench/soak/service';
export type { Service } from '../../../bench/soak/service';

export const startService = (build: string, dataDir: string, env: Record<string, string> = {}): Promise<Service> =>
  launch({ entry: join(build, 'src', 'main.js'), cwd: ROOT, dataDir, baseEnv: runEnvironment(), env });
