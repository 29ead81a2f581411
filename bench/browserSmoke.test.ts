// A smoke run of the browser benchmark (`npm run bench:browser -- --quick`):
// both stacks start, the seeded document opens cold and warm in each, every
// route's scripts are counted, typing through the IME and committed
// characters is measured with other people typing, a second browser sees
// every character, a CPU profile and a performance trace are summed, and the
// report has a number for each stack in every row.
// It proves the harness works, not how fast anything is.
import { describe, expect, it } from 'vitest';
import { chromium, requires } from '../tests/helpers/requirements.js';
import { quickPlan } from './browser/plan.js';
import { renderBrowserReport } from './browser/report.js';
import { runBrowserBench } from './browser/run.js';

const ready = requires(chromium());

describe.skipIf(!ready)('the browser benchmark, quick', () => {
  it('measures Yigao and the bare stack and reports every row with numbers for both', async () => {
    const plan = quickPlan();
    const run = await runBrowserBench(plan, 'npm run bench:browser -- --quick', () => undefined);

    for (const stack of ['yigao', 'bare'] as const) {
      const loads = run.loads.filter((l) => l.stack === stack);
      expect(loads.map((l) => l.pages)).toEqual(plan.sizes);
      for (const l of loads) for (const ms of [...l.coldMs, ...l.warmMs]) expect(ms).toBeGreaterThan(0);
      const routes = run.routes.filter((r) => r.stack === stack);
      expect(routes.length).toBeGreaterThan(0);
      for (const r of routes) expect(r.gzipBytes).toBeGreaterThan(0);
      const typing = run.typing.filter((t) => t.stack === stack);
      expect(typing).toHaveLength(plan.typing.length);
      for (const t of typing) {
        expect(t.unrecorded).toBe(0);
        expect(t.latenciesMs).toHaveLength(t.sent);
        expect(t.sent).toBeGreaterThanOrEqual(t.case.keystrokes);
        expect(t.heapBytes).toBeGreaterThan(0);
        expect(t.crowd?.edits).toBeGreaterThan(0);
        expect(t.crowd?.closes).toBe(0);
        if (t.case.trace) {
          expect(t.trace?.shares.length).toBeGreaterThan(0);
          expect(t.trace?.shares.find((share) => share.what === 'Layout')?.ms).toBeGreaterThan(0);
        }
        if (t.case.remote) {
          expect(t.remoteMissing).toBe(0);
          expect(t.remoteMs).toHaveLength(t.case.keystrokes);
        }
      }
    }

    const report = renderBrowserReport(run);
    // Every row of every table but the headings (whose second column is a name): a number in both stacks' columns.
    const rows = report
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| --- '))
      .map((line) => line.split(' | '))
      .filter(([, second]) => second !== 'Yigao' && second !== 'scripts');
    expect(rows.length).toBeGreaterThan(20);
    for (const [label, yigao, bare] of rows) {
      expect(yigao, label).toMatch(/\d/);
      expect(bare, label).toMatch(/\d/);
    }
    for (const section of [
      '### Targets',
      '### Time to editable',
      '### JavaScript on a first visit',
      '### Remote keystroke:',
      "### Where the typist's main thread goes",
      "### What the typist's renderer does",
    ])
      expect(report).toContain(section);
  }, 180_000);
});
