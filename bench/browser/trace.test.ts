import { describe, expect, it } from 'vitest';
import { summarizeTrace } from './trace.js';

const MAIN = { pid: 7, tid: 1 };
const meta = (pid: number, tid: number, name: string) => ({ name: 'thread_name', ph: 'M', pid, tid, ts: 0, args: { name } });
const x = (name: string, ts: number, dur: number, args?: object, where = MAIN) => ({ name, ph: 'X', ...where, ts, dur, args });

describe('summarizeTrace', () => {
  it("sums the busiest renderer main thread's work by kind, a namesake inside another counted once", () => {
    const other = { pid: 9, tid: 1 };
    const summary = summarizeTrace([
      meta(7, 1, 'CrRendererMain'),
      meta(9, 1, 'CrRendererMain'),
      x('RunTask', 0, 5000),
      x('FunctionCall', 100, 2000),
      x('FunctionCall', 200, 500),
      x('Layout', 400, 300, { beginData: { dirtyObjects: 4, totalObjects: 100 } }),
      x('Layout', 3000, 1000, { beginData: { dirtyObjects: 2, totalObjects: 100 } }),
      x('UpdateLayoutTree', 2500, 400, { elementCount: 12 }),
      x('RunTask', 0, 100, undefined, other),
      x('Layout', 10, 50, undefined, other),
    ]);
    const ms = (what: string) => summary.shares.find((s) => s.what === what)?.ms;
    expect(ms('FunctionCall')).toBe(2);
    expect(summary.shares.find((s) => s.what === 'FunctionCall')?.count).toBe(1);
    expect(ms('Layout')).toBe(1.3);
    expect(ms('UpdateLayoutTree')).toBe(0.4);
    expect(summary.styledElements).toBe(12);
    expect(summary.dirtyObjects).toBe(6);
    expect(summary.layoutObjects).toBe(200);
    // the layout inside the function call was forced by it; the one in the frame was not
    expect(summary.forcedLayouts).toBe(1);
    expect(summary.totalMs).toBe(5);
  });

  it('reads a minute of typing (more events than a call takes arguments)', () => {
    const events = [meta(7, 1, 'CrRendererMain'), ...Array.from({ length: 300_000 }, (_, i) => x('Paint', i * 10, 5))];
    const summary = summarizeTrace(events);
    expect(summary.shares[0]).toEqual({ what: 'Paint', ms: 1500, count: 300_000 });
  });

  it('says nothing of a trace without a renderer', () => {
    expect(summarizeTrace([x('Layout', 0, 10)]).shares).toEqual([]);
  });
});
