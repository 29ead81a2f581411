// Rooms unload when idle, after storing and compacting, and load again intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { contentText, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, occurrences, synced, until } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;

beforeAll(async () => {
  // unload at once when the last member leaves; compact after a handful of updates
  srv = await startTestServer({ ROOM_IDLE_SECONDS: '0', COMPACT_AFTER_UPDATES: '5' });
  owner = await newUser(srv.url, '张丽');
});

afterAll(async () => {
  await srv.stop();
});

describe('room lifecycle', () => {
  it('unloads a room when its last member leaves, with everything stored and the log compacted', async () => {
    const id = await newDocument(srv.url, owner);
    const a = connect(srv.wsUrl, id, owner.token);
    await synced(a);
    for (let i = 0; i < 12; i++) appendParagraph(a, `第${i}段`);
    await until(async () => (await contentText(srv.url, owner, id)).includes('第11段'), 'all paragraphs stored');
    a.destroy();
    // unloaded whole: stored, compacted (in slices, between other people's typing) and freed
    await until(() => !srv.server.registry.holds(id), 'the room to unload');
    expect(await srv.server.storage.documents.count(id)).toBe(1);
    const b = connect(srv.wsUrl, id, owner.token);
    await synced(b);
    const text = b.fragment.toString();
    for (let i = 0; i < 12; i++) expect(occurrences(text, `第${i}段`)).toBe(1);
    expect(occurrences(text, '参政议政更主动')).toBe(1);
    b.destroy();
  });

  it('serves a client that arrives while the room is unloading', async () => {
    const id = await newDocument(srv.url, owner);
    const a = connect(srv.wsUrl, id, owner.token);
    await synced(a);
    appendParagraph(a, '卸载竞争');
    await until(async () => (await contentText(srv.url, owner, id)).includes('卸载竞争'), 'stored');
    a.destroy();
    const b = connect(srv.wsUrl, id, owner.token);
    await synced(b);
    expect(occurrences(b.fragment.toString(), '卸载竞争')).toBe(1);
    appendParagraph(b, '之后继续');
    await until(async () => (await contentText(srv.url, owner, id)).includes('之后继续'), 'the later edit stored');
    b.destroy();
  });

  it('answers the first reader of a large document from the stored state before the room is built, and the room carries on', async () => {
    const id = await newDocument(srv.url, owner);
    const a = connect(srv.wsUrl, id, owner.token);
    await synced(a);
    // well over the 64 KB from which readers are answered from the store
    for (let i = 0; i < 40; i++) appendParagraph(a, `第${i}段：` + '政协委员深入调研，提出意见建议。'.repeat(60));
    await until(async () => (await contentText(srv.url, owner, id)).includes('第39段'), 'all paragraphs stored');
    a.destroy();
    await until(() => !srv.server.registry.holds(id), 'the room to unload');

    // A fresh client, speaking the protocol by hand to see the order of what arrives.
    const ws = new WebSocket(`${srv.wsUrl}/${id}?token=${owner.token}`);
    const frames: Buffer[] = [];
    ws.on('message', (data: Buffer) => frames.push(data));
    await new Promise((resolve) => ws.on('open', resolve));
    ws.send(Buffer.from([0, 0, 1, 0])); // sync step 1, empty state vector
    await until(() => frames.some((f) => f[0] === 0 && f[1] === 0), "the server's sync step 1");
    const sync = frames.filter((f) => f[0] === 0);
    // answered from the store: the whole state comes before the room (built afterwards) asks for the client's
    expect(sync[0][1]).toBe(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, decoding.readVarUint8Array(decoding.createDecoder(sync[0].subarray(2))));
    const text = replica.getXmlFragment('default').toString();
    for (let i = 0; i < 40; i++) expect(occurrences(text, `第${i}段`)).toBe(1);
    ws.close();

    // The room built meanwhile serves everyone else and takes edits.
    const b = connect(srv.wsUrl, id, owner.token);
    await synced(b);
    expect(occurrences(b.fragment.toString(), '第39段')).toBe(1);
    appendParagraph(b, '加载之后');
    await until(async () => (await contentText(srv.url, owner, id)).includes('加载之后'), 'the later edit stored');
    b.destroy();
  });
});
