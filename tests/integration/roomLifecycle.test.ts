// Rooms unload when idle, after storing and compacting, and load again intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await until(() => srv.server.registry.peek(id) === null, 'the room to unload');
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
});
