/** RecentReads: answers kept for a window measured from the read's start, shared misses, forget. */
import { RecentReads } from '../../src/lib/recentReads';

/** A read that resolves when told to, counting how often it was started. */
function controlledRead<V>() {
  let started = 0;
  const pending: { resolve: (v: V) => void; reject: (e: Error) => void }[] = [];
  return {
    read: () => {
      started++;
      return new Promise<V>((resolve, reject) => pending.push({ resolve, reject }));
    },
    get started() {
      return started;
    },
    resolveNext: (value: V) => pending.shift()!.resolve(value),
    rejectNext: (error: Error) => pending.shift()!.reject(error),
  };
}

let now = 1_000_000;
const clock = () => now;
beforeEach(() => {
  now = 1_000_000;
});

const cacheOf = <V>(windowMs: number, extra: { maxEntries?: number; expiresAt?: (v: V) => number } = {}) =>
  new RecentReads<V>({ windowMs, maxEntries: extra.maxEntries ?? 100, expiresAt: extra.expiresAt, now: clock });

test('an answer is reused within the window and read again once it has passed', async () => {
  const cache = cacheOf<string>(1000);
  let reads = 0;
  const read = async () => `answer ${++reads}`;
  expect(await cache.get('k', read)).toBe('answer 1');
  now += 999;
  expect(await cache.get('k', read)).toBe('answer 1');
  now += 1;
  expect(await cache.get('k', read)).toBe('answer 2');
});

test("the window counts from the read's start, so a slow read is not kept past it", async () => {
  const cache = cacheOf<string>(1000);
  const slow = controlledRead<string>();
  const first = cache.get('k', slow.read);
  now += 600;
  slow.resolveNext('old');
  expect(await first).toBe('old');
  now += 400;
  void cache.get('k', slow.read);
  expect(slow.started).toBe(2);
});

test('concurrent misses for one key share one read; other keys read on their own', async () => {
  const cache = cacheOf<string>(1000);
  const read = controlledRead<string>();
  const answers = Promise.all([cache.get('a', read.read), cache.get('a', read.read), cache.get('b', read.read)]);
  expect(read.started).toBe(2);
  read.resolveNext('for a');
  read.resolveNext('for b');
  expect(await answers).toEqual(['for a', 'for a', 'for b']);
});

test('forget drops the answer, and a read in flight when it was called is not kept', async () => {
  const cache = cacheOf<string>(1000);
  const read = controlledRead<string>();
  const inFlight = cache.get('k', read.read);
  cache.forget('k');
  read.resolveNext('from before the write');
  expect(await inFlight).toBe('from before the write');

  const after = cache.get('k', read.read);
  expect(read.started).toBe(2);
  read.resolveNext('from after the write');
  expect(await after).toBe('from after the write');
  expect(await cache.get('k', read.read)).toBe('from after the write');
  cache.forget('k');
  void cache.get('k', read.read);
  expect(read.started).toBe(3);
});

test('errors reach every caller that shared the read and are not kept', async () => {
  const cache = cacheOf<string>(1000);
  const read = controlledRead<string>();
  const both = [cache.get('k', read.read), cache.get('k', read.read)];
  read.rejectNext(new Error('throttled'));
  for (const answer of both) await expect(answer).rejects.toThrow('throttled');
  void cache.get('k', read.read);
  expect(read.started).toBe(2);
});

test('undefined answers are not kept', async () => {
  const cache = cacheOf<string | undefined>(1000);
  let reads = 0;
  const read = async () => {
    reads++;
    return undefined;
  };
  await cache.get('k', read);
  await cache.get('k', read);
  expect(reads).toBe(2);
  expect(cache.size).toBe(0);
});

test('expiresAt shortens one answer below the window', async () => {
  const cache = cacheOf<{ until: number }>(Number.POSITIVE_INFINITY, { expiresAt: (v) => v.until });
  let reads = 0;
  const read = async () => ({ until: now + 50, n: ++reads });
  await cache.get('k', read);
  now += 49;
  await cache.get('k', read);
  expect(reads).toBe(1);
  now += 1;
  await cache.get('k', read);
  expect(reads).toBe(2);
});

test('a window of 0 reads every time and keeps nothing', async () => {
  const cache = cacheOf<string>(0);
  let reads = 0;
  const read = async () => `answer ${++reads}`;
  await cache.get('k', read);
  await cache.get('k', read);
  expect(reads).toBe(2);
  expect(cache.size).toBe(0);
});

test('past maxEntries the oldest answer goes first', async () => {
  const cache = cacheOf<string>(1000, { maxEntries: 2 });
  let reads = 0;
  const read = async () => `answer ${++reads}`;
  await cache.get('a', read);
  await cache.get('b', read);
  await cache.get('c', read);
  expect(cache.size).toBe(2);
  expect(await cache.get('c', read)).toBe('answer 3');
  expect(await cache.get('b', read)).toBe('answer 2');
  expect(await cache.get('a', read)).toBe('answer 4');
});

test('keeping an answer drops stale ones at the front, so they do not wait for their key to be read', async () => {
  const cache = cacheOf<string>(1000);
  await cache.get('a', async () => 'a');
  await cache.get('b', async () => 'b');
  now += 1000;
  await cache.get('c', async () => 'c');
  expect(cache.size).toBe(1);
});
