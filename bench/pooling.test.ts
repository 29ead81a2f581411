import { describe, expect, it } from 'vitest';
import { poolTyping } from './pooling.js';
import type { TypingResult } from './scenarios/typing.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import { summarize } from './stats.js';

const spec = { documents: 1, clientsPerDocument: 3, editsPerSecond: 2, seconds: 8, warmupSeconds: 2, presence: true };

function round(server: ServerName, n: number, samplesMs: number[], overrides: Partial<TypingResult> = {}): TypingResult {
  const samplesUs = samplesMs.map((v) => Math.round(v * 1000));
  return {
    server,
    case: spec,
    round: n,
    clients: 3,
    editsSent: samplesMs.length / 2,
    editsMeasured: samplesMs.length / 2,
    deliveries: samplesMs.length,
    latencyMs: summarize(samplesMs),
    ackLatencyMs: server === 'yigao' ? summarize(samplesMs.map((v) => v + 1)) : null,
    samplesUs,
    ackSamplesUs: server === 'yigao' ? samplesUs.map((v) => v + 1000) : null,
    lostEdits: 0,
    converged: true,
    serverHasAll: true,
    meter: {
      wallSeconds: 10,
      serverCpuSeconds: n,
      serverCpuPercent: 10 * n,
      generatorCpuSeconds: 0.5,
      generatorCpuPercent: 5,
      generatorLoopDelayP99Ms: n,
      othersCpuPercent: 10,
      serverRssBytes: 100 * n,
      serverPeakRssBytes: 1000 * n,
      peakRssSinceStart: false,
    },
    windowUs: [0, 10_000_000],
    ...overrides,
  };
}

describe('poolTyping', () => {
  it("takes every round's samples as one distribution and sums the counts", () => {
    const a = Array.from({ length: 100 }, (_, i) => 1 + i / 100);
    const b = Array.from({ length: 300 }, (_, i) => 2 + i / 10);
    const [yigao, reference] = poolTyping(
      [round('yigao', 1, a), round('reference', 1, a), round('yigao', 2, b, { lostEdits: 1 }), round('reference', 2, b, { converged: false })],
      ['yigao', 'reference'],
    );
    const both = summarize([...a, ...b]);
    expect(yigao.server).toBe('yigao');
    expect(yigao.rounds).toBe(2);
    expect(yigao.latencyMs.count).toBe(400);
    expect(yigao.latencyMs.p50).toBeCloseTo(both.p50, 6);
    expect(yigao.latencyMs.p99).toBeCloseTo(both.p99, 6);
    expect(yigao.latencyMs.max).toBeCloseTo(both.max, 6);
    expect(yigao.roundP99Ms).toEqual([summarize(a).p99, summarize(b).p99]);
    expect(yigao.ackLatencyMs!.p99).toBeCloseTo(both.p99 + 1, 6);
    expect(yigao.editsSent).toBe(200);
    expect(yigao.lostEdits).toBe(1);
    expect(yigao.converged).toBe(true);
    expect(reference.converged).toBe(false);
    expect(reference.ackLatencyMs).toBeNull();
  });

  it('gives CPU over all the rounds, the highest peak RSS, and no entry for a server without results', () => {
    const pooled = poolTyping([round('reference', 1, [1, 2]), round('reference', 2, [1, 2]), round('reference', 3, [1, 2])], ['yigao', 'reference']);
    expect(pooled.map((p) => p.server)).toEqual(['reference']);
    const [reference] = pooled;
    expect(reference.serverCpuSecondsPerRound).toBeCloseTo(2, 6);
    expect(reference.meter.serverCpuPercent).toBeCloseTo(20, 6);
    expect(reference.meter.serverPeakRssBytes).toBe(3000);
    expect(reference.meter.generatorLoopDelayP99Ms).toBeCloseTo(2, 6);
    expect(reference.meter.peakRssSinceStart).toBe(false);
  });

  it('reads a run on file from before samples were kept: one round as it was, several by the median of their figures', () => {
    const old = (n: number, samples: number[]) => round('yigao', n, samples, { samplesUs: undefined, ackSamplesUs: undefined, round: undefined });
    const [single] = poolTyping([old(1, [1, 2, 3, 4])], ['yigao']);
    expect(single.latencyMs).toEqual(summarize([1, 2, 3, 4]));
    const [several] = poolTyping([old(1, [1, 1]), old(2, [5, 5]), old(3, [3, 3])], ['yigao']);
    expect(several.latencyMs.p99).toBe(3);
    expect(several.latencyMs.max).toBe(5);
    expect(several.latencyMs.count).toBe(6);
  });
});
