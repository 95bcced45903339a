/**
 * dynalite on disk reads LevelDB (classic-level) with its asynchronous get, which runs each read
 * on libuv's thread pool and answers on a later turn of the event loop. For the engine's small
 * keyed reads that hop is most of the cost (a read itself takes microseconds from LevelDB's block
 * cache), and it grows when the machine is busy, as it is under a test suite: measured on two
 * shared cores, a GetUser (two reads) spent about 1 ms more on disk than in memory. LevelDB also
 * reads synchronously (classic-level's getSync), so dynalite's reads use that here; writes stay
 * asynchronous. A read sees every write that has completed either way, and dynalite answers a
 * write only once it has.
 */
import { createRequire } from 'node:module';

interface ClassicLevelPrototype {
  _get(key: unknown, options: unknown): Promise<unknown>;
  _getSync(key: unknown, options: unknown): unknown;
}

const PATCHED = Symbol.for('identity-api.dynalite-sync-reads');

export function readDynaliteSynchronously(): void {
  const fromDynalite = createRequire(require.resolve('dynalite'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { ClassicLevel } = require(createRequire(fromDynalite.resolve('level')).resolve('classic-level')) as {
    ClassicLevel: { prototype: ClassicLevelPrototype & { [PATCHED]?: true } };
  };
  const prototype = ClassicLevel.prototype;
  if (prototype[PATCHED] || typeof prototype._getSync !== 'function') return;
  prototype._get = async function (this: ClassicLevelPrototype, key: unknown, options: unknown) {
    return this._getSync(key, options);
  };
  prototype[PATCHED] = true;
}
