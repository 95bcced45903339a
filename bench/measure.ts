/**
 * Small measurement helpers for the benchmarks: a seeded random source, a picker that never
 * hands out an item already in flight, bounded-concurrency runners, and medians.
 */
import { performance } from 'node:perf_hooks';

/** mulberry32: a tiny seeded PRNG, so runs pick the same sequence of users. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Picks items at random, but never one that is still in flight, so concurrent operations
 * never race on the same user (which could, for example, trip sign-in lockout counters).
 */
export class Picker<T> {
  private readonly busy = new Set<number>();

  constructor(
    private readonly items: readonly T[],
    private readonly random: () => number,
  ) {
    if (items.length === 0) throw new Error('Picker needs at least one item');
  }

  /** Runs `fn` with a random item that no other `use` call holds at the moment. */
  async use<R>(fn: (item: T) => Promise<R>): Promise<R> {
    if (this.busy.size >= this.items.length) throw new Error('more operations in flight than items to pick from');
    let index: number;
    do index = Math.floor(this.random() * this.items.length);
    while (this.busy.has(index));
    this.busy.add(index);
    try {
      return await fn(this.items[index]);
    } finally {
      this.busy.delete(index);
    }
  }
}

/**
 * Runs `task(0..count-1)` with at most `concurrency` in flight. Fails fast: the first error
 * stops new tasks from starting and is rethrown once the ones in flight have settled.
 */
export async function runBounded(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!failure && next < count) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  if (failure) throw failure.error;
}

export interface Throughput {
  ops: number;
  seconds: number;
  opsPerSecond: number;
}

/** Times `count` operations at fixed concurrency and returns the throughput. */
export async function measure(count: number, concurrency: number, task: (i: number) => Promise<unknown>): Promise<Throughput> {
  const started = performance.now();
  await runBounded(count, concurrency, task);
  const seconds = (performance.now() - started) / 1000;
  return { ops: count, seconds, opsPerSecond: count / seconds };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Reads a positive integer setting from the environment, so quick runs can shrink the bench. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
}
