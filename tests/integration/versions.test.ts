// Versions with real clients: named and automatic versions, exact diffs
// attributed to the right accounts, restore while someone types, and roles.
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { VersionDto } from '../../shared/api.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, occurrences, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
const clients: CollabClient[] = [];

function open(id: string, user: TestUser): CollabClient {
  const c = connect(srv.wsUrl, id, user.token);
  clients.push(c);
  return c;
}

/** The Y.XmlText of the paragraph whose text contains `needle`. */
function textContaining(c: CollabClient, needle: string): Y.XmlText {
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

const plain = (t: Y.XmlText) =>
  t
    .toDelta()
    .map((d: { insert: string }) => d.insert)
    .join('');

async function named(id: string, user: TestUser, name: string): Promise<string> {
  const res = await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: user.token, body: { name } });
  expect(res.status).toBe(201);
  return res.body.id;
}

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

async function sharedDocument(): Promise<string> {
  const id = await newDocument(srv.url, owner);
  await share(srv.url, owner, id, editor, 'editor');
  await share(srv.url, owner, id, viewer, 'viewer');
  return id;
}

describe('versions', () => {
  it('lists named and automatic versions newest first, with the members who wrote since the one before', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a, '张丽写的');
    await saved(a);
    const first = await named(id, editor, '初稿');
    appendParagraph(b, '王明写的');
    await saved(b);
    // an automatic version follows within the interval of activity
    await until(
      async () => (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body.length >= 2,
      'an automatic version',
      10_000,
    );
    const list = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: viewer.token })).body;
    expect(list.map((v: { kind: string }) => v.kind)).toEqual(['auto', 'named']);
    expect(list[1]).toMatchObject({ id: first, name: '初稿', kind: 'named', createdBy: editor.username });
    expect(list[1].authors.map((p: { username: string }) => p.username)).toEqual([owner.username]);
    expect(list[0]).toMatchObject({ kind: 'auto', name: null, createdBy: null });
    expect(list[0].authors.map((p: { username: string }) => p.username)).toEqual([editor.username]);
    // nothing new: no further automatic version when the last writer leaves
    a.destroy();
    b.destroy();
    await new Promise((r) => setTimeout(r, 1500));
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body).toHaveLength(2);
  });

  it('takes an automatic version when the last editor leaves', async () => {
    const id = await sharedDocument();
    const a = open(id, editor);
    await synced(a);
    appendParagraph(a, '离开之前');
    await saved(a);
    a.destroy();
    await until(async () => (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body.length === 1, 'the version on leaving');
    const [v] = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body;
    const detail = await api(srv.url, 'GET', `/api/documents/${id}/versions/${v.id}`, { token: viewer.token });
    expect(detail.body.text).toContain('离开之前');
    expect(detail.body.html).toContain('离开之前');
  });

  it('diffs two versions exactly: the changed blocks and characters, each attributed to its author', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    const v1 = await named(id, owner, '一稿');
    const lead = textContaining(a, '一是围绕中心工作建言献策');
    lead.insert(plain(lead).indexOf('中心'), '全镇');
    await saved(a);
    await until(() => textContaining(b, '全镇中心').length > 0, 'the insertion at b');
    const second = textContaining(b, '二是结合重点产业开展调研');
    second.delete(plain(second).indexOf('结合'), 2);
    await saved(b);
    appendParagraph(b, '王明新增的一段');
    await saved(b);
    const v2 = await named(id, editor, '二稿');
    const diff = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}/diff?against=${v2}`, { token: viewer.token })).body;
    expect(diff.from.id).toBe(v1);
    expect(diff.to.id).toBe(v2);
    expect(diff.stats).toEqual({ insertedChars: 2 + 7, deletedChars: 2, addedBlocks: 1, removedBlocks: 0, modifiedBlocks: 2 });
    const changed = diff.blocks.filter((blk: { status: string }) => blk.status !== 'equal');
    expect(changed).toHaveLength(3);
    expect(changed[0].segments.filter((s: { op: string }) => s.op !== 'equal')).toEqual([{ op: 'insert', text: '全镇', author: owner.username }]);
    expect(changed[1].segments.filter((s: { op: string }) => s.op !== 'equal')).toEqual([{ op: 'delete', text: '结合', author: editor.username }]);
    expect(changed[2]).toMatchObject({
      status: 'added',
      text: '王明新增的一段',
      segments: [{ op: 'insert', text: '王明新增的一段', author: editor.username }],
    });
    expect(diff.authors.map((p: { username: string }) => p.username).sort()).toEqual([owner.username, editor.username].sort());
    // the same question the other way round, and against the current draft
    const reversed = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v2}/diff?against=${v1}`, { token: owner.token })).body;
    expect(reversed.stats).toEqual(diff.stats);
    const current = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v2}/diff?against=current`, { token: owner.token })).body;
    expect(current.stats).toMatchObject({ insertedChars: 0, deletedChars: 0, modifiedBlocks: 0 });
  });

  it('restores a version as an edit that keeps what another member types meanwhile', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    const v1 = await named(id, owner, '征求意见稿');
    const v1Text = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}`, { token: owner.token })).body.text;
    appendParagraph(a, '之后写的一段');
    await saved(a);
    await until(() => b.fragment.toString().includes('之后写的一段'), "a's paragraph at b");
    // b types on a train through a tunnel while the restore happens, and goes on typing after
    b.provider.disconnect();
    for (let i = 0; i < 5; i++) appendParagraph(b, `离线输入${i}`);
    const restored = await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: editor.token });
    expect(restored.status).toBe(200);
    expect(restored.body.name).toContain('征求意见稿');
    b.provider.connect();
    const typing = (async () => {
      for (let i = 0; i < 10; i++) {
        appendParagraph(b, `并发输入${i}`);
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    await typing;
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString() === b.fragment.toString(), 'convergence');
    const text = await contentText(srv.url, owner, id);
    for (let i = 0; i < 5; i++) expect(occurrences(text, `离线输入${i}`)).toBe(1);
    for (let i = 0; i < 10; i++) expect(occurrences(text, `并发输入${i}`)).toBe(1);
    expect(text).not.toContain('之后写的一段');
    for (const line of v1Text.split('\n')) expect(text).toContain(line);
    // history kept: the state before the restore, and the restored one, are versions
    const names = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body.map((v: { name: string | null }) => v.name);
    expect(names[0]).toContain('征求意见稿');
    expect(names).toContain('征求意见稿');
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('restores exactly when nobody else types', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    const v1 = await named(id, owner, '原样');
    const v1Text = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}`, { token: owner.token })).body.text;
    textContaining(a, '一是围绕').insert(0, '改动');
    appendParagraph(a, '新的段落');
    await saved(a);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    expect(await contentText(srv.url, owner, id)).toBe(v1Text);
    await until(() => !a.fragment.toString().includes('新的段落'), 'the restore at the connected client');
  });

  it('tells everyone with the document open who restored which version, and which version keeps what was replaced', async () => {
    const id = await sharedDocument();
    const v1 = await named(id, owner, '初稿');
    const a = open(id, editor);
    await synced(a);
    appendParagraph(a, '王明刚写的一段');
    await saved(a);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    await until(() => a.events.some((e) => e.type === 'restored'), 'the restore to be announced');
    const event = a.events.find((e) => e.type === 'restored');
    if (event?.type !== 'restored') throw new Error('no restore event');
    expect(event.by).toMatchObject({ username: owner.username, displayName: '张丽' });
    expect(event.version).toMatchObject({ id: v1, name: '初稿' });
    expect(event.backup?.kind).toBe('auto');
    expect(event.replayed).toBeUndefined();
    const versions = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: editor.token })).body as VersionDto[];
    // named in Chinese for the API, and what it brought back as data, for a UI in any language to word
    expect(versions.find((v) => v.id === event.id)).toMatchObject({
      name: '恢复到“初稿”',
      kind: 'named',
      restoredFrom: { id: v1, name: '初稿', kind: 'named' },
    });
    expect(versions.find((v) => v.id === v1)?.restoredFrom).toBeNull();
    // an editor who connects afterwards is told of the last restore again, marked as repeated (news only to one who was away)
    const late = open(id, viewer);
    try {
      await synced(late);
      await until(() => late.events.some((e) => e.type === 'restored'), 'the restore to be repeated');
      expect(late.events.find((e) => e.type === 'restored')).toMatchObject({ id: event.id, replayed: true, version: { id: v1 } });
    } finally {
      late.destroy();
    }
    const backup = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${event.backup!.id}`, { token: editor.token })).body;
    expect(backup.text).toContain('王明刚写的一段');
    expect(await contentText(srv.url, owner, id)).not.toContain('王明刚写的一段');
    // restored again with nothing changed since: the last version already holds the text
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    await until(() => a.events.filter((e) => e.type === 'restored').length === 2, 'the second restore to be announced');
    const second = a.events.filter((e) => e.type === 'restored').at(-1);
    expect(second?.type === 'restored' && second.backup?.name).toBe('恢复到“初稿”');
  });

  it('lets a viewer read and compare versions but not create or restore them; bad ids get 404 and 400', async () => {
    const id = await sharedDocument();
    const v1 = await named(id, owner, '一稿');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: viewer.token, body: { name: 'x' } })).status).toBe(403);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: viewer.token })).status).toBe(403);
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}/diff?against=current`, { token: viewer.token })).status).toBe(200);
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions/AAAAAAAAAAAAAAAA`, { token: owner.token })).status).toBe(404);
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}/diff?against=nope`, { token: owner.token })).status).toBe(404);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '' } })).status).toBe(400);
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions?limit=0`, { token: owner.token })).status).toBe(400);
    const outsider = await newUser(srv.url);
    expect((await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: outsider.token })).status).toBe(403);
  });

  it('shows in a version the comment threads whose passage it contains', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    const kept = (await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '参政议政更主动', body: '保留' } })).body.id;
    const gone = (await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '开展专项摸底', body: '会被删' } })).body.id;
    const before = await named(id, owner, '删之前');
    const lead = textContaining(a, '开展专项摸底');
    lead.delete(plain(lead).indexOf('开展专项摸底'), 6);
    await saved(a);
    const after = await named(id, owner, '删之后');
    const inBefore = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${before}`, { token: viewer.token })).body.comments;
    const inAfter = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${after}`, { token: viewer.token })).body.comments;
    expect(inBefore.map((c: { threadId: string }) => c.threadId).sort()).toEqual([kept, gone].sort());
    expect(inAfter).toEqual([{ threadId: kept, quote: '参政议政更主动', resolved: false }]);
  });

  it('pages through hundreds of versions', async () => {
    const id = await sharedDocument();
    for (let i = 0; i < 120; i++) await named(id, owner, `第${i}版`);
    const page1 = (await api(srv.url, 'GET', `/api/documents/${id}/versions?limit=50`, { token: owner.token })).body;
    const page2 = (await api(srv.url, 'GET', `/api/documents/${id}/versions?limit=50&before=${page1[49].id}`, { token: owner.token })).body;
    const page3 = (await api(srv.url, 'GET', `/api/documents/${id}/versions?limit=50&before=${page2[49].id}`, { token: owner.token })).body;
    const names = [...page1, ...page2, ...page3].map((v: { name: string }) => v.name);
    expect(names).toEqual(Array.from({ length: 120 }, (_, i) => `第${119 - i}版`));
  });

  it("never stores changes written in another member's name, and keeps the forwarder connected", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    appendParagraph(a, '张丽的字');
    await saved(a);
    // a forged update that reuses alice's client id, sent by bob
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
    // taken after loading alice's changes, so Yjs does not pick another id for the forger
    forged.clientID = a.doc.clientID;
    const before = Y.encodeStateVector(forged);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('冒名的字')]);
    forged.getXmlFragment('default').insert(0, [p]);
    const bob = open(id, editor);
    await synced(bob);
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(forged, before));
    await saved(bob);
    appendParagraph(bob, '王明自己的字');
    await saved(bob);
    expect(bob.closeCodes).toEqual([]);
    const text = await contentText(srv.url, owner, id);
    expect(text).not.toContain('冒名的字');
    expect(text).toContain('王明自己的字');
    // alice goes on writing under her client id: nothing of hers was taken
    appendParagraph(a, '张丽接着写');
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toContain('张丽接着写');
  });

  it("takes a reopened local copy that carries everyone's changes without refusing anyone", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a, '甲的段落');
    appendParagraph(b, '乙的段落');
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString().includes('乙的段落'), "bob's paragraph at alice");
    // alice's copy (as IndexedDB keeps it), loaded into a live provider after it connected: the
    // whole state goes out as one update, bob's structs included
    const copy = Y.encodeStateAsUpdate(a.doc);
    const again = open(id, owner);
    await synced(again);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, copy);
    replay.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(replay));
    await saved(again);
    appendParagraph(b, '乙又写了');
    await saved(b);
    expect(again.closeCodes).toEqual([]);
    expect(b.closeCodes).toEqual([]);
    expect(await contentText(srv.url, owner, id)).toContain('乙又写了');
  });
});
