// 修订 through the API with a real server: listing the suggestions a document
// holds, accepting and rejecting them (one, or all of one author's) as a change
// everyone sees, who may, and approval waiting until none is left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, contentText, newUser, type TestUser, sharedDocument as sharedWith } from '../helpers/api.js';
import { clientsPerTest, type CollabClient, saved, synced, until } from '../helpers/collabClient.js';
import { suggest } from '../helpers/suggestionEdits.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let outsider: TestUser;
const open = clientsPerTest(() => srv);

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, commenter, viewer, outsider] = await Promise.all(['张丽', '王明', '赵强', '李红', '外人'].map((n) => newUser(srv.url, n)));
});
afterAll(async () => {
  await srv.stop();
});

const sharedDocument = (): Promise<string> =>
  sharedWith(srv.url, owner, [
    [editor, 'editor'],
    [commenter, 'commenter'],
    [viewer, 'viewer'],
  ]);

const list = async (id: string, user = owner) => api(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: user.token });
const review = (id: string, sid: string, decision: string, user = editor) =>
  api(srv.url, 'POST', `/api/documents/${id}/suggestions/${sid}/${decision}`, { token: user.token });

/** A document with an insertion (after 一是围绕) and a deletion (服务发展更务实) by the commenter, and its text before them. */
async function withSuggestions(): Promise<{ id: string; c: CollabClient; before: string; ins: string; del: string }> {
  const id = await sharedDocument();
  const before = await contentText(srv.url, owner, id);
  const c = open(id, editor);
  await synced(c);
  const ins = suggest(c, 'insert', '一是围绕', commenter.username, '新增文字');
  const del = suggest(c, 'delete', '服务发展更务实', commenter.username);
  await saved(c);
  return { id, c, before, ins, del };
}

describe('suggestions', () => {
  it('lists the suggestions in document order', async () => {
    const { id, before, ins, del } = await withSuggestions();
    const res = await list(id, viewer);
    expect(res.status).toBe(200);
    const texts = before.split('\n');
    const insFirst = texts.findIndex((l) => l.includes('一是围绕')) <= texts.findIndex((l) => l.includes('服务发展更务实'));
    const expected = [
      { id: ins, author: commenter.username, kind: 'insert', text: '新增文字', createdAt: expect.stringMatching(/^2026-12-07T08:00:\d\d\.000Z$/) },
      { id: del, author: commenter.username, kind: 'delete', text: '服务发展更务实', createdAt: expect.stringMatching(/^2026-12-07T08:00:\d\d\.000Z$/) },
    ];
    expect(res.body).toEqual(insFirst ? expected : expected.reverse());
    // the agreed text does not show them yet
    expect(await contentText(srv.url, owner, id)).toBe(before);
  });

  it('accepts an insertion and a deletion, changing nothing else, seen by a connected client with the event', async () => {
    const { id, before, ins, del } = await withSuggestions();
    const other = open(id, owner);
    await synced(other);
    const accepted = await review(id, ins, 'accept');
    expect(accepted.status).toBe(200);
    expect(accepted.body.map((s: { id: string }) => s.id)).toEqual([del]);
    expect(await contentText(srv.url, owner, id)).toBe(before.replace('一是围绕', '一是围绕新增文字'));
    await until(
      () => other.fragment.toString().includes('新增文字') && !other.fragment.toString().includes('suggestionInsert'),
      'the accepted insertion at the other client',
    );
    await until(() => other.events.some((e) => e.type === 'suggestions'), 'the suggestions event');
    expect((await review(id, del, 'accept', owner)).status).toBe(200);
    expect(await contentText(srv.url, owner, id)).toBe(before.replace('一是围绕', '一是围绕新增文字').replace('服务发展更务实', ''));
    await until(() => !other.fragment.toString().includes('服务发展更务实'), 'the accepted deletion at the other client');
    expect((await list(id)).body).toEqual([]);
  });

  it('rejects an insertion and a deletion, leaving the text as it was', async () => {
    const { id, c, before, ins, del } = await withSuggestions();
    expect((await review(id, ins, 'reject')).status).toBe(200);
    expect((await review(id, del, 'reject')).status).toBe(200);
    expect((await list(id)).body).toEqual([]);
    expect(await contentText(srv.url, owner, id)).toBe(before);
    await until(() => !c.fragment.toString().includes('新增文字') && c.fragment.toString().includes('服务发展更务实'), 'the rejections at the client');
    expect(c.fragment.toString()).not.toMatch(/suggestion/);
  });

  it("accepts all of one author's suggestions, and rejects all the rest", async () => {
    const { id, c, before, del } = await withSuggestions();
    const other = suggest(c, 'insert', '一是围绕', editor.username, '编辑的话');
    await saved(c);
    const res = await api(srv.url, 'POST', `/api/documents/${id}/suggestions/accept-all`, { token: owner.token, body: { author: editor.username } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accepted: 1 });
    const left = (await list(id)).body.map((s: { id: string }) => s.id);
    expect(left).toHaveLength(2);
    expect(left).toContain(del);
    expect(left).not.toContain(other);
    expect(await contentText(srv.url, owner, id)).toContain('编辑的话');
    const rest = await api(srv.url, 'POST', `/api/documents/${id}/suggestions/reject-all`, { token: editor.token });
    expect(rest.body).toEqual({ rejected: 2 });
    expect((await list(id)).body).toEqual([]);
    expect(await contentText(srv.url, owner, id)).toBe(before.replace('一是围绕', '一是围绕编辑的话'));
  });

  it('lets only owners and editors review, members read, and answers 404 for an unknown suggestion', async () => {
    const { id, ins } = await withSuggestions();
    for (const user of [commenter, viewer, outsider]) {
      expect((await review(id, ins, 'accept', user)).status).toBe(403);
      expect((await review(id, ins, 'reject', user)).status).toBe(403);
      expect((await api(srv.url, 'POST', `/api/documents/${id}/suggestions/accept-all`, { token: user.token })).status).toBe(403);
    }
    expect((await list(id, commenter)).status).toBe(200);
    expect((await list(id, outsider)).status).toBe(403);
    const unknown = await review(id, 'no-such-suggestion', 'accept');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('suggestion_not_found');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/suggestions/accept-all`, { token: owner.token, body: { author: 42 } })).status).toBe(400);
    expect((await list(id)).body).toHaveLength(2);
  });

  it('refuses approval while suggestions are pending, and reviews on an approved document', async () => {
    const { id, ins } = await withSuggestions();
    const refused = await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('pending_suggestions');
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: owner.token })).body.status).not.toBe('approved');
    // still editable: nothing was frozen
    expect((await review(id, ins, 'reject')).status).toBe(200);
    const rest = await api(srv.url, 'POST', `/api/documents/${id}/suggestions/accept-all`, { token: owner.token });
    expect(rest.body).toEqual({ accepted: 1 });
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    const late = await api(srv.url, 'POST', `/api/documents/${id}/suggestions/reject-all`, { token: owner.token });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('document_approved');
  });
});
