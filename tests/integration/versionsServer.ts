// Shared set-up for the version tests (version*.test.ts): a real server that
// takes automatic versions after a second, an owner, an editor and a viewer, and
// helpers to open clients, find text in them and name versions.
//
// The server and the accounts are exported live bindings, set by the hooks
// that useVersionsServer() registers in the test file that calls it.
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { connect, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

export let srv: TestServer;
export let owner: TestUser;
export let editor: TestUser;
export let viewer: TestUser;
const clients: CollabClient[] = [];

export function open(id: string, user: TestUser): CollabClient {
  const c = connect(srv.wsUrl, id, user.token);
  clients.push(c);
  return c;
}

/** The Y.XmlText of the paragraph whose text contains `needle`. */
export function textContaining(c: CollabClient, needle: string): Y.XmlText {
  const visit = (el: Y.XmlFragment | Y.XmlElement): Y.XmlText | null => {
    for (const child of el.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(needle)) return child;
      if (child instanceof Y.XmlElement) {
        const hit = visit(child);
        if (hit) return hit;
      }
    }
    return null;
  };
  const hit = visit(c.fragment);
  if (!hit) throw new Error(`no text containing ${needle}`);
  return hit;
}

export const plain = (t: Y.XmlText) =>
  t
    .toDelta()
    .map((d: { insert: string }) => d.insert)
    .join('');

export async function named(id: string, user: TestUser, name: string): Promise<string> {
  const res = await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: user.token, body: { name } });
  expect(res.status).toBe(201);
  return res.body.id;
}

export async function sharedDocument(): Promise<string> {
  const id = await newDocument(srv.url, owner);
  await share(srv.url, owner, id, editor, 'editor');
  await share(srv.url, owner, id, viewer, 'viewer');
  return id;
}

/** Starts the server (an automatic version after a second) and the three accounts for this file's tests, and closes the clients each test opened. */
export function useVersionsServer(): void {
  beforeAll(async () => {
    srv = await startTestServer({ AUTO_VERSION_SECONDS: '1' });
    [owner, editor, viewer] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明'), newUser(srv.url, '李红')]);
  });
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  afterAll(async () => {
    await srv.stop();
  });
}
