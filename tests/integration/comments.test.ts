// Comments with real clients: threads appear live, anchors follow their words
// through concurrent edits, a split and a join, deleted passages orphan their
// threads, commenters comment but never write, mentions notify the right person.
import type { JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { rewriteBody, textContaining } from '../helpers/bodyEdits.js';
import { appendParagraph, clientsPerTest, saved, synced, until } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let commenter: TestUser;
let viewer: TestUser;

const open = clientsPerTest(() => srv);

const textOf = (b: JSONContent) => (b.content ?? []).map((n) => n.text ?? '').join('');
const para = (t: string): JSONContent => ({ type: 'paragraph', attrs: { textAlign: null }, content: t ? [{ type: 'text', text: t }] : [] });

async function thread(id: string, threadId: string) {
  const list = await api(srv.url, 'GET', `/api/documents/${id}/comments`, { token: owner.token });
  return list.body.find((t: { id: string }) => t.id === threadId);
}

async function sharedDocument(): Promise<string> {
  const id = await newDocument(srv.url, owner);
  await share(srv.url, owner, id, editor, 'editor');
  await share(srv.url, owner, id, commenter, 'commenter');
  await share(srv.url, owner, id, viewer, 'viewer');
  return id;
}

async function comment(id: string, user: TestUser, quote: string, body: string): Promise<string> {
  const res = await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: user.token, body: { quote, body } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, commenter, viewer] = await Promise.all(['张丽', '王明', '陈静', '李红'].map((n) => newUser(srv.url, n)));
});
afterAll(async () => {
  await srv.stop();
});

describe('comments', () => {
  it('shows a thread added over REST to connected members at once, without changing the body', async () => {
    const id = await sharedDocument();
    const v = open(id, viewer);
    await synced(v);
    const before = v.fragment.toString();
    const threadId = await comment(id, commenter, '服务发展更务实', '请补充招商引资的具体数据');
    await until(() => v.events.some((e) => e.type === 'comments'), 'the comments event');
    expect(v.fragment.toString()).toBe(before);
    const t = await thread(id, threadId);
    expect(t).toMatchObject({
      quote: '服务发展更务实',
      body: '请补充招商引资的具体数据',
      resolved: false,
      orphaned: false,
      author: { username: commenter.username },
    });
    expect(t.anchor).toEqual({ start: expect.anything(), end: expect.anything() });
  });

  it('keeps the thread on its words through concurrent edits, a split and a join of the paragraph', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    const threadId = await comment(id, editor, '围绕中心工作建言献策', '这一段要具体');
    // concurrent: a types before the passage while b types inside it
    rewriteBody(a, (blocks) =>
      blocks.map((blk) => (textOf(blk).startsWith('一是围绕') ? { ...blk, content: [{ type: 'text', text: '（新）' }, ...(blk.content ?? [])] } : blk)),
    );
    rewriteBody(b, (blocks) =>
      blocks.map((blk) => {
        const t = textOf(blk);
        return t.includes('围绕中心工作') ? { ...blk, content: [{ type: 'text', text: t.replace('中心工作', '中心重点工作') }] } : blk;
      }),
    );
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString() === b.fragment.toString(), 'convergence');
    expect((await thread(id, threadId)).quote).toBe('围绕中心重点工作建言献策');
    // a splits the paragraph inside the passage, then joins it again
    const split = (blocks: JSONContent[]) =>
      blocks.flatMap((blk) => {
        const t = textOf(blk);
        const at = t.indexOf('重点');
        return at >= 0 && blk.type === 'paragraph' ? [para(t.slice(0, at)), para(t.slice(at))] : [blk];
      });
    rewriteBody(a, split);
    await saved(a);
    expect((await thread(id, threadId)).quote).toBe('围绕中心\n重点工作建言献策');
    rewriteBody(a, (blocks) => {
      const i = blocks.findIndex((blk) => textOf(blk).endsWith('围绕中心'));
      return [...blocks.slice(0, i), para(textOf(blocks[i]) + textOf(blocks[i + 1])), ...blocks.slice(i + 2)];
    });
    await saved(a);
    const after = await thread(id, threadId);
    expect(after).toMatchObject({ quote: '围绕中心重点工作建言献策', orphaned: false });
  });

  it('orphans, never drops, a thread whose passage is deleted, keeping the words it last had', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    const threadId = await comment(id, owner, '开展专项摸底', '摸底对象写清楚');
    await until(() => a.events.filter((e) => e.type === 'comments').length === 1, 'the event for the new thread');
    rewriteBody(a, (blocks) => blocks.filter((blk) => !textOf(blk).includes('开展专项摸底')));
    await saved(a);
    // editors are told, without asking, that a passage went away
    await until(() => a.events.filter((e) => e.type === 'comments').length === 2, 'the event for the orphaned thread');
    const t = await thread(id, threadId);
    expect(t).toMatchObject({ orphaned: true, quote: '开展专项摸底', anchor: null, body: '摸底对象写清楚' });
  });

  it('lets a commenter comment, reply and resolve while their body changes are dropped', async () => {
    const id = await sharedDocument();
    const c = open(id, commenter);
    const e = open(id, editor);
    await Promise.all([synced(c), synced(e)]);
    appendParagraph(c, '批注者想改正文');
    const threadId = await comment(id, commenter, '联络联谊更广泛', '建议补充联谊活动次数');
    expect(
      (await api(srv.url, 'POST', `/api/documents/${id}/comments/${threadId}/replies`, { token: editor.token, body: { body: '好的，已补充' } })).status,
    ).toBe(201);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/comments/${threadId}/resolve`, { token: commenter.token })).status).toBe(200);
    let t = await thread(id, threadId);
    expect(t).toMatchObject({ resolved: true, resolvedBy: { username: commenter.username } });
    expect(t.replies.map((r: { body: string; author: { username: string } }) => [r.body, r.author.username])).toEqual([['好的，已补充', editor.username]]);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/comments/${threadId}/reopen`, { token: owner.token })).status).toBe(200);
    t = await thread(id, threadId);
    expect(t.resolved).toBe(false);
    expect(await contentText(srv.url, owner, id)).not.toContain('批注者想改正文');
    expect(e.fragment.toString()).not.toContain('批注者想改正文');
  });

  it('notifies exactly the mentioned members, who can mark it read', async () => {
    const id = await sharedDocument();
    const e = open(id, editor);
    await synced(e);
    const threadId = await comment(id, owner, '委员活动更多样', `@${editor.username} 请核对参加人数，@${viewer.username} 知悉，@nobody 无此人`);
    await until(() => e.events.some((ev) => ev.type === 'notifications'), 'the notification event at the editor');
    const forEditor = (await api(srv.url, 'GET', '/api/notifications', { token: editor.token })).body;
    expect(forEditor.unread).toBe(1);
    expect(forEditor.items[0]).toMatchObject({ threadId, document: { id }, actor: { username: owner.username }, read: false });
    expect(forEditor.items[0].excerpt).toContain('请核对参加人数');
    expect((await api(srv.url, 'GET', '/api/notifications', { token: viewer.token })).body.unread).toBe(1);
    expect((await api(srv.url, 'GET', '/api/notifications', { token: commenter.token })).body.unread).toBe(0);
    expect((await api(srv.url, 'GET', '/api/notifications', { token: owner.token })).body.unread).toBe(0);
    // a reply mentioning the owner notifies the owner
    await api(srv.url, 'POST', `/api/documents/${id}/comments/${threadId}/replies`, { token: editor.token, body: { body: `@${owner.username} 已核对` } });
    expect((await api(srv.url, 'GET', '/api/notifications', { token: owner.token })).body.unread).toBe(1);
    expect((await api(srv.url, 'POST', '/api/notifications/read', { token: editor.token, body: {} })).status).toBe(204);
    expect((await api(srv.url, 'GET', '/api/notifications', { token: editor.token })).body.unread).toBe(0);
  });

  it('keeps what people write as text, and refuses bad input with clear errors', async () => {
    const id = await sharedDocument();
    const xss = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    const threadId = await comment(id, owner, '参政议政更主动', xss);
    expect((await thread(id, threadId)).body).toBe(xss);
    const bad = async (body: unknown, status: number, code?: string, token = owner.token) => {
      const res = await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token, body });
      expect(res.status, JSON.stringify(res.body)).toBe(status);
      if (code) expect(res.body.error.code).toBe(code);
    };
    await bad({ quote: '参政议政', body: '' }, 400);
    await bad({ quote: '参政议政', body: '长'.repeat(100_000) }, 400);
    await bad({ quote: '文中没有这些字', body: 'x' }, 404, 'quote_not_found');
    await bad({ body: 'x' }, 400);
    await bad({ quote: '参政议政', body: 'x' }, 403, undefined, viewer.token);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/comments/AAAAAAAAAAAAAAAA/replies`, { token: owner.token, body: { body: 'x' } })).status).toBe(
      404,
    );
    expect((await api(srv.url, 'POST', `/api/documents/${id}/comments/${threadId}/resolve`, { token: viewer.token })).status).toBe(403);
  });

  it("anchors to an editor's selection given as relative positions, and submits for review", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    const text = textContaining(a, '民主监督更有效');
    const at = text.toString().indexOf('民主监督');
    const anchor = {
      start: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at)),
      end: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at + 4, -1)),
    };
    const res = await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { anchor, body: '选中的文字' } });
    expect(res.status).toBe(201);
    expect(res.body.quote).toBe('民主监督');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: viewer.token })).status).toBe(403);
    const submitted = await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: editor.token });
    expect(submitted.body.status).toBe('in_review');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: editor.token })).status).toBe(409);
    await until(() => a.events.some((e) => e.type === 'document'), 'the document event');
  });
});
