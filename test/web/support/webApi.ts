/**
 * The API as the web tests use it: the test harness's embedded world, serving the built web app
 * (npm run build:web, which `pretest` runs) with the dev API key, as `npm start` does.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, TestApi, TestApiOptions } from '../../support/api';

export interface WebApi extends TestApi {
  /** Where the app is: http://127.0.0.1:<port>. */
  origin: string;
}

export async function startWebApi(options: TestApiOptions = {}): Promise<WebApi> {
  if (!existsSync(join(process.cwd(), 'web', 'dist', 'index.html'))) throw new Error('the web app is not built: run npm run build:web (npm test does it first)');
  const t = await startTestApi({ playground: true, ...options });
  return Object.assign(t, { origin: t.url.replace(/\/graphql$/, '') });
}
