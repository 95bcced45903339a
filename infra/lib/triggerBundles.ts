/**
 * The trigger handlers (src/triggers/<name>.ts, each exporting `handler`) bundled for Lambda with
 * esbuild, here on this machine: never in Docker, so synthesis needs no container engine. Each
 * bundle is `index.js` with what the handler reads at run time: config/triggers.json and the
 * message templates (Lambda's working directory is the bundle), and argon2's native module, which
 * cannot be bundled (Lambda's x86_64 Linux build; UserMigration checks legacy argon2id hashes).
 * Bundled once per synthesis and shared by every Region's functions.
 */
import { buildSync } from 'esbuild';
import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TRIGGER_FUNCTIONS, TriggerPoint } from '../../src/triggers/names';

/** The project: resolved from the working directory, as npm scripts and the CDK CLI run at its root (and the pool file is found). */
export const PROJECT_ROOT = process.cwd();

/** Native packages: kept out of the bundle and copied beside it. */
const NATIVE = ['@node-rs/argon2', '@node-rs/argon2-linux-x64-gnu'];

/** The source file of a trigger point's handler: PreSignUp → src/triggers/preSignUp.ts. */
const sourceOf = (point: TriggerPoint): string => join(PROJECT_ROOT, 'src', 'triggers', `${point.charAt(0).toLowerCase()}${point.slice(1)}.ts`);

const pointOf = (functionName: string): TriggerPoint => {
  const point = (Object.keys(TRIGGER_FUNCTIONS) as TriggerPoint[]).find((p) => TRIGGER_FUNCTIONS[p] === functionName);
  if (!point) throw new Error(`config/user-pool.json names a trigger function "${functionName}" that src/triggers does not have (${Object.values(TRIGGER_FUNCTIONS).join(', ')})`);
  return point;
};

export class TriggerBundles {
  private readonly built = new Map<string, string>();
  private readonly root: string;

  constructor(root?: string) {
    this.root = root ?? mkdtempSync(join(tmpdir(), 'identity-triggers-'));
  }

  /** The directory to deploy for `functionName` (an asset for lambda.Code.fromAsset). */
  directoryFor(functionName: string): string {
    const done = this.built.get(functionName);
    if (done) return done;
    const dir = join(this.root, functionName);
    mkdirSync(dir, { recursive: true });
    buildSync({
      entryPoints: [sourceOf(pointOf(functionName))],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      external: NATIVE,
      logLevel: 'error',
    });
    cpSync(join(PROJECT_ROOT, 'config', 'triggers.json'), join(dir, 'config', 'triggers.json'));
    cpSync(join(PROJECT_ROOT, 'config', 'messages'), join(dir, 'config', 'messages'), { recursive: true });
    for (const name of NATIVE) {
      const source = join(PROJECT_ROOT, 'node_modules', name);
      if (!existsSync(source)) {
        throw new Error(`${name} is not installed: the trigger bundles need argon2's Linux x64 build (npm install --no-save --os=linux --cpu=x64 ${name})`);
      }
      cpSync(source, join(dir, 'node_modules', name), { recursive: true });
    }
    this.built.set(functionName, dir);
    return dir;
  }
}
