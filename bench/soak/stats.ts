/**
 * What the soak counts: requests and latencies per operation, errors by code (those the workload
 * expects, such as NOT_AUTHORIZED for a wrong password, kept apart), and memory samples.
 */
export interface OperationStats {
  requests: number;
  latenciesMs: number[];
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}


export class SoakStats {
  readonly operations = new Map<string, OperationStats>();
  readonly unexpected = new Map<string, number>();
  readonly expected = new Map<string, number>();

  record(operation: string, ms: number): void {
    const stats = this.operations.get(operation) ?? { requests: 0, latenciesMs: [] };
    stats.requests++;
    stats.latenciesMs.push(ms);
    this.operations.set(operation, stats);
  }

  error(code: string, expected: boolean): void {
    const counts = expected ? this.expected : this.unexpected;
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }

  get requests(): number {
    return [...this.operations.values()].reduce((n, s) => n + s.requests, 0);
  }

  get unexpectedErrors(): number {
    return [...this.unexpected.values()].reduce((n, c) => n + c, 0);
  }

  /** p50 and p99 over all requests, and per operation. */
  latencies(): { all: { p50: number; p99: number }; byOperation: Record<string, { requests: number; p50: number; p99: number }> } {
    const all = [...this.operations.values()].flatMap((s) => s.latenciesMs).sort((a, b) => a - b);
    const byOperation: Record<string, { requests: number; p50: number; p99: number }> = {};
    for (const [name, stats] of this.operations) {
      const sorted = [...stats.latenciesMs].sort((a, b) => a - b);
      byOperation[name] = { requests: stats.requests, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    }
    return { all: { p50: percentile(all, 50), p99: percentile(all, 99) }, byOperation };
  }
}
