// Versions with real clients: named and automatic versions, exact diffs
// attributed to the right accounts, what a viewer may do, comments, paging.
import { describe, expect, it } from 'vitest';
import { api, newUser } from '../helpers/api.js';
import { appendParagraph, saved, synced, until } from '../helpers/collabClient.js';
import { editor, named, open, owner, plain, sharedDocument, srv, textContaining, useVersionsServer, viewer } from './versionsServer.js';

useVersionsServer();

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
    expect(diff.stats).toEqual({ insertedChars: 2 + 7, deletedChars: 2, addedBlocks: 1, removedBlocks: 0, modifiedBlocks: 2, newSuggestions: 0 });
    const changed = diff.blocks.filter((blk: { status: string }) => blk.status !== 'equal');
    expect(changed).toHaveLength(3);
    expect(changed[0].segments.filter((s: { op: string }) => s.op !== 'equal')).toEqual([
      { op: 'insert', text: '全镇', author: owner.username, suggestion: null },
    ]);
    expect(changed[1].segments.filter((s: { op: string }) => s.op !== 'equal')).toEqual([
      { op: 'delete', text: '结合', author: editor.username, suggestion: null },
    ]);
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
});
