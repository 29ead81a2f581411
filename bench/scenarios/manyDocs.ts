// Many documents open at once, one person in each, ~20 KB of text apiece:
// what an open document costs the server in memory, and what it gives back
// once everyone has left and the documents are unloaded.
import { paragraph, rng, words } from '../client/typist.js';
import type { BenchClient } from '../client/BenchClient.js';
import type { ServerName, ServerUnderTest } from '../servers/ServerUnderTest.js';
import { connectClient, inBatches, sleep, waitForQuiet } from './common.js';

export interface ManyDocsCase {
  documents: number;
  /** UTF-8 bytes of text each document gets. */
  bytesPerDocument: number;
  /** Waited after the last client left: longer than Yigao's room idle time. */
  unloadWaitSeconds: number;
}

export interface ManyDocsResult {
  server: ServerName;
  case: ManyDocsCase;
  /** After start (and, for Yigao, creating the documents over HTTP), collected. */
  baselineRssBytes: number;
  /** With every document open, collected. */
  openRssBytes: number;
  /** After every client left and the idle time passed, collected. */
  afterLeaveRssBytes: number;
  peakRssBytes: number;
  /** V8 heap used + external memory (Buffers, SQLite's and LevelDB's are not in it), after collection. */
  baselineHeapBytes: number;
  openHeapBytes: number;
  afterLeaveHeapBytes: number;
  perOpenDocumentBytes: number;
  perOpenDocumentHeapBytes: number;
  retainedPerDocumentHeapBytes: number;
  /** Per document, still held after they were all closed. */
  retainedPerDocumentBytes: number;
  /** retained / open, above the baseline. */
  retainedShare: number;
  openSeconds: number;
}

export async function runManyDocs(server: ServerUnderTest, spec: ManyDocsCase, log: (line: string) => void = () => {}): Promise<ManyDocsResult> {
  const documents = await server.createDocuments(spec.documents, 1);
  await waitForQuiet(server, 10_000);
  const baselineHeap = await server.collectGarbage();
  const baselineRssBytes = server.sample().rssBytes;

  const started = performance.now();
  const clients: BenchClient[] = [];
  try {
    await inBatches(documents, 20, async (document, i) => {
      const client = await connectClient(server.wire(document, 0));
      clients[i] = client;
      const random = rng(5000 + i);
      const body = client.doc.getXmlFragment('default');
      let bytes = 0;
      // A paragraph at a time, as typed and pasted over a session.
      while (bytes < spec.bytesPerDocument) {
        const text = words(random, 120 + Math.floor(random() * 120));
        body.insert(body.length, [paragraph(text)]);
        bytes += Buffer.byteLength(text);
      }
      await client.settled();
    });
    const openSeconds = (performance.now() - started) / 1000;
    log(`  ${clients.length} documents open`);
    await waitForQuiet(server, 30_000);
    const openHeap = await server.collectGarbage();
    const openRssBytes = server.sample().rssBytes;

    for (const client of clients) client.close();
    await sleep(spec.unloadWaitSeconds * 1000);
    await waitForQuiet(server, 30_000);
    await server.collectGarbage();
    const afterHeap = await server.collectGarbage();
    const after = server.sample();
    const heap = (m: { heapUsed: number; external: number }) => m.heapUsed + m.external;
    const perOpen = (openRssBytes - baselineRssBytes) / spec.documents;
    const retained = (after.rssBytes - baselineRssBytes) / spec.documents;
    return {
      server: server.name,
      case: spec,
      baselineRssBytes,
      openRssBytes,
      afterLeaveRssBytes: after.rssBytes,
      peakRssBytes: after.peakRssBytes,
      baselineHeapBytes: heap(baselineHeap),
      openHeapBytes: heap(openHeap),
      afterLeaveHeapBytes: heap(afterHeap),
      perOpenDocumentBytes: perOpen,
      perOpenDocumentHeapBytes: (heap(openHeap) - heap(baselineHeap)) / spec.documents,
      retainedPerDocumentHeapBytes: (heap(afterHeap) - heap(baselineHeap)) / spec.documents,
      retainedPerDocumentBytes: retained,
      retainedShare: perOpen > 0 ? retained / perOpen : Number.NaN,
      openSeconds,
    };
  } finally {
    for (const client of clients) client?.destroy();
  }
}
