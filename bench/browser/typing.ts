// Typing in the browser: Chinese typed at the end of a line near the top of
// a freshly seeded summary, either committed character by character
// (CDP Input.insertText, as after an input method's candidate is chosen) or
// composed (Input.imeSetComposition with the pinyin, two steps, then the
// commit), alone or while ten stock providers type elsewhere in the document.
// Every input event's latency to the next painted frame is measured in the
// page (probes.ts); with an observer, a second browser's page times when each
// character appears there. Long tasks and the JS heap (after a full
// collection) are read from the typist's page at the end.
import type { Browser, CDPSession } from 'playwright-core';
import type { RawSourceMap } from 'source-map-js';
import { summarizeProfile, type CpuProfile, type ProfileSummary } from './cpuProfile.js';
import { Crowd, type CrowdReport } from './crowd.js';
import { newProbedContext, openDocument } from './loads.js';
import type { KeySample, Probe, SeenSample } from './probes.js';
import type { Stack, StackName } from './stacks.js';
import { startTrace, stopTrace, summarizeTrace, type TraceSummary } from './trace.js';
import { TYPING_LINE } from './summaryDoc.js';

export type InputKind = 'insertText' | 'ime';

export interface TypingCase {
  pages: number;
  input: InputKind;
  /** Other people typing meanwhile (stock providers). */
  crowd: number;
  /** Input events measured (an IME character is three: two composition steps and the commit). */
  keystrokes: number;
  /** Time a second browser's page shows each character. */
  remote: boolean;
  /** Take a CPU profile of the typing instead (its latencies then include the profiler's cost and are not reported). */
  profile?: boolean;
  /** Record a performance trace of the typing instead (style, layout, paint by kind; latencies not reported either). */
  trace?: boolean;
}

export interface TypingResult {
  stack: StackName;
  case: TypingCase;
  /** Every input event's latency to paint, in the order typed (ms). */
  latenciesMs: number[];
  /** Input events sent (whole characters: at least the case's keystrokes). */
  sent: number;
  /** Input events sent whose latency was not recorded. */
  unrecorded: number;
  seconds: number;
  longTasks: number;
  longTaskMs: number;
  /** JSHeapUsedSize after a full collection, at the end (bytes). */
  heapBytes: number;
  /** Typist's keystroke to the observer's painted frame, per character (ms). */
  remoteMs: number[] | null;
  /** Characters the observer never showed. */
  remoteMissing: number;
  crowd: CrowdReport | null;
  profile: ProfileSummary | null;
  trace: TraceSummary | null;
}

/** Characters typed, with the pinyin an input method would compose them from. None occurs in TYPING_LINE or a name. */
const PINYIN: Record<string, string> = { 政: 'zheng', 协: 'xie', 委: 'wei', 员: 'yuan', 履: 'lv', 职: 'zhi', 调: 'diao', 研: 'yan', 商: 'shang', 监: 'jian' };
export const ALPHABET = Object.keys(PINYIN).join('');
/** Ten input events a second, a brisk typist's pace. */
const EVENT_INTERVAL_MS = 100;
const WARMUP_EVENTS = 10;
const CROWD_EDITS_PER_SECOND = 2;

/** The input events of one character: its commit alone, or two composition steps and the commit. */
function eventsOf(input: InputKind, char: string): Array<(cdp: CDPSession) => Promise<unknown>> {
  const commit = (cdp: CDPSession) => cdp.send('Input.insertText', { text: char });
  if (input === 'insertText') return [commit];
  const pinyin = PINYIN[char];
  const compose = (text: string) => (cdp: CDPSession) => cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  return [compose(pinyin.slice(0, 1)), compose(pinyin), commit];
}

/**
 * Sends at least `count` input events (whole characters: an IME's last one is committed) on a fixed schedule,
 * each when due or as soon as the browser took the one before; returns the characters and the events sent.
 */
async function type(cdp: CDPSession, input: InputKind, count: number, first: number): Promise<{ chars: number; events: number }> {
  const start = performance.now();
  let sent = 0;
  let chars = 0;
  for (let c = first; sent < count; c++) {
    for (const event of eventsOf(input, ALPHABET[c % ALPHABET.length])) {
      const due = start + sent * EVENT_INTERVAL_MS - performance.now();
      if (due > 0) await new Promise((r) => setTimeout(r, due));
      await event(cdp);
      sent++;
    }
    chars++;
  }
  return { chars, events: sent };
}

export async function measureTyping(stack: Stack, browser: Browser, observerBrowser: Browser | null, c: TypingCase): Promise<TypingResult> {
  const document = await stack.seed(c.pages);
  const contexts = [await newProbedContext(stack, browser, 'typist')];
  let crowd: Crowd | null = null;
  try {
    const { page } = await openDocument(contexts[0], stack.url(document, 'typist'));
    let observer = null;
    if (c.remote) {
      if (!observerBrowser) throw new Error('a remote case needs a second browser');
      contexts.push(await newProbedContext(stack, observerBrowser, 'observer', document));
      observer = (await openDocument(contexts[1], stack.url(document, 'observer'))).page;
      await observer.evaluate(([line, alphabet]) => (window as unknown as { benchProbe: Probe }).benchProbe.watch(line, alphabet), [TYPING_LINE, ALPHABET]);
    }
    if (c.crowd > 0) crowd = await Crowd.start(stack, document, c.crowd, CROWD_EDITS_PER_SECOND);
    await page.locator('.ProseMirror p', { hasText: TYPING_LINE }).first().click();
    await page.keyboard.press('End');
    const cdp = await contexts[0].newCDPSession(page);
    // Unmeasured: the first keystrokes compile the editor's input paths.
    const warm = (await type(cdp, c.input, WARMUP_EVENTS, 0)).chars;
    await page.waitForTimeout(500);
    const startedAt = await page.evaluate(() => {
      const probe = (window as unknown as { benchProbe: Probe }).benchProbe;
      probe.recording = true;
      return performance.now();
    });
    if (c.profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    if (c.trace) await startTrace(cdp);
    const started = performance.now();
    const { chars, events: sent } = await type(cdp, c.input, c.keystrokes, warm);
    const seconds = (performance.now() - started) / 1000;
    const profile = c.profile ? await summarizeProfile(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile, sourceMapOf) : null;
    const trace = c.trace ? summarizeTrace(await stopTrace(cdp)) : null;
    // Long enough for the last frames; an observer that fell behind gets until it shows every character (or 60 s).
    await page.waitForTimeout(500);
    if (observer)
      await observer
        .waitForFunction((total) => (window as unknown as { benchProbe: Probe }).benchProbe.seen.some((s) => s.count >= total), warm + chars, {
          timeout: 60_000,
        })
        .catch(() => undefined);
    const probe = await page.evaluate((from) => {
      const p = (window as unknown as { benchProbe: Probe }).benchProbe;
      p.recording = false;
      const during = p.longTasks.filter(([start]) => start >= from);
      return { keys: p.keys, longTasks: during.length, longTaskMs: during.reduce((n, [, d]) => n + d, 0) };
    }, startedAt);
    const crowdReport = crowd ? await crowd.stop() : null;
    crowd = null;
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
    let remote: { ms: number[]; missing: number } | null = null;
    if (observer) remote = remoteLatencies(probe.keys, await observer.evaluate(() => (window as unknown as { benchProbe: Probe }).benchProbe.seen), warm);
    return {
      stack: stack.name,
      case: c,
      latenciesMs: probe.keys.map((k) => k.painted - k.sent),
      sent,
      unrecorded: sent - probe.keys.length,
      seconds,
      longTasks: probe.longTasks,
      longTaskMs: probe.longTaskMs,
      heapBytes,
      remoteMs: remote?.ms ?? null,
      remoteMissing: remote?.missing ?? 0,
      crowd: crowdReport,
      profile,
      trace,
    };
  } finally {
    await crowd?.stop();
    for (const context of contexts) await context.close();
  }
}

/** A script's source map, where its build has one beside it (`<url>.map`). */
async function sourceMapOf(url: string): Promise<RawSourceMap | null> {
  const res = await fetch(`${url.split('?')[0]}.map`);
  return res.ok ? ((await res.json()) as RawSourceMap) : null;
}

/**
 * The n-th character committed (insertText events, in order) after the `before` typed unmeasured is shown by the
 * observer once its count reaches before + n: its latency is that moment minus when the typist's browser made it.
 */
function remoteLatencies(keys: KeySample[], seen: SeenSample[], before: number): { ms: number[]; missing: number } {
  const commits = keys.filter((k) => k.inputType === 'insertText');
  const ms: number[] = [];
  let missing = 0;
  commits.forEach((key, i) => {
    const shown = seen.find((s) => s.count >= before + i + 1);
    if (shown) ms.push(shown.at - key.sent);
    else missing++;
  });
  return { ms, missing };
}
