/**
 * npm run soak — a long, bounded run of `npm start` (embedded mode, its own data directory) under
 * a mixed, rate-limited workload (soak/workload.ts): sign-ups, confirmations, sign-ins, `me`,
 * refreshes, admin pages, sign-outs and wrong passwords. It stops by itself, stops the service as
 * a platform would (SIGTERM) and reports the requests, errors by code, p50 and p99, and the
 * service's RSS after warm-up against its RSS at the end (read from its own metrics, every 2 s).
 *
 * RSS follows the JS heap's sawtooth: garbage piles up between major collections and is handed
 * back after them, so a sample taken at any moment lands anywhere between a trough and a peak,
 * tens of megabytes apart. What a leak moves is the memory still held after a full collection, so
 * each side of the comparison (at the end of the warm-up, and at the end) is read right after the
 * soak asks the service to collect its garbage (through its inspector, soak/inspector.ts): the
 * lowest of a few such reads. The 2-second samples in between give the peaks. The warm-up
 * starts with bursts of wrong passwords, so the engine's password hashes run as many at once as it
 * allows: their buffers (19 MiB each) are then in the warm-up's figure.
 *
 * Targets: no unexpected error, and RSS growth after warm-up under 10%.
 *
 * Settings: SOAK_DURATION (10m; s, m or h), SOAK_RATE (operations a second, 20), SOAK_CONCURRENCY
 * (most operations in flight, 8), SOAK_WARMUP (a fifth of the duration, at most 2m). The last line
 * printed is `SOAK_RESULT <json>`; the exit code is 1 when a target is missed.
 */
import '../src/quietSdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './measure';
import { ADMIN_PASSWORD, Service, startService } from './soak/service';
import { SoakStats } from './soak/stats';
import { collectGarbage } from './soak/inspector';
import { CountedFailure, Workload } from './soak/workload';

const MAX_GROWTH = 0.1;
const SAMPLE_EVERY_MS = 2000;
/** Reads after a full collection on each side of the comparison (the lowest counts), a second apart. */
const SETTLED_READS = 3;

function duration(name: string, fallback: string): number {
  const raw = process.env[name] ?? fallback;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(raw.trim());
  if (!match) throw new Error(`${name} must be a duration such as 60s or 10m (got "${raw}")`);
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
}

function positive(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!(value > 0)) throw new Error(`${name} must be a positive number (got "${process.env[name]}")`);
  return value;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface MemorySample {
  at: number;
  rss: number;
  /** The JS heap in use, and as committed (what of it RSS holds). */
  heap: number;
  heapTotal: number;
}

async function sampleMemory(metricsUrl: string, at: number): Promise<MemorySample> {
  const text = await (await fetch(metricsUrl)).text();
  const value = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
  return { at, rss: value('process_resident_memory_bytes'), heap: value('nodejs_heap_size_used_bytes'), heapTotal: value('nodejs_heap_size_total_bytes') };
}

/** Memory as the service holds it: read right after full collections, a second apart. */
async function settledMemory(service: Service, at: number): Promise<MemorySample[]> {
  const reads: MemorySample[] = [];
  for (let read = 0; read < SETTLED_READS; read++) {
    await collectGarbage(service.inspectorUrl!);
    reads.push(await sampleMemory(service.metricsUrl!, at));
    await sleep(1000);
  }
  return reads;
}

/** Starts one operation per tick of the rate, never more than `concurrency` at once, until `end`. */
async function drive(service: Service, workload: Workload, stats: SoakStats, rate: number, concurrency: number, end: number): Promise<void> {
  const running = new Set<Promise<void>>();
  const interval = 1000 / rate;
  let next = Date.now();
  while (Date.now() < end) {
    if (running.size < concurrency) {
      const step = workload.step(service).catch((error: unknown) => {
        // Failed requests are counted where they happen; anything else is the workload's own bug.
        if (!(error instanceof CountedFailure)) stats.error(`WORKLOAD:${(error as Error)?.message}`, false);
      });
      running.add(step);
      void step.finally(() => running.delete(step));
    }
    next += interval;
    await sleep(Math.max(0, next - Date.now()));
  }
  await Promise.all(running);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const total = duration('SOAK_DURATION', '10m');
  const warmup = duration('SOAK_WARMUP', `${Math.min(total / 5, 120_000)}ms`);
  const rate = positive('SOAK_RATE', 20);
  const concurrency = positive('SOAK_CONCURRENCY', 8);
  if (warmup + 10 * SAMPLE_EVERY_MS > total) throw new Error('SOAK_DURATION is too short for its warm-up and the memory samples');

  const dataDir = mkdtempSync(join(tmpdir(), 'identity-soak-'));
  const service = await startService({ entry: join(__dirname, '..', 'src', 'main.js'), cwd: process.cwd(), dataDir, keepLog: false, inspect: true, env: { LOG_LEVEL: 'info' } });
  const stats = new SoakStats();
  const workload = new Workload(stats, 'admin@example.com', ADMIN_PASSWORD, seededRandom(13));
  const samples: MemorySample[] = [];
  // Part of the warm-up: the engine's password hashes (19 MiB each, twice the cores at once) at their most.
  await workload.saturateHashing(service, availableParallelism() * 4, 3);
  const started = Date.now();
  const sampler = setInterval(() => {
    sampleMemory(service.metricsUrl!, Date.now() - started).then((s) => samples.push(s), () => undefined);
  }, SAMPLE_EVERY_MS);
  console.log(`soak — ${total / 1000}s at ${rate} operations/s (at most ${concurrency} at once), warm-up ${warmup / 1000}s, against ${service.url}`);
  const settled: MemorySample[][] = [];
  const settle = async () => settled.push(await settledMemory(service, Date.now() - started));
  const warmedUp = sleep(warmup).then(settle);
  // Awaited after the load; until then a failure must not count as unhandled.
  warmedUp.catch(() => undefined);
  try {
    await drive(service, workload, stats, rate, concurrency, started + total);
    await warmedUp;
    await settle();
  } finally {
    clearInterval(sampler);
  }
  const exitCode = await service.stop('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });

  const [afterWarmup, atEnd] = settled;
  const between = (from: number, to: number) => samples.filter((s) => s.at >= from && s.at <= to);
  type Measure = (s: MemorySample) => number;
  const lowest = (side: MemorySample[], measure: Measure) => Math.min(...side.map(measure));
  const highest = (side: MemorySample[], measure: Measure) => Math.max(...side.map(measure));
  const rss: Measure = (s) => s.rss;
  const heap: Measure = (s) => s.heap;
  /** What RSS holds besides the JS heap: native buffers, LevelDB, argon2's memory, code. */
  const offHeap: Measure = (s) => s.rss - s.heapTotal;
  const rssWarm = lowest(afterWarmup, rss);
  const rssEnd = lowest(atEnd, rss);
  const growth = (rssEnd - rssWarm) / rssWarm;
  const { all, byOperation } = stats.latencies();
  const result = {
    seconds: Math.round((Date.now() - started) / 1000),
    requests: stats.requests,
    unexpectedErrors: Object.fromEntries(stats.unexpected),
    expectedErrors: Object.fromEntries(stats.expected),
    p50Ms: Math.round(all.p50),
    p99Ms: Math.round(all.p99),
    byOperation,
    rssWarmupBytes: rssWarm,
    rssEndBytes: rssEnd,
    rssGrowth: Number(growth.toFixed(4)),
    rssPeakWarmupBytes: highest(between(warmup, warmup + (total - warmup) / 3), rss),
    rssPeakEndBytes: highest(between(total - (total - warmup) / 3, total), rss),
    heapWarmupBytes: lowest(afterWarmup, heap),
    heapEndBytes: lowest(atEnd, heap),
    offHeapWarmupBytes: lowest(afterWarmup, offHeap),
    offHeapEndBytes: lowest(atEnd, offHeap),
    stoppedCleanly: exitCode === 0,
  };
  const passed = stats.unexpectedErrors === 0 && growth < MAX_GROWTH && result.stoppedCleanly;

  console.log(`  requests ${result.requests} in ${result.seconds}s; p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms`);
  for (const [name, s] of Object.entries(byOperation)) console.log(`  ${name.padEnd(16)} ${String(s.requests).padStart(6)}  p50 ${s.p50.toFixed(0).padStart(4)} ms  p99 ${s.p99.toFixed(0).padStart(4)} ms`);
  console.log(`  expected errors: ${JSON.stringify(result.expectedErrors)}; unexpected: ${JSON.stringify(result.unexpectedErrors)}`);
  console.log(`  RSS after a full collection, after warm-up ${mb(rssWarm)}, at the end ${mb(rssEnd)} (${(growth * 100).toFixed(1)}%)`);
  console.log(`  heap used ${mb(result.heapWarmupBytes)} → ${mb(result.heapEndBytes)}; off the JS heap ${mb(result.offHeapWarmupBytes)} → ${mb(result.offHeapEndBytes)}; RSS peaks in the first and last third ${mb(result.rssPeakWarmupBytes)} → ${mb(result.rssPeakEndBytes)}`);
  console.log(`  stopped with SIGTERM: ${result.stoppedCleanly ? 'exit 0' : `exit ${exitCode}`}`);
  console.log(`  targets: no unexpected error, RSS growth < ${MAX_GROWTH * 100}%: ${passed ? 'PASS' : 'FAIL'}`);
  console.log(`SOAK_RESULT ${JSON.stringify(result)}`);
  process.exitCode = passed ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
