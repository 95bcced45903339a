/**
 * `/readyz`: whether the backends answer, each asked with a short timeout (READY_TIMEOUT_MS), in
 * parallel. One check runs at a time and its report is reused for a second, so load balancers'
 * probes (and anyone else who calls it: it is public, since they need it) cost the backends at
 * most two calls a second per replica. A failure names the exception only, never its message.
 */
import { performance } from 'node:perf_hooks';
import { RecentReads } from '../lib/recentReads';

export interface Probe {
  name: string;
  /** Resolves when the backend answered; should give up when `signal` aborts. */
  check(signal: AbortSignal): Promise<unknown>;
}

export interface CheckResult {
  ok: boolean;
  ms: number;
  error?: string;
}

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, CheckResult>;
}

export interface ReadinessOptions {
  timeoutMs: number;
  /** How long a report is reused; tests set 0. */
  reuseMs?: number;
}

class ProbeTimeout extends Error {
  override readonly name = 'TimeoutError';
}

async function run(probe: Probe, timeoutMs: number): Promise<CheckResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  // Raced as well as aborted: a call waiting out a retry's backoff may not look at its signal.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new ProbeTimeout());
    }, timeoutMs);
  });
  try {
    await Promise.race([probe.check(controller.signal), deadline]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (error) {
    const name = (error as { name?: unknown } | undefined)?.name;
    return { ok: false, ms: Math.round(performance.now() - started), error: typeof name === 'string' ? name.slice(0, 64) : 'Error' };
  } finally {
    clearTimeout(timer);
  }
}

export class Readiness {
  private readonly reports: RecentReads<ReadinessReport>;

  constructor(
    private readonly probes: Probe[],
    private readonly options: ReadinessOptions,
  ) {
    this.reports = new RecentReads({ windowMs: options.reuseMs ?? 1000, maxEntries: 1 });
  }

  report(): Promise<ReadinessReport> {
    return this.reports.get('readiness', async () => {
      const results = await Promise.all(this.probes.map((probe) => run(probe, this.options.timeoutMs)));
      const checks = Object.fromEntries(this.probes.map((probe, i) => [probe.name, results[i]]));
      return { ready: results.every((r) => r.ok), checks };
    });
  }
}
