// The durable acknowledgement (MessageType.ack): a change is acknowledged only
// once stored, and the client-side tracker turns that into saved / unsaved.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentStore } from '../../server/store/DocumentStore.js';
import { openSqliteStorage } from '../../server/store/sqlite/openSqliteStorage.js';
import { contentText, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
const clients: CollabClient[] = [];
const open = (id: string) => {
  const c = connect(srv.wsUrl, id, owner.token);
  clients.push(c);
  return c;
};

beforeAll(async () => {
  srv = await startTestServer();
  owner = await newUser(srv.url, '张丽');
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await srv.stop();
});

describe('acknowledgements', () => {
  it('reports saved once the server has stored a change, and the change is in the store then', async () => {
    const id = await newDocument(srv.url, owner);
    const a = open(id);
    await synced(a);
    await saved(a);
    appendParagraph(a, '需要确认的一段');
    expect(a.acks.current).toBe('unsaved');
    await saved(a);
    // acknowledged means committed: read the store directly, not through the live room
    const updates = await srv.server.storage.documents.load(id);
    expect(updates.updates.length).toBeGreaterThan(1);
    expect(await contentText(srv.url, owner, id)).toContain('需要确认的一段');
  });

  it('keeps a change made while disconnected unsaved until a new connection has delivered it', async () => {
    const id = await newDocument(srv.url, owner);
    const a = open(id);
    await synced(a);
    a.provider.disconnect();
    appendParagraph(a, '断线时写的');
    expect(a.acks.current).toBe('unsaved');
    a.provider.connect();
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toContain('断线时写的');
  });
});

describe('acknowledgements around a closing socket', () => {
  it('keeps a change made while the socket is closing unsaved until a new socket has delivered it', async () => {
    const id = await newDocument(srv.url, owner);
    const a = open(id);
    await synced(a);
    await saved(a);
    a.provider.ws?.close();
    appendParagraph(a, '关闭时写的');
    expect(a.acks.current).toBe('unsaved');
    await until(() => !a.provider.wsconnected, 'the close');
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toContain('关闭时写的');
  });
});

describe('acknowledgements around a connecting socket', () => {
  it('reports a change made while the socket is still connecting saved once that socket has delivered it', async () => {
    const id = await newDocument(srv.url, owner);
    const a = open(id);
    await synced(a);
    a.provider.disconnect();
    a.provider.connect();
    expect(a.provider.ws?.readyState).toBe(0);
    appendParagraph(a, '连接中写的');
    expect(a.acks.current).toBe('unsaved');
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toContain('连接中写的');
  });
});

describe('acknowledgements while the store fails', () => {
  let failing: TestServer;
  let failAppends = false;
  let failLoads = 0;
  let user: TestUser;

  beforeAll(async () => {
    const storage = openSqliteStorage(':memory:');
    const documents: DocumentStore = {
      exclusive: storage.documents.exclusive,
      append: (id, entries) => (failAppends ? Promise.reject(new Error('disk full')) : storage.documents.append(id, entries)),
      load: (id) => (failLoads-- > 0 ? Promise.reject(new Error('disk unreadable')) : storage.documents.load(id)),
      loadSince: (id, after) => storage.documents.loadSince(id, after),
      compact: (id, state, through, options) => storage.documents.compact(id, state, through, options),
      quarantined: (id) => storage.documents.quarantined(id),
      count: (id) => storage.documents.count(id),
    };
    failing = await startTestServer({}, { ...storage, documents });
    user = await newUser(failing.url, '王明');
  });
  afterAll(async () => {
    failAppends = false;
    await failing.stop();
  });

  it('never serves an empty document when a load fails: the client is told to retry and then gets it all', async () => {
    const id = await newDocument(failing.url, user);
    const writer = connect(failing.wsUrl, id, user.token);
    clients.push(writer);
    await synced(writer);
    appendParagraph(writer, '加载失败之前写的');
    await saved(writer);
    writer.destroy();
    await failing.server.registry.unload(id);
    failLoads = 2;
    const reader = connect(failing.wsUrl, id, user.token);
    clients.push(reader);
    await until(() => reader.closeCodes.filter((c) => c === 1013).length >= 1, 'a "try again later" close');
    expect(reader.fragment.toString()).toBe('');
    await synced(reader);
    expect(reader.fragment.toString()).toContain('加载失败之前写的');
    expect(reader.fragment.toString()).toContain('参政议政更主动');
  });

  it('withholds the acknowledgement, reports unhealthy, and stores the change once the store recovers', async () => {
    const id = await newDocument(failing.url, user);
    const a = connect(failing.wsUrl, id, user.token);
    clients.push(a);
    const b = connect(failing.wsUrl, id, user.token);
    clients.push(b);
    await Promise.all([synced(a), synced(b), saved(a)]);
    failAppends = true;
    appendParagraph(a, '存储故障时写的');
    await until(async () => (await fetch(`${failing.url}/healthz`)).status === 503, '/healthz to report the failure');
    expect(a.acks.current).toBe('unsaved');
    expect(b.fragment.toString()).not.toContain('存储故障时写的');
    failAppends = false;
    await saved(a, 10_000);
    await until(() => b.fragment.toString().includes('存储故障时写的'), 'the change to be relayed after it is stored');
    expect((await fetch(`${failing.url}/healthz`)).status).toBe(200);
  });
});
