// Renders a browser run as the "Browser" section of bench/RESULTS.md: every
// figure of Yigao with the bare stack's beside it and their ratio, an
// interval for the ratio where there are samples to resample, and the
// issue's targets, met or not, first.
import { percentileRatioInterval, type RoundSamples } from '../interval.js';
import { median, summarize } from '../stats.js';
import type { LoadResult } from './loads.js';
import type { BrowserRun } from './run.js';
import { REACT_ROUTE } from './plan.js';
import type { StackName } from './stacks.js';
import type { TypingCase, TypingResult } from './typing.js';

type Pair = Partial<Record<StackName, number>>;

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
const kb = (v: number) => (Number.isFinite(v) ? (v / 1024).toFixed(1) : '–');
const mb = (v: number) => (Number.isFinite(v) ? (v / 1024 / 1024).toFixed(1) : '–');
const perMinute = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : '–');

function ratio(pair: Pair): number {
  const { yigao, bare } = pair;
  return yigao !== undefined && bare !== undefined && bare > 0 ? yigao / bare : Number.NaN;
}
const ratioText = (r: number) => (Number.isFinite(r) ? `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×` : '–');

interface Line {
  label: string;
  pair: Pair;
  format: (v: number) => string;
  /** Text after the ratio: its interval. */
  note?: string;
  /** Text shown instead of the numbers, and no ratio (lists of samples). */
  display?: Partial<Record<StackName, string>>;
  /** Counts: no ratio. */
  noRatio?: boolean;
}

function table(lines: Line[]): string {
  const out = ['|  | Yigao | bare stack | Yigao / bare |', '| --- | ---: | ---: | ---: |'];
  for (const l of lines) {
    if (l.display) {
      out.push(`| ${l.label} | ${l.display.yigao ?? '–'} | ${l.display.bare ?? '–'} |  |`);
      continue;
    }
    const cell = (v: number | undefined) => (v === undefined ? '–' : l.format(v));
    out.push(`| ${l.label} | ${cell(l.pair.yigao)} | ${cell(l.pair.bare)} | ${l.noRatio ? '' : ratioText(ratio(l.pair))}${l.note ? ` ${l.note}` : ''} |`);
  }
  return out.join('\n');
}

/** A 90 % interval of the ratio of Yigao's to the bare stack's percentile, by block bootstrap (bench/interval.ts). */
function interval(samples: Partial<Record<StackName, RoundSamples[]>>, percentile: number, blockSeconds: number): string {
  if (!samples.yigao?.length || !samples.bare?.length) return '';
  const found = percentileRatioInterval(samples.yigao, samples.bare, { percentile, blockSeconds });
  return found ? `(${found.low.toFixed(2)}–${found.high.toFixed(2)})` : '';
}

const pairOf = <T extends { stack: StackName }>(items: T[], pick: (item: T) => number): Pair =>
  Object.fromEntries(items.map((item) => [item.stack, pick(item)])) as Pair;

const sameCase = (a: TypingCase, b: TypingCase) =>
  a.pages === b.pages &&
  a.input === b.input &&
  a.crowd === b.crowd &&
  a.remote === b.remote &&
  Boolean(a.profile) === Boolean(b.profile) &&
  Boolean(a.trace) === Boolean(b.trace);

/** A case run under the profiler or the tracer, whose latencies are not reported. */
const instrumented = (c: TypingCase) => Boolean(c.profile || c.trace);

export function caseLabel(c: TypingCase): string {
  const how = c.input === 'ime' ? 'IME composition' : 'Input.insertText';
  return `${c.pages} pages, ${how}, ${c.crowd === 0 ? 'alone' : `${c.crowd} others typing`}`;
}

function loadsTable(loads: LoadResult[]): string {
  const lines: Line[] = [];
  for (const pages of [...new Set(loads.map((l) => l.pages))]) {
    const at = loads.filter((l) => l.pages === pages);
    for (const kind of ['cold', 'warm'] as const) {
      const pick = (l: LoadResult) => (kind === 'cold' ? l.coldMs : l.warmMs);
      const samples = Object.fromEntries(at.map((l) => [l.stack, [{ samplesUs: pick(l).map((v) => v * 1000), seconds: pick(l).length }]]));
      lines.push({
        label: `${pages} pages (${at[0].chars} characters), ${kind}: median (ms)`,
        pair: pairOf(at, (l) => median(pick(l))),
        format: ms,
        note: at[0].coldMs.length > 1 ? interval(samples, 50, 1) : '',
      });
      if (at[0].coldMs.length > 1)
        lines.push({
          label: `${pages} pages, ${kind}: each fresh context (ms)`,
          pair: {},
          format: ms,
          display: Object.fromEntries(at.map((l) => [l.stack, pick(l).map(ms).join(' · ')])),
        });
    }
  }
  return table(lines);
}

function typingTable(results: TypingResult[], c: TypingCase): string {
  const at = results.filter((r) => sameCase(r.case, c));
  const rounds = (values: (r: TypingResult) => number[] | null) =>
    Object.fromEntries(at.map((r) => [r.stack, [{ samplesUs: (values(r) ?? []).map((v) => v * 1000), seconds: r.seconds }]]));
  const lines: Line[] = [];
  const latency = (prefix: string, values: (r: TypingResult) => number[] | null) => {
    const summaries = at.map((r) => ({ stack: r.stack, s: summarize(values(r) ?? []) }));
    for (const p of ['p50', 'p95', 'p99', 'max'] as const) {
      lines.push({
        label: `${prefix} ${p} (ms)`,
        pair: pairOf(summaries, (x) => x.s[p]),
        format: ms,
        note: p === 'p95' || p === 'p99' ? interval(rounds(values), p === 'p95' ? 95 : 99, 1) : '',
      });
    }
    lines.push({ label: `${prefix}: samples`, pair: pairOf(summaries, (x) => x.s.count), format: String, noRatio: true });
  };
  if (c.remote) latency("keystroke to the observer's screen", (r) => r.remoteMs);
  latency(c.remote ? "keystroke to one's own screen" : 'keystroke to paint', (r) => r.latenciesMs);
  lines.push({ label: 'input events not measured', pair: pairOf(at, (r) => r.unrecorded + (c.remote ? r.remoteMissing : 0)), format: String, noRatio: true });
  lines.push({ label: 'long tasks per minute of typing', pair: pairOf(at, (r) => (r.longTasks / r.seconds) * 60), format: perMinute });
  lines.push({ label: 'time in long tasks (% of the typing)', pair: pairOf(at, (r) => r.longTaskMs / 10 / r.seconds), format: (v) => `${v.toFixed(1)}%` });
  lines.push({ label: "tab's JS heap after typing, after a full collection (MB)", pair: pairOf(at, (r) => r.heapBytes), format: mb });
  if (c.crowd > 0) {
    lines.push({ label: 'edits the others made meanwhile', pair: pairOf(at, (r) => r.crowd?.edits ?? Number.NaN), format: String, noRatio: true });
    lines.push({ label: "socket closes the others' providers saw", pair: pairOf(at, (r) => r.crowd?.closes ?? Number.NaN), format: String, noRatio: true });
  }
  return table(lines);
}

interface Target {
  what: string;
  pair: Pair;
  format: (v: number) => string;
  met: boolean | null;
}

function targets(run: BrowserRun): Target[] {
  const out: Target[] = [];
  const biggest = Math.max(...run.plan.typing.map((c) => c.pages));
  for (const input of ['insertText', 'ime'] as const) {
    // Not the profiled case: the profiler slows the page.
    const at = run.typing.filter((r) => r.case.pages === biggest && r.case.input === input && r.case.crowd > 0 && !r.case.remote && !instrumented(r.case));
    if (at.length === 0) continue;
    const pair = pairOf(at, (r) => summarize(r.latenciesMs).p95);
    out.push({
      what: `${biggest} pages, ${at[0].case.crowd} others typing, ${input === 'ime' ? 'IME' : 'Input.insertText'}: keystroke to own screen p95 ≤ 1.2× the bare stack's and < 50 ms`,
      pair,
      format: ms,
      met: Number.isFinite(ratio(pair)) ? ratio(pair) <= 1.2 && pair.yigao! < 50 : null,
    });
  }
  const largest = Math.max(...run.loads.map((l) => l.pages));
  const warm = run.loads.filter((l) => l.pages === largest);
  if (warm.length) {
    const pair = pairOf(warm, (l) => median(l.warmMs));
    out.push({ what: `${largest} pages: time to editable, warm (median) < 1 s`, pair, format: ms, met: pair.yigao === undefined ? null : pair.yigao < 1000 });
  }
  const editor = run.routes.filter((r) => r.route.startsWith('editor'));
  if (editor.length) {
    const pair = pairOf(editor, (r) => r.gzipBytes);
    out.push({
      what: "first-load JavaScript of the editor, gzipped (KB) ≤ 1.5× the bare stack's",
      pair,
      format: kb,
      met: Number.isFinite(ratio(pair)) ? ratio(pair) <= 1.5 : null,
    });
  }
  // Yigao is held to React and @tiptap/react: the same bound against the bare editor on them
  const onReact = run.routes.find((r) => r.route === REACT_ROUTE);
  const ours = editor.find((r) => r.stack === 'yigao');
  if (onReact && ours) {
    const pair = { yigao: ours.gzipBytes, bare: onReact.gzipBytes };
    out.push({
      what: 'first-load JavaScript of the editor, gzipped (KB) ≤ 1.5× the same bare editor on React (@tiptap/react)',
      pair,
      format: kb,
      met: ratio(pair) <= 1.5,
    });
  }
  return out;
}

/** Where the typist's main thread went while typing: the largest owners of either stack, ms per keystroke. */
function profileSection(results: TypingResult[]): string[] {
  const withProfile = results.filter((r) => r.profile);
  if (withProfile.length === 0) return [];
  const c = withProfile[0].case;
  const perKey = (r: TypingResult, ms: number) => ms / r.case.keystrokes;
  const owners = new Set<string>();
  for (const r of withProfile) for (const share of r.profile!.shares.slice(0, 10)) owners.add(share.what);
  const lines: Line[] = [
    { label: 'main thread busy, all of it (ms per keystroke)', pair: pairOf(withProfile, (r) => perKey(r, r.profile!.busyMs)), format: ms },
    ...[...owners].map((what) => ({
      label: `\`${what}\``,
      pair: pairOf(withProfile, (r) => perKey(r, r.profile!.shares.find((s) => s.what === what)?.ms ?? 0)),
      format: (v: number) => v.toFixed(2),
    })),
  ];
  return [
    `### Where the typist's main thread goes: ${caseLabel(c)}, CPU profile`,
    '',
    'A separate run of the same case under the CDP profiler (samples every 0.2 ms; its latencies are not reported, as the profiler slows the page). ' +
      "Each sample's self time is attributed through the build's source maps to the package or app file whose code ran (bench/browser/cpuProfile.ts): the largest ten of each stack, in ms per keystroke typed.",
    '',
    table(lines),
    '',
  ];
}

/** What the typist's renderer did by kind of work (a performance trace), ms per keystroke. */
function traceSection(results: TypingResult[]): string[] {
  const traced = results.filter((r) => r.trace);
  if (traced.length === 0) return [];
  const c = traced[0].case;
  const perKey = (r: TypingResult, v: number) => v / r.case.keystrokes;
  const kinds = new Set<string>();
  for (const r of traced) for (const share of r.trace!.shares.slice(0, 10)) kinds.add(share.what);
  const lines: Line[] = [
    ...[...kinds].map((what) => ({
      label: `${TRACE_KINDS[what] ?? what} (\`${what}\`, ms)`,
      pair: pairOf(traced, (r) => perKey(r, r.trace!.shares.find((s) => s.what === what)?.ms ?? 0)),
      format: (v: number) => v.toFixed(2),
    })),
    { label: 'elements whose style was recalculated', pair: pairOf(traced, (r) => perKey(r, r.trace!.styledElements)), format: (v: number) => v.toFixed(0) },
    { label: 'layout objects a layout found dirty', pair: pairOf(traced, (r) => perKey(r, r.trace!.dirtyObjects)), format: (v: number) => v.toFixed(0) },
    { label: 'layouts forced by script (a measurement)', pair: pairOf(traced, (r) => perKey(r, r.trace!.forcedLayouts)), format: (v: number) => v.toFixed(1) },
  ];
  return [
    `### What the typist's renderer does: ${caseLabel(c)}, performance trace`,
    '',
    "A separate run of the same case under CDP Tracing (bench/browser/trace.ts): the page's main thread, per keystroke typed, by kind of work. " +
      'Script kinds overlap (a function call inside an event dispatch counts in both); the rest are the renderer\'s own work that a CPU profile shows as one "(program)".',
    '',
    table(lines),
    '',
  ];
}

const TRACE_KINDS: Record<string, string> = {
  FunctionCall: 'script: function calls',
  EventDispatch: 'script: DOM event handlers',
  TimerFire: 'script: timers',
  FireAnimationFrame: 'script: animation frames',
  RunMicrotasks: 'script: microtasks',
  UpdateLayoutTree: 'style recalculation',
  Layout: 'layout',
  PrePaint: 'pre-paint',
  Paint: 'paint',
  Layerize: 'layerize',
  Commit: 'commit to the compositor',
  HitTest: 'hit tests',
  MinorGC: 'garbage collection, minor',
  MajorGC: 'garbage collection, major',
  'V8.GC_SCAVENGER': 'garbage collection, scavenger',
  'IntersectionObserverController::computeIntersections': 'intersection observers',
};

export function renderBrowserReport(run: BrowserRun): string {
  const { meta, plan } = run;
  const push = (...lines: string[]) => out.push(...lines);
  const out: string[] = [];
  push(
    '## Browser: Yigao against the bare stack',
    '',
    `Written by \`${meta.command}\` on ${meta.date.slice(0, 10)} (${meta.date.slice(11, 16)} UTC), in ${Math.floor(meta.durationSeconds / 60)} min ${Math.round(meta.durationSeconds % 60)} s, ` +
      `repository at \`${meta.commit}\`. Chromium ${meta.chromium} (Debian's, headless, driven by playwright-core); ${meta.machine}. ` +
      `Load average at the start ${meta.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')}, at the end ${meta.loadAverageAtEnd.map((l) => l.toFixed(2)).join(' / ')} ` +
      '(the machine is shared: other work ran meanwhile). A ratio is Yigao / bare stack: below 1 means Yigao took less. ' +
      'In brackets, a 90 % interval of the ratio from a block bootstrap (bench/interval.ts); where it holds 1 the run cannot tell the stacks apart.',
    '',
    `- **Yigao**: ${run.stacks.yigao}.`,
    `- **bare stack**: ${run.stacks.bare}. It shows no comments, sections or guidance: that is what Yigao adds.`,
    '- The document: a year-end summary generated from a seed (bench/browser/summaryDoc.ts): headings 一、 and （一）, paragraphs opening with bold leads (一是、二是…), a table of figures per ~10 pages, some 〔…〕 guidance left; in Yigao 20 comment threads on it. The bare stack gets the same text (numbers written into its headings, guidance as plain text; bench/browser/bareContent.ts).',
    "- **Time to editable**: from navigation start until the editor is contenteditable and the document's last line is in its DOM (checked every animation frame). Cold: a fresh browser context (no cache, no service worker, no IndexedDB). " +
      `Warm: a new tab in the same context a second after (Yigao's service worker and its local copy, the bare page's HTTP cache). ${plan.loadRepeats} fresh context(s) per size and stack.`,
    "- **Keystroke to paint**: from the `beforeinput` event's timestamp to the first task after the next animation frame (requestAnimationFrame, then setTimeout 0), measured in the page (bench/browser/probes.ts). " +
      'Chinese typed at the end of a line near the top: committed characters (CDP `Input.insertText`) or composed (`Input.imeSetComposition` with the pinyin in two steps, then the commit: three events a character, each measured), an event every 100 ms after 10 unmeasured. ' +
      "The others: stock y-websocket providers in the benchmark's Node process, each typing 2 edits a second into a paragraph of its own with its caret as presence (bench/browser/crowd.ts).",
    "- **Keystroke to the observer's screen**: a second Chromium process with the document open as another person; from the typist's `beforeinput` to the first task after the frame in which the observer's line holds the character (both clocks are the machine's, performance.timeOrigin + now).",
    "- **Heap**: the tab's `JSHeapUsedSize` (CDP Performance.getMetrics) after a full collection at the end of the typing. **Long tasks**: the page's PerformanceObserver('longtask') entries during the typing.",
    '- **JavaScript per route**: every script a route loads on a first visit (fresh context) until the network has been idle after a second, gzipped at level 9.',
    '',
    '### Targets',
    '',
    '| target | Yigao | bare stack | Yigao / bare | met |',
    '| --- | ---: | ---: | ---: | --- |',
    ...targets(run).map((t) => {
      const cell = (v: number | undefined) => (v === undefined ? '–' : t.format(v));
      return `| ${t.what} | ${cell(t.pair.yigao)} | ${cell(t.pair.bare)} | ${ratioText(ratio(t.pair))} | ${t.met === null ? '–' : t.met ? 'yes' : '**no**'} |`;
    }),
    '',
    '### Time to editable with all content shown',
    '',
    loadsTable(run.loads),
    '',
    '### JavaScript on a first visit, per route',
    '',
    '| route | scripts | raw (KB) | gzipped (KB) |',
    '| --- | ---: | ---: | ---: |',
    ...run.routes.map((r) => `| ${r.stack === 'yigao' ? 'Yigao' : 'bare stack'}: ${r.route} | ${r.files} | ${kb(r.rawBytes)} | ${kb(r.gzipBytes)} |`),
    '',
  );
  const cases = plan.typing.filter((c, i) => plan.typing.findIndex((d) => sameCase(c, d)) === i);
  for (const c of cases.filter((k) => !k.remote && !instrumented(k))) push(`### Typing: ${caseLabel(c)}`, '', typingTable(run.typing, c), '');
  for (const c of cases.filter((k) => k.remote)) push(`### Remote keystroke: ${caseLabel(c)}, seen on a second browser`, '', typingTable(run.typing, c), '');
  for (const c of cases.filter((k) => k.profile)) push(...profileSection(run.typing.filter((r) => sameCase(r.case, c))));
  for (const c of cases.filter((k) => k.trace)) push(...traceSection(run.typing.filter((r) => sameCase(r.case, c))));
  return out.join('\n');
}
