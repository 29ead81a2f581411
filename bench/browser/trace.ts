// What the typist's renderer does outside JavaScript while typing: a
// performance trace (CDP Tracing, the timeline categories DevTools records)
// summed by kind of work on the page's main thread: style recalculation,
// layout, pre-paint, paint, layerize, hit tests, script, garbage collection.
// A CPU profile shows all of this as one "(program)" entry; the trace says
// which part it is, how many elements each style pass touched and how many
// layout objects each layout found dirty, and how many layouts script forced.
import type { CDPSession } from 'playwright-core';

/** One trace event as Chromium writes it (only the fields read here). */
interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; elementCount?: number; beginData?: { dirtyObjects?: number; totalObjects?: number; stackTrace?: unknown[] } };
}

export interface TraceShare {
  /** The trace event's name (UpdateLayoutTree is style recalculation). */
  what: string;
  /** Summed duration of its outermost occurrences (ms). */
  ms: number;
  count: number;
}

export interface TraceSummary {
  /** Traced time (ms). */
  totalMs: number;
  /** Largest first; an event inside another of the same name is not counted again. */
  shares: TraceShare[];
  /** Elements whose style was recalculated, summed over the passes. */
  styledElements: number;
  /** Layout objects a layout found dirty, summed; and the objects those layouts held (their sum). */
  dirtyObjects: number;
  layoutObjects: number;
  /** Layouts run inside a script (a measurement forced them), by stack trace. */
  forcedLayouts: number;
}

/** The kinds of renderer work a summary counts. */
const KINDS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
  'IntersectionObserverController::computeIntersections',
  'ScrollLayer',
  'FunctionCall',
  'EventDispatch',
  'TimerFire',
  'FireAnimationFrame',
  'RunMicrotasks',
  'V8.GC_SCAVENGER',
  'MinorGC',
  'MajorGC',
  'ParseHTML',
  'ProfileCall',
]);

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink'].join(',');

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES.split(','), recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReturnAsStream',
  });
}

/** Ends the trace and reads it back (it is streamed: a 100-page document's minute of typing is tens of MB). */
export async function stopTrace(cdp: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => resolve(e.stream!)));
  await cdp.send('Tracing.end');
  const stream = await complete;
  const chunks: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join('')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}

/** The renderer main thread that did the most work: the typist's page. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } | null {
  const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  let best: { pid: number; tid: number } | null = null;
  let bestUs = -1;
  for (const m of mains) {
    let us = 0;
    for (const e of events) if (e.pid === m.pid && e.tid === m.tid && e.ph === 'X' && e.name === 'RunTask') us += e.dur ?? 0;
    if (us > bestUs) [best, bestUs] = [{ pid: m.pid, tid: m.tid }, us];
  }
  return best;
}

export function summarizeTrace(events: TraceEvent[]): TraceSummary {
  const main = mainThread(events);
  const own = main ? events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined) : [];
  own.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const sums = new Map<string, { us: number; count: number }>();
  /** Where the outermost open event of each name ends (its nested namesakes are inside it). */
  const openUntil = new Map<string, number>();
  /** Ends of the open script events (a layout inside one was forced). */
  let scriptUntil = -1;
  const summary: TraceSummary = { totalMs: 0, shares: [], styledElements: 0, dirtyObjects: 0, layoutObjects: 0, forcedLayouts: 0 };
  for (const e of own) {
    const end = e.ts + e.dur!;
    if (e.name === 'FunctionCall' || e.name === 'EventDispatch' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame' || e.name === 'RunMicrotasks')
      scriptUntil = Math.max(scriptUntil, end);
    if (e.name === 'UpdateLayoutTree') summary.styledElements += e.args?.elementCount ?? 0;
    if (e.name === 'Layout') {
      summary.dirtyObjects += e.args?.beginData?.dirtyObjects ?? 0;
      summary.layoutObjects += e.args?.beginData?.totalObjects ?? 0;
      if (e.ts < scriptUntil) summary.forcedLayouts++;
    }
    if (!KINDS.has(e.name) || (openUntil.get(e.name) ?? -1) > e.ts) continue;
    openUntil.set(e.name, end);
    const sum = sums.get(e.name) ?? { us: 0, count: 0 };
    sum.us += e.dur!;
    sum.count++;
    sums.set(e.name, sum);
  }
  // a loop, not Math.max(...): a minute of typing is more events than a call takes arguments
  let last = own.length > 0 ? own[0].ts : 0;
  for (const e of own) last = Math.max(last, e.ts + e.dur!);
  if (own.length > 0) summary.totalMs = (last - own[0].ts) / 1000;
  summary.shares = [...sums].map(([what, { us, count }]) => ({ what, ms: us / 1000, count })).sort((a, b) => b.ms - a.ms);
  return summary;
}
