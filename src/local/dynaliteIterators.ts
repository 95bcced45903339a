/**
 * dynalite 4 reads its LevelDB store through iterators it never closes: a Query or Scan that
 * reads to the end leaves its iterator open, and one that stops at its Limit asks the iterator to
 * `return()`, which abstract-level 3's iterators do not have. Each open iterator pins about 45 KB
 * of native memory (LevelDB's iterator and the version it reads), so a long-running embedded world
 * grew by tens of megabytes a minute under load (found by the soak, npm run soak).
 *
 * Until dynalite closes them, its iterators close themselves: when they reach their end, and
 * when asked to `return()`. Both are safe for every other caller: an iterator is read once, and
 * `close()` may be called again.
 */
import { createRequire } from 'node:module';

interface Iterator {
  next(...args: unknown[]): Promise<unknown>;
  close(): Promise<void>;
  return?: () => Promise<{ done: true; value: undefined }>;
}

const PATCHED = Symbol.for('identity-api.iterators-close-when-done');

/** abstract-level as dynalite's stores load it (through level's classic-level, and memory-level). */
function abstractLevels(): Record<string, { prototype: Iterator }>[] {
  const fromDynalite = createRequire(require.resolve('dynalite'));
  const stores = [createRequire(fromDynalite.resolve('level')).resolve('classic-level'), fromDynalite.resolve('memory-level')];
  const paths = new Set(stores.map((store) => createRequire(store).resolve('abstract-level')));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return [...paths].map((path) => require(path) as Record<string, { prototype: Iterator }>);
}

export function closeDynaliteIteratorsWhenDone(): void {
  for (const level of abstractLevels()) {
    for (const name of ['AbstractIterator', 'AbstractKeyIterator', 'AbstractValueIterator']) {
      const prototype = level[name].prototype as Iterator & { [PATCHED]?: true };
      if (prototype[PATCHED]) continue;
      const next = prototype.next;
      prototype.next = async function (this: Iterator, ...args: unknown[]) {
        const item = await next.apply(this, args);
        if (item === undefined) await this.close();
        return item;
      };
      prototype.return = async function (this: Iterator) {
        await this.close();
        return { done: true, value: undefined };
      };
      prototype[PATCHED] = true;
    }
  }
}
