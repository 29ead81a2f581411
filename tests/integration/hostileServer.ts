// Shared set-up for the hostile-input tests (hostile*.test.ts): a real server
// with small limits, two accounts, and a canary client on another document
// that must keep being served whatever the tests throw at the server.
//
// The server and the accounts are exported live bindings, set by the hooks
// that useHostileServer() registers in the test file that calls it.
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { newDocument, newUser, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

export let srv: TestServer;
export let owner: TestUser;
export let other: TestUser;
export let canaryDoc: string;
let canary: CollabClient;
export const clients: CollabClient[] = [];

const LIMITS = {
  MAX_FRAME_BYTES: String(64 * 1024),
  MAX_DOCUMENT_BYTES: String(200 * 1024),
  MAX_AWARENESS_BYTES: String(4 * 1024),
  AWARENESS_PER_SECOND: '5',
  MESSAGES_PER_SECOND: '20',
  MAX_CONNECTIONS_PER_USER: '6',
  MAX_CONNECTIONS_PER_DOCUMENT: '8',
  HANDSHAKE_TIMEOUT_SECONDS: '1',
};

export function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [p]);
  return Y.encodeStateAsUpdate(doc);
}

export const storedLog = async (id: string) => (await srv.server.storage.documents.load(id)).updates.map((u) => Buffer.from(u).toString('base64'));

/** The server still serves: the canary on another document stores an edit. */
export async function canaryStillServed(): Promise<void> {
  appendParagraph(canary, `金丝雀${Date.now()}${Math.random()}`);
  await saved(canary);
  expect(canary.closeCodes).toEqual([]);
  expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
}

/** Starts the server with small limits and the canary for this file's tests, and closes the clients a test leaves open. */
export function useHostileServer(): void {
  beforeAll(async () => {
    srv = await startTestServer(LIMITS);
    owner = await newUser(srv.url, '张丽');
    other = await newUser(srv.url, '王明');
    canaryDoc = await newDocument(srv.url, other);
    canary = connect(srv.wsUrl, canaryDoc, other.token);
    await synced(canary);
  });

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });

  afterAll(async () => {
    canary.destroy();
    await srv.stop();
  });
}
