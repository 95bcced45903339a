/**
 * The container image, as far as it can be tested without a container engine (there is none in
 * CI, so the image itself is not built): the Dockerfile is multi-stage, runs as a non-root user
 * and checks /livez; every file it copies exists and is in the build context; and its start
 * command, run from the layout it gives the image (dist/src, config/, production settings), serves
 * the API in AWS mode against a Cognito and a DynamoDB (here the embedded ones), is ready, and
 * stops cleanly on SIGTERM.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_COST } from '../../src/local/cognito/domain/passwords';
import { EmbeddedWorld, startEmbeddedWorld } from '../../src/local/embedded';
import { PASSWORD, uniqueEmail } from '../support/users';
import { buildOnce, ROOT, runEnvironment } from './support/build';
import { graphql } from './support/service';

const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const instructions = dockerfile
  .replace(/\\\n\s*/g, ' ')
  .split('\n')
  .filter((line) => line.trim() && !line.trim().startsWith('#'))
  .map((line) => line.trim());
const stages = instructions.reduce<string[][]>((all, line) => (line.startsWith('FROM ') ? [...all, [line]] : [...all.slice(0, -1), [...all.at(-1)!, line]]), []);
const finalStage = stages.at(-1)!;
const ignored = readFileSync(join(ROOT, '.dockerignore'), 'utf8')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'));

test('multi-stage; the image runs as a non-root user, checks /livez and starts with node dist/src/main.js', () => {
  expect(stages.length).toBeGreaterThanOrEqual(2);
  const user = finalStage.find((line) => line.startsWith('USER '));
  expect(user).toBeDefined();
  expect(user).not.toMatch(/^USER (root|0)(:|$)/);
  expect(finalStage.find((line) => line.startsWith('HEALTHCHECK '))).toContain('/livez');
  expect(finalStage.at(-1)).toBe('CMD ["node", "dist/src/main.js"]');
  expect(finalStage.join('\n')).toMatch(/NODE_ENV=production/);
  // Only production dependencies reach the image.
  expect(stages[0].join('\n')).toContain('npm prune --omit=dev');
});

test('every file the Dockerfile copies from the context exists and is not ignored', () => {
  const sources = instructions
    .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
    .flatMap((line) => line.replace(/^COPY\s+/, '').split(/\s+/).slice(0, -1));
  expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'config']));
  for (const source of sources) {
    expect(existsSync(join(ROOT, source))).toBe(true);
    expect(ignored).not.toContain(source);
  }
  for (const secret of ['.data', 'node_modules', '.env', 'dist']) expect(ignored).toContain(secret);
});

describe("the image's start command", () => {
  let world: EmbeddedWorld;
  let app: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    const build = await buildOnce();
    world = await startEmbeddedWorld({ region: 'us-east-1', metadataTable: 'identity-metadata', apiKeys: ['image-api-key-0123456789'], hashCost: TEST_COST });
    // The image's layout: /app/dist/src, /app/config, /app/package.json.
    app = mkdtempSync(join(tmpdir(), 'identity-image-'));
    cpSync(join(build, 'src'), join(app, 'dist', 'src'), { recursive: true });
    cpSync(join(ROOT, 'config'), join(app, 'config'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(app, 'package.json'));
  }, 180_000);
  afterAll(async () => {
    child?.kill('SIGKILL');
    await world.close();
    rmSync(app, { recursive: true, force: true });
  });

  test('serves the API in AWS mode, is ready, and stops cleanly on SIGTERM', async () => {
    const cmd = JSON.parse(finalStage.at(-1)!.replace(/^CMD /, '')) as string[];
    child = spawn(cmd[0] === 'node' ? process.execPath : cmd[0], cmd.slice(1), {
      cwd: app,
      env: {
        ...runEnvironment(),
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: '0',
        METRICS_PORT: '0',
        LOG_FORMAT: 'json',
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'local',
        AWS_SECRET_ACCESS_KEY: 'local',
        COGNITO_USER_POOL_ID: world.pool.userPoolId,
        COGNITO_CLIENT_ID: world.pool.clientId,
        COGNITO_ENDPOINT: world.engine.endpoint,
        DYNAMODB_ENDPOINT: world.dynamo.endpoint,
        API_KEYS: 'image-api-key-0123456789',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    const deadline = Date.now() + 30_000;
    while (!/GraphQL: +(\S+)/.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the start command did not come up:\n${out}\n${err}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /GraphQL: +(\S+)/.exec(out)![1];
    expect(out).toContain('Identity API (aws mode, production)');
    const ready = await fetch(url.replace(/\/graphql$/, '/readyz'));
    expect(ready.status).toBe(200);
    const signedUp = await graphql(url, 'mutation ($u: String!, $p: String!) { signUp(input: { username: $u, password: $p }) { userId } }', { u: uniqueEmail('image'), p: PASSWORD }, { 'x-api-key': 'image-api-key-0123456789' });
    expect(signedUp.errors).toBeUndefined();
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(err).toContain('"message":"stopped"');
    child = undefined;
  }, 60_000);
});
