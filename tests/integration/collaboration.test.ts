// Real server, real y-websocket clients: the collaboration contract of API.md.
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, occurrences, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const HEADINGS = ['参政议政更主动', '服务发展更务实', '民主监督更有效', '联络联谊更广泛', '委员活动更多样'];

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
let commenter: TestUser;
let outsider: TestUser;
const clients: CollabClient[] = [];

function open(documentId: string, user?: TestUser, headers?: Record<string, string>): CollabClient {
  const client = connect(srv.wsUrl, documentId, user?.token, headers);
  clients.push(client);
  return client;
}

async function sharedDocument(): Promise<string> {
  const id = await newDocument(srv.url, owner);
  await share(srv.url, owner, id, editor, 'editor');
  await share(srv.url, owner, id, viewer, 'viewer');
  await share(srv.url, owner, id, commenter, 'commenter');
  return id;
}

/** Waits until `observer` sees `sender`'s awareness marker: the server has handled every earlier frame of `sender`. */
async function barrier(sender: CollabClient, observer: CollabClient, mark: string): Promise<void> {
  sender.provider.awareness.setLocalStateField('barrier', mark);
  await until(() => observer.provider.awareness.getStates().get(sender.doc.clientID)?.barrier === mark, `barrier ${mark}`);
}

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, viewer, commenter, outsider] = await Promise.all(['张丽', '王明', '李红', '陈静', '赵强'].map((name) => newUser(srv.url, name)));
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
  await srv.stop();
});

describe('collaboration over WebSocket', () => {
  it('lets two editors converge, and stores what they typed', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a, '甲方写的一段');
    appendParagraph(b, '乙方写的一段');
    await until(() => a.fragment.toString().includes('乙方写的一段') && b.fragment.toString().includes('甲方写的一段'), 'convergence');
    expect(a.fragment.toString()).toBe(b.fragment.toString());
    const text = await contentText(srv.url, owner, id);
    expect(text).toContain('甲方写的一段');
    expect(text).toContain('乙方写的一段');
  });

  it("drops a viewer's and a commenter's body changes for everyone while they still receive edits", async () => {
    const id = await sharedDocument();
    const v = open(id, viewer);
    const c = open(id, commenter);
    const e = open(id, editor);
    await Promise.all([synced(v), synced(c), synced(e)]);
    appendParagraph(v, '观察者写入');
    appendParagraph(c, '批注者写入');
    await barrier(v, e, 'v1');
    await barrier(c, e, 'c1');
    appendParagraph(e, '编辑者写入');
    await until(() => v.fragment.toString().includes('编辑者写入'), 'the viewer to receive the edit');
    expect(e.fragment.toString()).not.toMatch(/观察者写入|批注者写入/);
    const text = await contentText(srv.url, owner, id);
    expect(text).toContain('编辑者写入');
    expect(text).not.toMatch(/观察者写入|批注者写入/);
    expect(v.closeCodes).toEqual([]);
  });

  it('refuses a socket without credentials with 4401 before sending any document data', async () => {
    const id = await sharedDocument();
    const result = await rawSocket(`${srv.wsUrl}/${id}`);
    expect(result).toEqual({ closeCode: CloseCode.unauthorized, documentMessages: 0, httpStatus: null });
  });

  it('refuses a non-member with 4403 and an unknown or malformed document id with 4404', async () => {
    const id = await sharedDocument();
    expect(await rawSocket(`${srv.wsUrl}/${id}?token=${outsider.token}`)).toMatchObject({ closeCode: CloseCode.forbidden, documentMessages: 0 });
    expect(await rawSocket(`${srv.wsUrl}/AAAAAAAAAAAAAAAA?token=${owner.token}`)).toMatchObject({ closeCode: CloseCode.documentNotFound });
    expect(await rawSocket(`${srv.wsUrl}/..%2F..%2Fetc?token=${owner.token}`)).toMatchObject({ closeCode: CloseCode.documentNotFound });
  });

  it("refuses a browser upgrade from another origin, and accepts the server's own", async () => {
    const id = await sharedDocument();
    expect(await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, { Origin: 'https://evil.example' })).toMatchObject({ httpStatus: 403 });
    const own = new URL(srv.url).origin;
    const client = open(id, owner, { Origin: own });
    await synced(client);
  });

  it('shows ten clients opening a brand-new document together the skeleton exactly once', async () => {
    const id = await newDocument(srv.url, owner);
    const ten = Array.from({ length: 10 }, () => open(id, owner));
    await Promise.all(ten.map(synced));
    for (const c of ten) for (const h of HEADINGS) expect(occurrences(c.fragment.toString(), h)).toBe(1);
    const text = await contentText(srv.url, owner, id);
    for (const h of HEADINGS) expect(occurrences(text, h)).toBe(1);
  });

  it("stamps presence with the account's own name, whatever the client claims", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    b.provider.awareness.setLocalStateField('user', { name: owner.displayName, color: '#000000' });
    await until(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user !== undefined, "bob's presence");
    expect(a.provider.awareness.getStates().get(b.doc.clientID)?.user).toMatchObject({ name: '王明', username: editor.username });
  });

  it('closes only the connection that sent a malformed frame', async () => {
    const id = await sharedDocument();
    const other = open(id, owner);
    await synced(other);
    const bad = await rawSocket(`${srv.wsUrl}/${id}?token=${editor.token}`, undefined, [Buffer.from([0, 2, 250, 250, 250, 250, 1])]);
    expect(bad.closeCode).toBe(CloseCode.malformedFrame);
    appendParagraph(other, '坏帧之后');
    await until(async () => (await contentText(srv.url, owner, id)).includes('坏帧之后'), 'the other client to keep working');
    expect(other.closeCodes).toEqual([]);
  });

  it("takes a removed member's connection away at once with 4403, and a downgrade makes it read-only", async () => {
    const id = await sharedDocument();
    const e = open(id, editor);
    const o = open(id, owner);
    await Promise.all([synced(e), synced(o)]);
    await share(srv.url, owner, id, editor, 'viewer');
    appendParagraph(e, '降级之后写入');
    await barrier(e, o, 'after-downgrade');
    expect(await contentText(srv.url, owner, id)).not.toContain('降级之后写入');
    const removed = await api(srv.url, 'DELETE', `/api/documents/${id}/members/${editor.username}`, { token: owner.token });
    expect(removed.status).toBe(204);
    await until(() => e.closeCodes.includes(CloseCode.forbidden), 'the removed member to be disconnected');
    expect(e.provider.wsconnected).toBe(false);
  });

  it('closes connections with 4404 when the document is deleted', async () => {
    const id = await sharedDocument();
    const e = open(id, editor);
    await synced(e);
    expect((await api(srv.url, 'DELETE', `/api/documents/${id}`, { token: owner.token })).status).toBe(204);
    await until(() => e.closeCodes.includes(CloseCode.documentNotFound), 'the close');
  });

  it('keeps everything across a server restart, and merges an edit made while disconnected', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    appendParagraph(a, '重启之前');
    await until(async () => (await contentText(srv.url, owner, id)).includes('重启之前'), 'the edit to be stored');
    a.destroy();
    const offline = open(id, editor);
    await synced(offline);
    offline.provider.disconnect();
    appendParagraph(offline, '离线时写的');
    await srv.restart();
    offline.provider.connect();
    await until(async () => (await contentText(srv.url, owner, id)).includes('离线时写的'), 'the offline edit to be stored');
    const text = await contentText(srv.url, owner, id);
    expect(occurrences(text, '重启之前')).toBe(1);
    expect(occurrences(text, '离线时写的')).toBe(1);
    for (const h of HEADINGS) expect(occurrences(text, h)).toBe(1);
  });
});

interface RawResult {
  httpStatus: number | null;
  closeCode: number | null;
  documentMessages: number;
}

/** Opens a socket and reports how the server treated it. */
function rawSocket(url: string, headers?: Record<string, string>, send: Buffer[] = []): Promise<RawResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    const result: RawResult = { httpStatus: null, closeCode: null, documentMessages: 0 };
    const timer = setTimeout(() => {
      ws.terminate();
      resolve(result);
    }, 5000);
    ws.on('unexpected-response', (_req, res) => {
      result.httpStatus = res.statusCode ?? null;
      clearTimeout(timer);
      ws.terminate();
      resolve(result);
    });
    ws.on('open', () => send.forEach((frame) => ws.send(frame)));
    ws.on('message', (data: Buffer) => {
      if (data[0] === 0 || data[0] === 1) result.documentMessages++;
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      result.closeCode = code;
      resolve(result);
    });
    ws.on('error', () => {});
  });
}
