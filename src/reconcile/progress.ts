/**
 * How a reconcile run shows its progress: on a terminal one line redrawn in place with a bar
 * (against Cognito's estimate of the pool's size), elsewhere (CI, a log file) a plain line when
 * a step starts and at most every ten seconds, and always the counts at the end.
 */
import type { Counts, Progress } from './reconcile';

export interface Output {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const BAR = 24;
const PLAIN_EVERY_MS = 10_000;
const REDRAW_EVERY_MS = 100;

const figures = (p: Counts) => `created ${p.created}, fixed ${p.fixed}, removed ${p.removed}`;

function describe(p: Progress, total: number | undefined): string {
  if (p.phase === 'records') return `records: ${p.walked} checked against Cognito's users (${figures(p)})`;
  return `users: ${p.checked}${total ? ` of about ${total}` : ''} checked (${figures(p)})`;
}

function bar(p: Progress, total: number | undefined): string {
  if (p.phase === 'records' || !total) return '';
  const done = Math.min(BAR, Math.round((p.checked / total) * BAR));
  return `[${'#'.repeat(done)}${'.'.repeat(BAR - done)}] `;
}

export function progressReporter(out: Output, total: number | undefined, now: () => number = Date.now) {
  let lastAt = 0;
  let lastPhase: Progress['phase'] | undefined;
  return {
    update(p: Progress): void {
      const at = now();
      const newPhase = p.phase !== lastPhase;
      if (out.isTTY) {
        if (!newPhase && at - lastAt < REDRAW_EVERY_MS) return;
        const line = `${bar(p, total)}${describe(p, total)}`;
        out.write(`${newPhase && lastPhase ? '\n' : '\r'}\x1b[2K${line.slice(0, (out.columns ?? 120) - 1)}`);
      } else {
        if (!newPhase && at - lastAt < PLAIN_EVERY_MS) return;
        out.write(`reconcile ${describe(p, total)}\n`);
      }
      lastAt = at;
      lastPhase = p.phase;
    },
    finish(c: Counts, poolId: string): void {
      if (out.isTTY && lastPhase) out.write('\n');
      const outcome = c.interrupted ? 'Interrupted (records are removed only after a complete run; run it again)' : 'Reconciled';
      out.write(`${outcome}: pool ${poolId}, checked ${c.checked}, ${figures(c)}\n`);
    },
  };
}
