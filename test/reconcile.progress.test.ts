/** Reconcile's progress display (a bar on a terminal, plain lines elsewhere) and its compact set of listed subs. */
import { progressReporter } from '../src/reconcile/progress';
import type { Progress } from '../src/reconcile/reconcile';
import { SeenUsers } from '../src/reconcile/seenUsers';

const at = (over: Partial<Progress>): Progress => ({ phase: 'users', checked: 0, created: 0, fixed: 0, removed: 0, walked: 0, interrupted: false, ...over });

function capture(isTTY: boolean) {
  let text = '';
  let now = 0;
  const reporter = progressReporter({ isTTY, columns: 100, write: (chunk: string) => (text += chunk) }, 300, () => now);
  return { reporter, text: () => text, tick: (ms: number) => (now += ms) };
}

test('elsewhere than a terminal: a line when a step starts and at most every ten seconds, then the counts', () => {
  const { reporter, text, tick } = capture(false);
  reporter.update(at({ checked: 60 }));
  tick(1000);
  reporter.update(at({ checked: 120 }));
  tick(10_000);
  reporter.update(at({ checked: 180, created: 2 }));
  reporter.update(at({ phase: 'records', checked: 300, created: 2, walked: 100 }));
  reporter.finish({ checked: 300, created: 2, fixed: 1, removed: 0, interrupted: false }, 'pool_1');
  expect(text()).toBe(
    [
      'reconcile users: 60 of about 300 checked (created 0, fixed 0, removed 0)',
      'reconcile users: 180 of about 300 checked (created 2, fixed 0, removed 0)',
      "reconcile records: 100 checked against Cognito's users (created 2, fixed 0, removed 0)",
      'Reconciled: pool pool_1, checked 300, created 2, fixed 1, removed 0',
      '',
    ].join('\n'),
  );
});

test('on a terminal: one line redrawn in place with a bar, and an interrupted run says so', () => {
  const { reporter, text, tick } = capture(true);
  reporter.update(at({ checked: 150 }));
  tick(200);
  reporter.update(at({ checked: 300 }));
  reporter.finish({ checked: 300, created: 0, fixed: 0, removed: 0, interrupted: true }, 'pool_1');
  expect(text()).toContain('\r\x1b[2K[############............] users: 150 of about 300 checked');
  expect(text()).toContain('\r\x1b[2K[########################] users: 300 of about 300 checked');
  expect(text()).toMatch(/\nInterrupted \(records are removed only after a complete run; run it again\): pool pool_1, checked 300/);
});

test('the listed subs: found once sealed, others not, at 8 bytes each', () => {
  const seen = new SeenUsers();
  const subs = Array.from({ length: 5000 }, (_, n) => `sub-${n}`);
  for (const sub of subs) seen.add(sub);
  seen.seal();
  expect(subs.every((sub) => seen.has(sub))).toBe(true);
  expect(['sub-5000', 'other', ''].some((sub) => seen.has(sub))).toBe(false);
  expect(seen.count).toBe(5000);
  expect(() => seen.add('late')).toThrow(/sealed/);
});
