// How many people one server holds: editors are added in groups (one
// document per group, everyone typing at a steady rate) step by step, and
// each step's propagation p99 is measured, until it passes the target.
import type { BenchClient } from '../client/BenchClient.js';
import { EditTracker } from '../client/EditTracker.js';
import { rng, Typist } from '../client/typist.js';
import type { ServerName, ServerUnderTest } from '../servers/ServerUnderTest.js';
import { SampleBuffer, summarize, type LatencySummary } from '../stats.js';
import { connectClient, inBatches, Meter, sleep, waitFor, type MeterReading } from './common.js';

export interface ConnectionsCase {
  /** Editors (total) at each step. */
  steps: number[];
  editorsPerDocument: number;
  editsPerSecond: number;
  stepSeconds: number;
  p99TargetMs: number;
  presence: boolean;
}

export interface ConnectionsStep {
  editors: number;
  latencyMs: LatencySummary;
  meter: MeterReading;
  /** Connecting the step's new editors (s). */
  connectSeconds: number;
  withinTarget: boolean;
  /** p99 of a first window that was over the target, measured again because the machine is shared. */
  firstTryP99Ms: number | null;
}

export interface ConnectionsResult {
  server: ServerName;
  case: ConnectionsCase;
  steps: ConnectionsStep[];
  /** The most editors at which p99 stayed within the target (0 when the first step failed). */
  maxEditorsWithinTarget: number;
  /** Whether the last step tried stayed within the target too (the true limit is higher). */
  limitNotReached: boolean;
  lostEdits: number;
  converged: boolean;
  error: string | null;
}

export async function runConnections(server: ServerUnderTest, spec: ConnectionsCase, log: (line: string) => void = () => {}): Promise<ConnectionsResult> {
  const group = spec.editorsPerDocument;
  let latencies = new SampleBuffer();
  const trackers: EditTracker[] = [];
  const clients: BenchClient[] = [];
  const steps: ConnectionsStep[] = [];
  let typing = true;
  let error: string | null = null;
  const interval = 1000 / spec.editsPerSecond;

  const addDocuments = async (count: number) => {
    const documents = await server.createDocuments(count, group);
    const first = trackers.length;
    const seats = documents.flatMap((document, d) => Array.from({ length: group }, (_, seat) => ({ document, d: first + d, seat })));
    for (let d = 0; d < documents.length; d++) trackers.push(new EditTracker(latencies));
    const added: Array<{ client: BenchClient; typist: Typist; tracker: EditTracker }> = [];
    await inBatches(seats, 25, async ({ document, d, seat }) => {
      const client = await connectClient(server.wire(document, seat));
      trackers[d].attach(client);
      clients.push(client);
      const typist = new Typist(client, { name: `委员${seat}`, color: '#3e63dd', presence: spec.presence, seed: 50_000 + clients.length });
      typist.begin();
      added.push({ client, typist, tracker: trackers[d] });
    });
    // Each new editor types at the steady rate from now on.
    for (const [i, { client, typist, tracker }] of added.entries()) {
      const random = rng(clients.length * 31 + i + 1);
      const tick = () => {
        if (!typing) return;
        if (client.isOpen) {
          typist.type();
          tracker.sent(client, performance.now());
        }
        setTimeout(tick, interval * (0.5 + random()));
      };
      setTimeout(tick, interval * random());
    }
  };

  try {
    for (const target of spec.steps) {
      const connectStarted = performance.now();
      const missing = Math.ceil((target - clients.length) / group);
      if (missing > 0) await addDocuments(missing);
      const connectSeconds = (performance.now() - connectStarted) / 1000;
      await sleep(1000);
      const measure = async () => {
        latencies = new SampleBuffer();
        for (const tracker of trackers) {
          tracker.latencies = latencies;
          tracker.measuring = true;
        }
        const meter = new Meter(server);
        await sleep(spec.stepSeconds * 1000);
        for (const tracker of trackers) tracker.measuring = false;
        // Edits still in flight at the end of the window land in this step's samples.
        await sleep(Math.min(2000, spec.p99TargetMs * 5));
        return { reading: meter.read(), latencyMs: summarize(latencies.values()) };
      };
      let { reading, latencyMs } = await measure();
      let firstTryP99Ms: number | null = null;
      if (latencyMs.p99 > spec.p99TargetMs) {
        // One more window before calling it: other people's work shares these two cores.
        firstTryP99Ms = latencyMs.p99;
        ({ reading, latencyMs } = await measure());
      }
      const withinTarget = latencyMs.p99 <= spec.p99TargetMs;
      steps.push({ editors: clients.length, latencyMs, meter: reading, connectSeconds, withinTarget, firstTryP99Ms });
      log(
        `  ${clients.length} editors: p50 ${latencyMs.p50.toFixed(1)} ms, p99 ${latencyMs.p99.toFixed(1)} ms, ` +
          `server ${reading.serverCpuPercent.toFixed(0)}% CPU, generator ${reading.generatorCpuPercent.toFixed(0)}% ` +
          `(loop delay p99 ${reading.generatorLoopDelayP99Ms.toFixed(0)} ms), others ${reading.othersCpuPercent.toFixed(0)}%`,
      );
      if (!withinTarget) break;
    }
  } catch (err) {
    error = (err as Error).message;
    log(`  stopped: ${error}`);
  }
  typing = false;
  await waitFor(() => trackers.every((t) => t.missingDeliveries() === 0), 20_000);
  const lostEdits = trackers.reduce((n, t) => n + t.lostEdits(), 0);
  let converged = true;
  for (const { members } of trackers) {
    const text = members[0]?.doc.getXmlFragment('default').toString();
    converged &&= members.every((c) => c.doc.getXmlFragment('default').toString() === text);
  }
  for (const client of clients) client.destroy();
  const within = steps.filter((s) => s.withinTarget);
  return {
    server: server.name,
    case: spec,
    steps,
    maxEditorsWithinTarget: within.length ? within[within.length - 1].editors : 0,
    limitNotReached: steps.length > 0 && steps[steps.length - 1].withinTarget,
    lostEdits,
    converged,
    error,
  };
}
