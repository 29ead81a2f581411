// The parts the report's tables are made of: server titles, number formats,
// a table of servers with Yigao / peer ratios, and the typing cases' labels
// and p99 intervals.
import { percentileRatioInterval } from './interval.js';
import type { MeterReading } from './scenarios/common.js';
import type { TypingResult } from './scenarios/typing.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import type { LatencySummary } from './stats.js';

export const TITLES: Record<ServerName, string> = {
  yigao: 'Yigao',
  reference: 'reference (y-websocket-server)',
};

export type Value = number | boolean | string | null | undefined;
export interface Row {
  label: string;
  values: Partial<Record<ServerName, Value>>;
  format: (v: number) => string;
  /** No ratio for this row (counts, yes/no). */
  noRatio?: boolean;
  /** Text shown instead of the formatted value (the ratio still uses the value). */
  display?: Partial<Record<ServerName, string>>;
  /** Text shown after the ratio to a peer (its interval). */
  ratioNote?: Partial<Record<ServerName, string>>;
}

export const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '–');
export const mb = (v: number) => (v / 1024 / 1024).toFixed(1);
export const kb = (v: number) => (v / 1024).toFixed(v >= 10 * 1024 ? 0 : 1);
export const int = (v: number) => String(Math.round(v));
export const pct = (v: number) => `${v.toFixed(0)}%`;
export const sec = (v: number) => v.toFixed(2);

function cell(v: Value, format: (v: number) => string): string {
  if (v === null || v === undefined) return '–';
  if (typeof v === 'boolean') return v ? 'yes' : '**NO**';
  if (typeof v === 'string') return v;
  return format(v);
}

export function ratio(a: Value, b: Value): string {
  if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '–';
  const r = a / b;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(2)}×`;
}

export function table(servers: ServerName[], rows: Row[]): string {
  const peers = servers.filter((s) => s !== 'yigao');
  const withYigao = servers.includes('yigao');
  const head = ['', ...servers.map((s) => TITLES[s]), ...(withYigao ? peers.map((p) => `Yigao / ${p}`) : [])];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const row of rows) {
    const cells = [row.label, ...servers.map((s) => row.display?.[s] ?? cell(row.values[s], row.format))];
    if (withYigao)
      for (const p of peers) cells.push(row.noRatio ? '' : `${ratio(row.values.yigao, row.values[p])}${row.ratioNote?.[p] ? ` ${row.ratioNote[p]}` : ''}`);
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function by<T extends { server: ServerName }>(items: T[], pick: (item: T) => Value): Partial<Record<ServerName, Value>> {
  const out: Partial<Record<ServerName, Value>> = {};
  for (const item of items) out[item.server] = pick(item);
  return out;
}

export const latencyRows = (items: Array<{ server: ServerName; latencyMs: LatencySummary }>, prefix: string): Row[] =>
  (['p50', 'p95', 'p99', 'max'] as const).map((p) => ({ label: `${prefix} ${p} (ms)`, values: by(items, (i) => i.latencyMs[p]), format: ms }));

/** The rows every typing table ends with: the servers' CPU and memory, the generator's, the others' on the machine. */
export function meterRows(items: Array<{ server: ServerName; serverCpuSecondsPerRound: number; meter: MeterReading }>): Row[] {
  const sinceStart = items.some((i) => i.meter.peakRssSinceStart);
  return [
    { label: 'server CPU (s)', values: by(items, (i) => i.serverCpuSecondsPerRound), format: sec },
    { label: 'server CPU (% of a core)', values: by(items, (i) => i.meter.serverCpuPercent), format: pct },
    {
      label: sinceStart ? 'server peak RSS since start (MB)' : 'server peak RSS while typing (MB)',
      values: by(items, (i) => i.meter.serverPeakRssBytes),
      format: mb,
    },
    { label: 'generator CPU (% of a core)', values: by(items, (i) => i.meter.generatorCpuPercent), format: pct, noRatio: true },
    { label: 'generator event-loop delay p99 (ms)', values: by(items, (i) => i.meter.generatorLoopDelayP99Ms), format: ms, noRatio: true },
    { label: 'others on the machine (% of a core)', values: by(items, (i) => i.meter.othersCpuPercent), format: pct, noRatio: true },
  ];
}

/**
 * Per peer, the 90 % interval of Yigao's p99 over the peer's, from a block bootstrap of the rounds' samples
 * (bench/interval.ts); nothing for runs on file without samples.
 */
export function p99Intervals(results: readonly TypingResult[], servers: readonly ServerName[]): Partial<Record<ServerName, string>> {
  const rounds = (server: ServerName) =>
    results.filter((r) => r.server === server && r.samplesUs).map((r) => ({ samplesUs: r.samplesUs!, seconds: r.case.seconds }));
  const yigao = rounds('yigao');
  const notes: Partial<Record<ServerName, string>> = {};
  for (const peer of servers.filter((s) => s !== 'yigao')) {
    const interval = percentileRatioInterval(yigao, rounds(peer));
    if (interval) notes[peer] = `(${interval.low.toFixed(2)}–${interval.high.toFixed(2)})`;
  }
  return notes;
}

/** ", N rounds pooled" when a case ran more than once on some server. */
export function roundsNote(pooled: ReadonlyArray<{ rounds: number }>): string {
  const most = Math.max(0, ...pooled.map((p) => p.rounds));
  return most > 1 ? `, ${most} rounds pooled` : '';
}

export function sameCase(a: { documents: number; clientsPerDocument: number; editsPerSecond: number }, b: typeof a): boolean {
  return a.documents === b.documents && a.clientsPerDocument === b.clientsPerDocument && a.editsPerSecond === b.editsPerSecond;
}

export function caseLabel(c: { documents: number; clientsPerDocument: number; editsPerSecond: number }): string {
  return `${c.documents} document${c.documents > 1 ? 's' : ''} × ${c.clientsPerDocument} clients × ${c.editsPerSecond} edit${c.editsPerSecond === 1 ? '' : 's'}/s`;
}
