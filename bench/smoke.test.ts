// A smoke run of the benchmark harness against Yigao alone, at tiny sizes:
// it proves the load generator works (edits propagate, none lost, replicas
// converge, acknowledgements counted, a cold open after a restart, stock
// providers at the default limits, the report), not how fast anything is.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { longHistory } from './client/histories.js';
import { paragraph } from './client/typist.js';
import { quickPlan } from './plan.js';
import { renderReport } from './report.js';
import type { BenchRun } from './run.js';
import { runColdOpen } from './scenarios/coldOpen.js';
import { bodyText, connectClient, waitFor } from './scenarios/common.js';
import { runStockTyping } from './scenarios/stockTyping.js';
import { runTyping } from './scenarios/typing.js';
import type { ServerUnderTest } from './servers/ServerUnderTest.js';
import { startServer } from './servers/startServer.js';
import { registerPeople } from './servers/yigao.js';

describe('the benchmark harness against Yigao', () => {
  let dataDir: string;
  let server: ServerUnderTest;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-'));
    server = await startServer('yigao', { dataDir, roomIdleSeconds: 1 });
  }, 30_000);

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('measures typing: every edit reaches every other client, none is lost, replicas converge', async () => {
    const result = await runTyping(server, { documents: 2, clientsPerDocument: 3, editsPerSecond: 5, seconds: 1, warmupSeconds: 0.2, presence: true });
    expect(result.clients).toBe(6);
    expect(result.editsMeasured).toBeGreaterThan(0);
    // Every measured edit arrived at the two other clients of its document.
    expect(result.latencyMs.count).toBe(result.editsMeasured * 2);
    expect(result.lostEdits).toBe(0);
    expect(result.converged).toBe(true);
    expect(result.serverHasAll).toBe(true);
    expect(result.ackLatencyMs?.count).toBe(result.editsMeasured);
    expect(result.meter.serverCpuSeconds).toBeGreaterThanOrEqual(0);
    expect(result.meter.serverPeakRssBytes).toBeGreaterThan(0);
  }, 30_000);

  it('speaks the same protocol as the stock y-websocket provider', async () => {
    const [document] = await server.createDocuments(1, 1);
    const light = await connectClient(server.wire(document, 0));
    const url = new URL(server.wire(document, 0).url);
    // The stock provider does not understand Yigao's acknowledgements: it connects without them.
    url.searchParams.delete('ack');
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`ws://${url.host}/collab`, document.id, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params: Object.fromEntries(url.searchParams),
      disableBc: true,
    });
    try {
      await waitFor(() => provider.synced, 5_000);
      light.doc.getXmlFragment('default').insert(0, [paragraph('轻客户端')]);
      doc.getXmlFragment('default').insert(0, [paragraph('stock provider')]);
      const stock = () => doc.getXmlFragment('default').toString();
      expect(await waitFor(() => stock() === bodyText(light) && stock().includes('轻客户端') && stock().includes('stock provider'), 5_000)).toBe(true);
      await light.settled();
      expect(light.confirmedFrames).toBe(light.sentUpdateFrames);
    } finally {
      provider.destroy();
      doc.destroy();
      light.destroy();
    }
  }, 30_000);

  it('measures a cold open after a restart, with the whole history', async () => {
    const result = await runColdOpen(server, { document: 'smoke', opens: 1 }, longHistory(300), dataDir);
    expect(result.complete).toBe(true);
    expect(result.opens).toHaveLength(1);
    expect(result.p50ToWholeStateMs).toBeGreaterThan(0);
    expect(result.bytesReceived).toBeGreaterThan(0);
  }, 30_000);

  it('types with stock providers at the default limits, an account per person, and renders the report', async () => {
    const people = await registerPeople(5, { roomIdleSeconds: 1 });
    const stockDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-stock-'));
    const stockServer = await startServer('yigao', { dataDir: stockDir, roomIdleSeconds: 1, people });
    try {
      const spec = { documents: 1, clientsPerDocument: 5, editsPerSecond: 2, seconds: 1, warmupSeconds: 0.3, presence: true };
      const result = await runStockTyping(stockServer, spec);
      expect(result.clients).toBe(5);
      expect(result.editsMeasured).toBeGreaterThan(0);
      expect(result.disconnects.closes).toBeGreaterThanOrEqual(0);
      const plan = { ...quickPlan(), servers: ['yigao' as const], scenarios: ['typing' as const], typing: [spec] };
      const run: BenchRun = {
        meta: {
          date: new Date().toISOString(),
          command: 'smoke',
          durationSeconds: 1,
          node: process.version,
          cpuModel: 'smoke',
          cores: 2,
          memoryBytes: 2 ** 30,
          os: 'smoke',
          loadAverageAtStart: [0, 0, 0],
          git: { commit: 'smoke', dirtyFiles: 0 },
          versions: {},
          pinning: null,
          pinningNote: 'smoke',
          generatorNodeFlags: [],
          scenarioSeconds: {},
        },
        plan,
        typing: [result],
        coldOpen: [],
        manyDocs: [],
        export: [],
        connections: [],
        errors: [],
      };
      const report = renderReport(run);
      expect(report).toContain('## 1. Typing');
      expect(report).toContain('### 1 document × 5 clients × 2 edits/s');
      expect(report).toContain('socket closes the clients saw');
    } finally {
      await stockServer.stop();
      fs.rmSync(stockDir, { recursive: true, force: true });
      fs.rmSync(people.storeDir, { recursive: true, force: true });
    }
  }, 30_000);
});
