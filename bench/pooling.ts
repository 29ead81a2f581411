// A typing case's rounds taken together, server by server: every round's
// samples in one distribution, counts summed, costs over all the rounds.
import type { MeterReading } from './scenarios/common.js';
import type { TypingResult } from './scenarios/typing.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import { median, summarize, type LatencySummary } from './stats.js';

export interface PooledTyping {
  server: ServerName;
  rounds: number;
  /** Each round's propagation p99 (ms), in the order they ran. */
  roundP99Ms: number[];
  /** Every round's samples together (a run without samples on file: its own summary). */
  latencyMs: LatencySummary;
  ackLatencyMs: LatencySummary | null;
  editsSent: number;
  lostEdits: number;
  converged: boolean;
  serverHasAll: boolean;
  /** Server CPU seconds of one round, on average. */
  serverCpuSecondsPerRound: number;
  /**
   * CPU shares over all the rounds' measured stretches together; peak RSS the highest of the rounds;
   * the generator's event-loop delay the mean of the rounds' p99s.
   */
  meter: MeterReading;
}

/** One entry per server that has results for the case, in the order of `servers`. */
export function poolTyping(items: readonly TypingResult[], servers: readonly ServerName[]): PooledTyping[] {
  return servers.flatMap((server) => {
    const rounds = items.filter((i) => i.server === server);
    return rounds.length ? [pool(server, rounds)] : [];
  });
}

function pool(server: ServerName, rounds: readonly TypingResult[]): PooledTyping {
  const wall = sum(rounds, (r) => r.meter.wallSeconds);
  const serverCpu = sum(rounds, (r) => r.meter.serverCpuSeconds);
  const generatorCpu = sum(rounds, (r) => r.meter.generatorCpuSeconds);
  const othersCpu = sum(rounds, (r) => (r.meter.othersCpuPercent / 100) * r.meter.wallSeconds);
  const acks = rounds.every((r) => r.ackLatencyMs !== null);
  return {
    server,
    rounds: rounds.length,
    roundP99Ms: rounds.map((r) => r.latencyMs.p99),
    latencyMs: pooledSummary(rounds.map((r) => ({ samplesUs: r.samplesUs, summary: r.latencyMs }))),
    ackLatencyMs: acks ? pooledSummary(rounds.map((r) => ({ samplesUs: r.ackSamplesUs ?? undefined, summary: r.ackLatencyMs! }))) : null,
    editsSent: sum(rounds, (r) => r.editsSent),
    lostEdits: sum(rounds, (r) => r.lostEdits),
    converged: rounds.every((r) => r.converged),
    serverHasAll: rounds.every((r) => r.serverHasAll),
    serverCpuSecondsPerRound: serverCpu / rounds.length,
    meter: {
      wallSeconds: wall,
      serverCpuSeconds: serverCpu,
      serverCpuPercent: (100 * serverCpu) / wall,
      generatorCpuSeconds: generatorCpu,
      generatorCpuPercent: (100 * generatorCpu) / wall,
      generatorLoopDelayP99Ms: sum(rounds, (r) => r.meter.generatorLoopDelayP99Ms) / rounds.length,
      othersCpuPercent: (100 * othersCpu) / wall,
      serverRssBytes: rounds[rounds.length - 1].meter.serverRssBytes,
      serverPeakRssBytes: Math.max(...rounds.map((r) => r.meter.serverPeakRssBytes)),
      peakRssSinceStart: rounds.some((r) => r.meter.peakRssSinceStart !== false),
    },
  };
}

/** The rounds' samples as one distribution; for runs on file without samples, the median of their figures. */
function pooledSummary(rounds: ReadonlyArray<{ samplesUs: readonly number[] | undefined; summary: LatencySummary }>): LatencySummary {
  if (rounds.every((r) => r.samplesUs)) {
    const all = new Float64Array(rounds.reduce((n, r) => n + r.samplesUs!.length, 0));
    let at = 0;
    for (const r of rounds) for (const us of r.samplesUs!) all[at++] = us / 1000;
    return summarize(all);
  }
  if (rounds.length === 1) return rounds[0].summary;
  const of = (key: keyof LatencySummary) => median(rounds.map((r) => r.summary[key]));
  return {
    count: rounds.reduce((n, r) => n + r.summary.count, 0),
    p50: of('p50'),
    p95: of('p95'),
    p99: of('p99'),
    max: Math.max(...rounds.map((r) => r.summary.max)),
    mean: of('mean'),
  };
}

const sum = <T>(items: readonly T[], pick: (item: T) => number) => items.reduce((n, item) => n + pick(item), 0);
