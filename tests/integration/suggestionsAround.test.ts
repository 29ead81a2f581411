// 修订 taking part in everything else, with a real server and stock clients:
// a comment anchored inside a suggested insertion keeps its passage when the
// insertion is accepted and is orphaned (as any deleted passage) when it is
// rejected; a version taken while suggestions were pending brings them back
// when restored, the same ids and authors; versions and diffs show them; a
// section's 字数 counts only what is agreed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, contentText, newUser, type TestUser, sharedDocument as sharedWith } from '../helpers/api.js';
import { clientsPerTest, saved, synced, until } from '../helpers/collabClient.js';
import { suggest } from '../helpers/suggestionEdits.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
const open = clientsPerTest(() => srv);

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, commenter] = await Promise.all(['张丽', '王明', '赵强'].map((n) => newUser(srv.url, n)));
});
afterAll(async () => {
  await srv.stop();
});

const sharedDocument = (): Promise<string> =>
  sharedWith(srv.url, owner, [
    [editor, 'editor'],
    [commenter, 'commenter'],
  ]);

const get = (path: string, user = owner) => api(srv.url, 'GET', path, { token: user.token });
const post = (path: string, body?: unknown, user = owner) => api(srv.url, 'POST', path, { token: user.token, body });
const suggestions = async (id: string) => (await get(`/api/documents/${id}/suggestions`)).body as { id: string; author: string; kind: string; text: string }[];
const thread = async (id: string, threadId: string) =>
  ((await get(`/api/documents/${id}/comments`)).body as { id: string; quote: string; orphaned: boolean; anchor: unknown }[]).find((t) => t.id === threadId);

/** A document with the commenter's insertion 关于基层协商的 after 一是围绕, and a thread by the owner on 基层协商 inside it. */
async function commentInInsertion() {
  const id = await sharedDocument();
  const c = open(id, editor);
  await synced(c);
  const ins = suggest(c, 'insert', '一是围绕', commenter.username, '关于基层协商的');
  await saved(c);
  const res = await post(`/api/documents/${id}/comments`, { quote: '基层协商', body: '请补充数据' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.quote).toBe('基层协商');
  return { id, c, ins, threadId: res.body.id as string };
}

describe('comments on suggested text', () => {
  it('keep their passage and quote when the insertion is accepted', async () => {
    const { id, c, ins, threadId } = await commentInInsertion();
    expect(await thread(id, threadId)).toMatchObject({ quote: '基层协商', orphaned: false });
    expect((await post(`/api/documents/${id}/suggestions/${ins}/accept`)).status).toBe(200);
    await until(() => !c.fragment.toString().includes('suggestionInsert'), 'the acceptance at the client');
    expect(await contentText(srv.url, owner, id)).toContain('一是围绕关于基层协商的');
    expect(await thread(id, threadId)).toMatchObject({ quote: '基层协商', orphaned: false });
    expect((await thread(id, threadId))?.anchor).not.toBeNull();
  });

  it('are orphaned, keeping the words, when the insertion is rejected, as when any passage is deleted', async () => {
    const { id, c, ins, threadId } = await commentInInsertion();
    expect((await post(`/api/documents/${id}/suggestions/${ins}/reject`)).status).toBe(200);
    await until(() => !c.fragment.toString().includes('基层协商'), 'the rejection at the client');
    expect(await thread(id, threadId)).toMatchObject({ quote: '基层协商', orphaned: true, anchor: null });
    // the thread is still there to read and answer
    expect((await post(`/api/documents/${id}/comments/${threadId}/replies`, { body: '已撤回' })).status).toBe(201);
  });
});

describe('versions of suggested text', () => {
  it.each(['accept-all', 'reject-all'])(
    'a restore brings back the suggestions pending when the version was taken, with their ids and authors (after %s)',
    async (decision) => {
      const id = await sharedDocument();
      const c = open(id, editor);
      await synced(c);
      const ins = suggest(c, 'insert', '一是围绕', commenter.username, '新增文字');
      const del = suggest(c, 'delete', '服务发展更务实', editor.username);
      await saved(c);
      const pending = await suggestions(id);
      expect(pending.map((s) => s.id).sort()).toEqual([ins, del].sort());
      const version = await post(`/api/documents/${id}/versions`, { name: '修订中' });
      expect(version.status).toBe(201);
      expect((await post(`/api/documents/${id}/suggestions/${decision}`)).status).toBe(200);
      expect(await suggestions(id)).toEqual([]);
      expect((await post(`/api/documents/${id}/versions/${version.body.id}/restore`)).status).toBe(200);
      await until(() => c.fragment.toString().includes('suggestionInsert'), 'the restored suggestions at the client');
      expect(await suggestions(id)).toEqual(pending);
      // and the agreed text is the version's again
      expect(await contentText(srv.url, owner, id)).toBe((await get(`/api/documents/${id}/versions/${version.body.id}`)).body.text);
    },
  );

  it('a version shows its pending suggestions, and a diff shows them arriving and being accepted', async () => {
    const id = await sharedDocument();
    const c = open(id, editor);
    await synced(c);
    const before = (await post(`/api/documents/${id}/versions`, { name: '一稿' })).body.id as string;
    const ins = suggest(c, 'insert', '一是围绕', commenter.username, '新增文字');
    await saved(c);
    const pending = (await post(`/api/documents/${id}/versions`, { name: '修订中' })).body.id as string;
    // the version's own text: agreed in `text`, the suggestion marked in `html`, its author named
    const detail = (await get(`/api/documents/${id}/versions/${pending}`)).body;
    expect(detail.text).not.toContain('新增文字');
    expect(detail.html).toContain(`<ins data-author="${commenter.username}"`);
    expect(detail.suggestionAuthors).toEqual([expect.objectContaining({ username: commenter.username, displayName: '赵强' })]);
    // arriving: a change of no agreed text
    const arrived = (await get(`/api/documents/${id}/versions/${before}/diff?against=${pending}`)).body;
    expect(arrived.stats).toMatchObject({ insertedChars: 0, deletedChars: 0, modifiedBlocks: 1, newSuggestions: 1 });
    const suggested = arrived.blocks.flatMap((b: { segments: { suggestion: unknown }[] }) => b.segments).filter((s: { suggestion: unknown }) => s.suggestion);
    expect(suggested).toEqual([
      { op: 'equal', text: '新增文字', author: null, suggestion: { kind: 'insert', id: ins, author: commenter.username, arrived: true } },
    ]);
    expect(arrived.authors.map((p: { username: string }) => p.username)).toContain(commenter.username);
    // accepted: inserted text, by who wrote it (the client that typed it was the editor's)
    expect((await post(`/api/documents/${id}/suggestions/${ins}/accept`)).status).toBe(200);
    const accepted = (await get(`/api/documents/${id}/versions/${pending}/diff?against=current`)).body;
    expect(accepted.stats).toMatchObject({ insertedChars: 4, deletedChars: 0, newSuggestions: 0 });
    const inserted = accepted.blocks.flatMap((b: { segments: { op: string }[] }) => b.segments).filter((s: { op: string }) => s.op !== 'equal');
    expect(inserted).toEqual([{ op: 'insert', text: '新增文字', author: editor.username, suggestion: null }]);
  });
});

describe('字数 of suggested text', () => {
  it("a section's chars count the agreed text: a suggested insertion once accepted, a suggested deletion until then", async () => {
    const id = await sharedDocument();
    const c = open(id, editor);
    await synced(c);
    const chars = async () => {
      const list = (await get(`/api/documents/${id}/sections`)).body as { title: string; chars: number }[];
      return list.find((s) => s.title === '参政议政更主动')!.chars;
    };
    const before = await chars();
    const ins = suggest(c, 'insert', '一是围绕', commenter.username, '新增文字');
    const del = suggest(c, 'delete', '一是围绕', commenter.username);
    await saved(c);
    expect(await chars()).toBe(before);
    expect((await post(`/api/documents/${id}/suggestions/${ins}/accept`)).status).toBe(200);
    expect(await chars()).toBe(before + 4);
    expect((await post(`/api/documents/${id}/suggestions/${del}/accept`)).status).toBe(200);
    expect(await chars()).toBe(before + 4 - 4);
  });
});
