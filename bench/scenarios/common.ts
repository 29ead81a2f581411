// Helpers the scenarios share: connecting many clients, waiting, sampling.
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type * as Y from 'yjs';
import { BenchClient, type AckLatencySink } from '../client/BenchClient.js';
import type { Wire } from '../client/wire.js';
import { machineBusySeconds, ownCpuSeconds } from '../procStats.js';
import type { ServerUnderTest } from '../servers/ServerUnderTest.js';

/** CLOCK_MONOTONIC in microseconds: the clock of V8's CPU profile timestamps, shared by every process here. */
export const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);

let fullCollection: (() => void) | null = null;
/**
 * A full garbage collection in the load generator itself. Before a measured stretch, so that the garbage of
 * the runs before it (thousands of clients, replicas and frames) is not collected in the middle of it, in a
 * pause every receiver then waits for, for whichever server happens to run next.
 */
export function collectOwnGarbage(): void {
  if (!fullCollection) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) fullCollection = exposed;
    else {
      v8.setFlagsFromString('--expose-gc');
      fullCollection = vm.runInNewContext('gc') as () => void;
    }
  }
  fullCollection();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` over `items` with at most `limit` in flight. */
export async function inBatches<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export async function connectClient(wire: Wire, ackSink: AckLatencySink | null = null): Promise<BenchClient> {
  const client = new BenchClient(wire, ackSink);
  await client.connect();
  return client;
}

/** Polls until `done` holds or the time is up; returns whether it held. */
export async function waitFor(done: () => boolean, timeoutMs: number, stepMs = 20): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) return false;
    await sleep(stepMs);
  }
  return true;
}

/**
 * CPU and memory of the server, CPU and event-loop delay of the generator,
 * and what everything else on the machine used, over a stretch of a scenario.
 */
export class Meter {
  private readonly startedAt = performance.now();
  private readonly serverCpu0: number;
  private readonly ownCpu0 = ownCpuSeconds();
  private readonly machine0 = machineBusySeconds();
  private readonly loopDelay: IntervalHistogram = monitorEventLoopDelay({ resolution: 5 });

  private readonly peakSinceStart: boolean;

  constructor(private readonly server: ServerUnderTest) {
    this.peakSinceStart = !server.resetPeakRss();
    this.serverCpu0 = server.sample().cpuSeconds;
    this.loopDelay.enable();
  }

  read(): MeterReading {
    this.loopDelay.disable();
    const sample = this.server.sample();
    const wallSeconds = (performance.now() - this.startedAt) / 1000;
    const serverCpuSeconds = sample.cpuSeconds - this.serverCpu0;
    const generatorCpuSeconds = ownCpuSeconds() - this.ownCpu0;
    const othersCpuSeconds = Math.max(0, machineBusySeconds() - this.machine0 - serverCpuSeconds - generatorCpuSeconds);
    return {
      wallSeconds,
      serverCpuSeconds,
      serverCpuPercent: (100 * serverCpuSeconds) / wallSeconds,
      generatorCpuSeconds,
      generatorCpuPercent: (100 * generatorCpuSeconds) / wallSeconds,
      generatorLoopDelayP99Ms: this.loopDelay.percentile(99) / 1e6,
      othersCpuPercent: (100 * othersCpuSeconds) / wallSeconds,
      serverRssBytes: sample.rssBytes,
      serverPeakRssBytes: sample.peakRssBytes,
      peakRssSinceStart: this.peakSinceStart,
    };
  }
}

export interface MeterReading {
  wallSeconds: number;
  serverCpuSeconds: number;
  /** Of one core. */
  serverCpuPercent: number;
  generatorCpuSeconds: number;
  generatorCpuPercent: number;
  /** How late the generator's own timers ran (p99): latency it adds to every figure. */
  generatorLoopDelayP99Ms: number;
  /** CPU used by other processes on the machine meanwhile (of one core): noise. */
  othersCpuPercent: number;
  serverRssBytes: number;
  /** VmHWM: the process's peak over the measured stretch (the kernel's counter is reset when the meter starts). */
  serverPeakRssBytes: number;
  /** The kernel refused the reset: the peak is since the process started (and so in runs before the reset existed). */
  peakRssSinceStart?: boolean;
}

export function bodyText(client: { readonly doc: Y.Doc }): string {
  return client.doc.getXmlFragment('default').toString();
}

/** Waits until the server has used (almost) no CPU for `quietMs`: it has finished storing what it received. */
export async function waitForQuiet(server: ServerUnderTest, timeoutMs = 60_000, quietMs = 700): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  let last = server.sample().cpuSeconds;
  while (Date.now() < end) {
    await sleep(quietMs);
    const now = server.sample().cpuSeconds;
    // /proc counts in 10 ms ticks: at most two ticks of background work (timers) is quiet.
    if (now - last <= 0.02) return true;
    last = now;
  }
  return false;
}
