// Opening a long-lived document: its history is sent to the server update by
// update, the server is stopped with its store on disk, and each open starts
// a fresh process on a copy of that store; a fresh client measures the time
// until it has the whole document and the bytes that took.
import fs from 'node:fs';
import { BenchClient } from '../client/BenchClient.js';
import { hasHistory, type History } from '../client/histories.js';
import type { ServerName, ServerUnderTest } from '../servers/ServerUnderTest.js';
import { median } from '../stats.js';
import { connectClient, waitFor, waitForQuiet } from './common.js';

export interface ColdOpenCase {
  /** 'history-100k', 'summary-200-pages'… */
  document: string;
  opens: number;
}

export interface OpenSample {
  /** From opening the socket to the server's sync step 2. */
  toStep2Ms: number;
  /**
   * To the arrival of the frame that completed the document (the whole
   * state on the wire). Usually step 2 itself; the reference server answers
   * step 1 before its store has loaded, so the content follows as an update.
   */
  toWholeStateMs: number;
  /** …and applied: the editor could show it. */
  toAppliedMs: number;
  /** Received until the document was complete. */
  bytesReceived: number;
  complete: boolean;
  /** The server's resident memory right after the open. */
  serverRssAfterBytes: number;
  /** Why the open did not complete, with the server's CPU meanwhile and its last output. */
  failure: string | null;
}

export interface ColdOpenResult {
  server: ServerName;
  case: ColdOpenCase;
  updatesSent: number;
  buildSeconds: number;
  storeBytes: number;
  /** Whether the server had finished its work (no CPU for a moment) before it was stopped. */
  quietAfterBuild: boolean;
  /** How stopping the server after taking in the history went. */
  stop: { ms: number; killed: boolean } | null;
  opens: OpenSample[];
  p50ToWholeStateMs: number;
  p50ToAppliedMs: number;
  firstToWholeStateMs: number;
  bytesReceived: number;
  complete: boolean;
}

const OPEN_TIMEOUT_MS = 60_000;

/**
 * Flood control: at most this many update frames unconfirmed, as an editor
 * that is catching up would send them (a server that merges the updates queued
 * on a connection with Y.mergeUpdates spent a minute of CPU on 2,000 in
 * flight).
 */
const WINDOW = 100;

export async function runColdOpen(
  server: ServerUnderTest,
  spec: ColdOpenCase,
  history: History,
  dataDir: string,
  log: (line: string) => void = () => {},
): Promise<ColdOpenResult> {
  const [document] = await server.createDocuments(1, 1);
  const builtAt = performance.now();
  const writer = await connectClient(server.wire(document, 0));
  for (const update of history.updates) {
    writer.sendRawUpdate(update);
    if (writer.sentUpdateFrames % (WINDOW / 2) === 0) await writer.confirmedWithin(WINDOW);
  }
  await writer.settled(300_000);
  writer.destroy();
  // Let it store what it holds (the peers write after relaying), then stop it the way it is meant to stop.
  const quietAfterBuild = await waitForQuiet(server);
  const buildSeconds = (performance.now() - builtAt) / 1000;
  await server.stop();
  const stop = server.lastStop;
  log(
    `  ${history.updates.length} updates stored in ${buildSeconds.toFixed(1)} s; stopped in ${((stop?.ms ?? 0) / 1000).toFixed(1)} s${stop?.killed ? ' (SIGKILL)' : ''}`,
  );

  const pristine = `${dataDir}.pristine`;
  fs.cpSync(dataDir, pristine, { recursive: true });
  const storeBytes = directoryBytes(pristine);
  const opens: OpenSample[] = [];
  try {
    for (let i = 0; i < spec.opens; i++) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.cpSync(pristine, dataDir, { recursive: true });
      await server.restart();
      const client = new BenchClient(server.wire(document, 0));
      let completed: { wire: number; applied: number; bytes: number } | null = null;
      client.doc.on('afterTransaction', () => {
        if (!completed && hasHistory(client.doc, history)) {
          completed = { wire: client.lastFrameAt, applied: performance.now(), bytes: client.bytesReceived };
        }
      });
      const cpuBefore = server.sample().cpuSeconds;
      let failure: string | null = null;
      try {
        await client.connect(OPEN_TIMEOUT_MS);
        if (!(await waitFor(() => completed !== null, OPEN_TIMEOUT_MS))) failure = 'synced, but the document never became complete';
      } catch (err) {
        failure = (err as Error).message;
      }
      if (failure) {
        failure += ` (server CPU meanwhile ${(server.sample().cpuSeconds - cpuBefore).toFixed(1)} s; its last output: ${server.output().slice(-600) || 'none'})`;
        log(`  open ${i + 1} failed: ${failure}`);
      }
      const done = completed as { wire: number; applied: number; bytes: number } | null;
      const start = client.connectStartedAt;
      opens.push({
        toStep2Ms: client.step2ReceivedAt ? client.step2ReceivedAt - start : Number.NaN,
        toWholeStateMs: done ? done.wire - start : Number.NaN,
        toAppliedMs: done ? done.applied - start : Number.NaN,
        bytesReceived: done ? done.bytes : client.bytesReceived,
        complete: done !== null,
        serverRssAfterBytes: server.sample().rssBytes,
        failure,
      });
      client.destroy();
    }
  } finally {
    fs.rmSync(pristine, { recursive: true, force: true });
  }
  return {
    server: server.name,
    case: spec,
    updatesSent: history.updates.length,
    buildSeconds,
    storeBytes,
    quietAfterBuild,
    stop,
    opens,
    // Failed opens count as infinitely slow.
    p50ToWholeStateMs: median(opens.map((o) => (o.complete ? o.toWholeStateMs : Infinity))),
    p50ToAppliedMs: median(opens.map((o) => (o.complete ? o.toAppliedMs : Infinity))),
    firstToWholeStateMs: opens[0]?.toWholeStateMs ?? Number.NaN,
    bytesReceived: median(opens.map((o) => o.bytesReceived)),
    complete: opens.every((o) => o.complete),
  };
}

function directoryBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(`${entry.parentPath}/${entry.name}`).size;
  }
  return total;
}
