// D documents × C people typing at R edits/s for T s: how fast each edit
// reaches everyone else in its document, whether any is lost, whether all
// replicas end up identical, and (Yigao) how fast each edit is durable.
import { EditTracker, type Replica } from '../client/EditTracker.js';
import { rng, Typist, type Keyboard, type Presence } from '../client/typist.js';
import type { Wire } from '../client/wire.js';
import type { BenchDocument, ServerName, ServerUnderTest } from '../servers/ServerUnderTest.js';
import { SampleBuffer, summarize, type LatencySummary } from '../stats.js';
import { bodyText, collectOwnGarbage, connectClient, inBatches, Meter, monotonicUs, sleep, waitFor, type MeterReading } from './common.js';

export interface TypingCase {
  documents: number;
  clientsPerDocument: number;
  editsPerSecond: number;
  seconds: number;
  /** Unmeasured typing first (JIT, caches). */
  warmupSeconds: number;
  /** Send the caret with every edit, as Tiptap's CollaborationCaret does. */
  presence: boolean;
}

export interface TypingResult {
  server: ServerName;
  case: TypingCase;
  /** Which round of the typing cases (1, 2, …; absent from runs before rounds existed). */
  round?: number;
  clients: number;
  editsSent: number;
  editsMeasured: number;
  /** Edits × receivers that got them. */
  deliveries: number;
  latencyMs: LatencySummary;
  /** Yigao: from sending an edit to its acknowledgement (stored). */
  ackLatencyMs: LatencySummary | null;
  /** Every propagation sample (µs, whole), so that rounds of a case can be pooled (absent from runs before it existed). */
  samplesUs?: number[];
  /** Yigao: every acknowledgement sample (µs, whole). */
  ackSamplesUs?: number[] | null;
  lostEdits: number;
  /** Every replica (and a fresh client loading from the server afterwards) holds the same body. */
  converged: boolean;
  /** A fresh client loading from the server afterwards has every edit. */
  serverHasAll: boolean;
  meter: MeterReading;
  /** The measured stretch on the machine's monotonic clock (µs), which V8's CPU profiles use too. */
  windowUs: [number, number];
}

/** Milliseconds as whole microseconds: the raw file stays small and loses nothing a percentile shows. */
const wholeMicroseconds = (samplesMs: Float64Array): number[] => Array.from(samplesMs, (v) => Math.round(v * 1000));

const COLORS = ['#e5484d', '#3e63dd', '#30a46c', '#f76808', '#8e4ec6', '#12a594'];

/** A typing person's client: the light BenchClient, or a StockPeer (the stock WebsocketProvider). */
export interface TypingPeer extends Replica, Keyboard {
  /** Resolves once the server has processed what this client sent (or, for a StockPeer, once it is closed for good). */
  settled(timeoutMs?: number): Promise<void>;
  destroy(): void;
  /** The server closed it with a code after which it does not reconnect: its person stops typing, and nothing reaches it. */
  readonly closedForGood?: boolean;
}

/** Where the clients connect and what they are: by default light clients, all through `server.wire`. */
export interface TypingWiring {
  /** The wire of the typing client number `client` (0 … documents × clients − 1, document by document), in `seat` of its document. */
  client(document: BenchDocument, seat: number, client: number): Wire;
  /** The fresh clients that check, after the typing, what the server holds: every one must have every edit and the same body. */
  verifiers(document: BenchDocument): Wire[];
  /** Makes a typing client other than the light one (which it is by default); such clients report no acknowledgements. */
  connect?(wire: Wire, user: Presence['user']): Promise<TypingPeer>;
}

/** Every client through `server.wire`, checked by a fresh client in seat 0. */
export const serverWiring = (server: ServerUnderTest): TypingWiring => ({
  client: (document, seat) => server.wire(document, seat),
  verifiers: (document) => [server.wire(document, 0)],
});

export async function runTyping(
  server: ServerUnderTest,
  spec: TypingCase,
  log: (line: string) => void = () => {},
  wiring: TypingWiring = serverWiring(server),
): Promise<TypingResult> {
  const documents = await server.createDocuments(spec.documents, spec.clientsPerDocument);
  const latencies = new SampleBuffer();
  const ackSink = server.name === 'yigao' && !wiring.connect ? { measuring: false, samples: new SampleBuffer() } : null;
  const connect = wiring.connect ?? ((wire: Wire) => connectClient(wire, ackSink));
  const trackers = documents.map(() => new EditTracker(latencies));
  const seats = documents.flatMap((document, d) => Array.from({ length: spec.clientsPerDocument }, (_, seat) => ({ document, d, seat })));
  const clients: TypingPeer[] = [];
  const typists: Typist[] = [];
  try {
    await inBatches(seats, 20, async ({ document, d, seat }, i) => {
      const user = { name: `委员${seat}`, color: COLORS[seat % COLORS.length] };
      const client = await connect(wiring.client(document, seat, i), user);
      trackers[d].attach(client);
      clients[i] = client;
      typists[i] = new Typist(client, { ...user, presence: spec.presence, seed: 1000 + i });
    });
    for (const typist of typists) typist.begin();
    await Promise.all(clients.map((c) => c.settled()));
    // Each server starts typing from a collected heap, as one that has been running a while does:
    // otherwise the garbage of setting up (accounts, documents, connections, just before) is
    // collected in the measured seconds, for whichever server made more of it.
    await server.collectGarbage().catch(() => undefined);
    // And the generator, for the same reason: the clients of the runs before this one are still in its heap.
    collectOwnGarbage();
    await sleep(300);
    log(`  ${clients.length} clients synced; typing`);

    let meter: Meter | null = null;
    let windowStartUs = 0;
    const startedAt = performance.now();
    const measureFrom = startedAt + spec.warmupSeconds * 1000;
    const stopAt = measureFrom + spec.seconds * 1000;
    const interval = 1000 / spec.editsPerSecond;
    let running = typists.length;
    const done = new Promise<void>((resolve) => {
      typists.forEach((typist, i) => {
        const tracker = trackers[Math.floor(i / spec.clientsPerDocument)];
        const random = rng(7919 * (i + 1)); // timing jitter
        const tick = () => {
          const now = performance.now();
          if (now >= stopAt) {
            if (--running === 0) resolve();
            return;
          }
          if (!meter && now >= measureFrom) {
            meter = new Meter(server);
            windowStartUs = monotonicUs();
            for (const t of trackers) t.measuring = true;
            if (ackSink) ackSink.measuring = true;
          }
          if (!clients[i].closedForGood) {
            typist.type();
            tracker.sent(clients[i], now);
          }
          setTimeout(tick, interval * (0.5 + random()));
        };
        setTimeout(tick, interval * random());
      });
    });
    await done;
    for (const t of trackers) t.measuring = false;
    if (ackSink) ackSink.measuring = false;
    // Everything sent must arrive (and, for Yigao, be acknowledged), except at clients closed for good.
    await waitFor(() => trackers.every((t) => t.missingDeliveries((c) => (c as TypingPeer).closedForGood === true) === 0), 15_000);
    await Promise.all(clients.map((c) => c.settled(15_000).catch(() => undefined)));
    const reading = (meter as Meter | null)?.read() ?? new Meter(server).read();
    const windowUs: [number, number] = [windowStartUs, monotonicUs()];

    // A fresh client per document (per instance, if several), loading what the server has.
    let converged = true;
    let serverHasAll = true;
    await inBatches(documents, 10, async (document, d) => {
      const members = clients.slice(d * spec.clientsPerDocument, (d + 1) * spec.clientsPerDocument);
      for (const wire of wiring.verifiers(document)) {
        const verifier = await connectClient(wire);
        const expected = bodyText(verifier);
        serverHasAll &&= trackers[d].containsAll(verifier.doc);
        converged &&= members.every((c) => bodyText(c) === expected);
        verifier.destroy();
      }
    });
    const editsSent = trackers.reduce((n, t) => n + t.editsSent, 0);
    return {
      server: server.name,
      case: spec,
      clients: clients.length,
      editsSent,
      editsMeasured: trackers.reduce((n, t) => n + t.editsMeasured, 0),
      deliveries: trackers.reduce((n, t) => n + t.deliveries, 0),
      latencyMs: summarize(latencies.values()),
      ackLatencyMs: ackSink ? summarize(ackSink.samples.values()) : null,
      samplesUs: wholeMicroseconds(latencies.values()),
      ackSamplesUs: ackSink ? wholeMicroseconds(ackSink.samples.values()) : null,
      lostEdits: trackers.reduce((n, t) => n + t.lostEdits(), 0),
      converged,
      serverHasAll,
      meter: reading,
      windowUs,
    };
  } finally {
    for (const client of clients) client?.destroy();
  }
}
