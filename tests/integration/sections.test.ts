// 分工 through the API with real clients: the sections of the live document,
// assigning and statuses by role, notifications of new assignees, the live
// 'sections' event, and a section's identity through edits, renumbering, a
// move, a split, deletion and a restore, and across a restart.
import type { JSONContent } from '@tiptap/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SectionDto } from '../../shared/api.js';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { rewriteBody } from '../helpers/bodyEdits.js';
import { clientsPerTest, saved, synced, until } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let second: TestUser;
let commenter: TestUser;
let viewer: TestUser;
let stranger: TestUser;

const open = clientsPerTest(() => srv);

async function sections(id: string, user: TestUser = owner, query = ''): Promise<SectionDto[]> {
  const res = await api(srv.url, 'GET', `/api/documents/${id}/sections${query}`, { token: user.token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

const put = (id: string, sectionId: string, user: TestUser, body: unknown) =>
  api(srv.url, 'PUT', `/api/documents/${id}/sections/${sectionId}`, { token: user.token, body });

const textOf = (b: JSONContent) => (b.content ?? []).map((n) => n.text ?? '').join('');
const isHeadingNamed = (title: string) => (b: JSONContent) => b.type === 'heading' && textOf(b) === title;
const byTitle = (list: SectionDto[], title: string) => list.find((s) => s.title === title)!;

async function sharedDocument(): Promise<string> {
  const id = await newDocument(srv.url, owner);
  await share(srv.url, owner, id, editor, 'editor');
  await share(srv.url, owner, id, second, 'editor');
  await share(srv.url, owner, id, commenter, 'commenter');
  await share(srv.url, owner, id, viewer, 'viewer');
  return id;
}

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, second, commenter, viewer, stranger] = await Promise.all(['张丽', '王明', '刘洋', '陈静', '李红', '赵强'].map((n) => newUser(srv.url, n)));
});
afterAll(async () => {
  await srv?.stop();
});

describe('the sections of a document', () => {
  it('lists every 一、 and （一） section of the template in order, with numbers, 字数 and stable ids', async () => {
    const id = await sharedDocument();
    const list = await sections(id);
    expect(list.length).toBeGreaterThanOrEqual(5);
    expect(list.filter((s) => s.level === 1).map((s) => s.number)).toEqual(
      ['一、', '二、', '三、', '四、', '五、'].slice(0, list.filter((s) => s.level === 1).length),
    );
    for (const s of list) {
      expect(s).toMatchObject({ assignees: [], people: [], status: 'todo', due: null, openThreads: 0, overdue: false });
      expect(s.id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(s.chars).toBeGreaterThanOrEqual(0);
    }
    expect(new Set(list.map((s) => s.id)).size).toBe(list.length);
    expect((await sections(id, viewer)).map((s) => s.id)).toEqual(list.map((s) => s.id));
  });

  it('counts a section’s 字数 and open threads in its body, a first-level section holding its second-level ones', async () => {
    const id = await sharedDocument();
    const c = open(id, owner);
    await synced(c);
    const [first] = await sections(id);
    rewriteBody(c, (blocks) => {
      const at = blocks.findIndex(isHeadingNamed(first.title));
      blocks.splice(at + 1, 0, { type: 'paragraph', content: [{ type: 'text', text: '全年开展视察调研12次' }] });
      return blocks;
    });
    await saved(c);
    const thread = await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: commenter.token, body: { quote: '视察调研', body: '请核实次数' } });
    expect(thread.status).toBe(201);
    const after = byTitle(await sections(id), first.title);
    // 全年开展视察调研 (8) + 12 (one word) + 次 (1), plus whatever the template holds there
    expect(after.chars - first.chars).toBe(10);
    expect(after.openThreads).toBe(1);
    await api(srv.url, 'POST', `/api/documents/${id}/comments/${thread.body.id}/resolve`, { token: owner.token });
    expect(byTitle(await sections(id), first.title).openThreads).toBe(0);
  });
});

describe('assigning', () => {
  it('assigns a section with a due date, notifies the new assignee once, and tells open editors live', async () => {
    const id = await sharedDocument();
    const watcher = open(id, viewer);
    await synced(watcher);
    const [target] = await sections(id);
    const res = await put(id, target.id, owner, { assignees: [editor.username, second.username], due: '2026-12-20' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ id: target.id, assignees: [editor.username, second.username], due: '2026-12-20', status: 'todo' });
    expect(res.body.people.map((p: { displayName: string }) => p.displayName)).toEqual(['王明', '刘洋']);
    await until(() => watcher.events.some((e) => e.type === 'sections'), 'the sections event');

    const mine = await api(srv.url, 'GET', '/api/notifications', { token: editor.token });
    const assigned = mine.body.items.filter((n: { kind: string }) => n.kind === 'assigned');
    expect(assigned).toHaveLength(1);
    expect(assigned[0]).toMatchObject({ sectionId: target.id, threadId: null, excerpt: `${target.number}${target.title}`, document: { id } });
    expect(assigned[0].actor.displayName).toBe('张丽');
    // assigning again (a due date change, the same people) notifies nobody anew
    await put(id, target.id, owner, { assignees: [editor.username, second.username], due: '2026-12-25' });
    const again = await api(srv.url, 'GET', '/api/notifications', { token: editor.token });
    expect(again.body.items.filter((n: { kind: string }) => n.kind === 'assigned')).toHaveLength(1);
    // the owner assigning themselves is not told about it
    await put(id, target.id, owner, { assignees: [owner.username] });
    const own = await api(srv.url, 'GET', '/api/notifications', { token: owner.token });
    expect(own.body.items.filter((n: { kind: string }) => n.kind === 'assigned')).toHaveLength(0);
  });

  it('lets the owner and the section’s assignees set its status, and the owner and editors assign', async () => {
    const id = await sharedDocument();
    const [a, b] = await sections(id);
    expect((await put(id, a.id, editor, { assignees: [second.username] })).status).toBe(200);
    expect((await put(id, a.id, second, { status: 'drafting' })).body.status).toBe('drafting');
    const notMine = await put(id, a.id, editor, { status: 'done' });
    expect(notMine.status).toBe(403);
    expect((await put(id, a.id, owner, { status: 'review' })).body.status).toBe('review');
    for (const user of [commenter, viewer]) {
      expect((await put(id, b.id, user, { assignees: [editor.username] })).status).toBe(403);
      expect((await put(id, b.id, user, { status: 'done' })).status).toBe(403);
    }
    expect((await put(id, b.id, editor, { due: '2027-01-10' })).status).toBe(200);
  });

  it('answers bad input with 400, unknown sections with 404, non-members with 403 and no assignments', async () => {
    const id = await sharedDocument();
    const [a] = await sections(id);
    await put(id, a.id, owner, { assignees: [editor.username] });
    const cases: [unknown, string][] = [
      [{}, 'invalid_input'],
      [{ status: 'finished' }, 'invalid_input'],
      [{ due: '2026-02-30' }, 'invalid_input'],
      [{ due: '明天' }, 'invalid_input'],
      [{ assignees: 'wangming' }, 'invalid_input'],
      [{ assignees: [commenter.username] }, 'invalid_assignee'],
      [{ assignees: [viewer.username] }, 'invalid_assignee'],
      [{ assignees: [stranger.username] }, 'invalid_assignee'],
      [{ assignees: ['nobody-at-all'] }, 'invalid_assignee'],
    ];
    for (const [body, code] of cases) {
      const res = await put(id, a.id, owner, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe(code);
    }
    expect((await put(id, 'no-such-section-x', owner, { status: 'done' })).body.error.code).toBe('section_not_found');
    const outside = await api(srv.url, 'GET', `/api/documents/${id}/sections`, { token: stranger.token });
    expect(outside.status).toBe(403);
    expect(JSON.stringify(outside.body)).not.toContain(editor.username);
    expect((await put(id, a.id, stranger, { status: 'done' })).status).toBe(403);
    // nothing of the refused changes was kept
    expect(byTitle(await sections(id), a.title)).toMatchObject({ assignees: [editor.username], status: 'todo', due: null });
  });

  it('ends two assignments made at the same time in one state for everyone', async () => {
    const id = await sharedDocument();
    const [a] = await sections(id);
    const [one, two] = await Promise.all([
      put(id, a.id, owner, { assignees: [editor.username] }),
      put(id, a.id, second, { assignees: [second.username], due: '2027-01-01' }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    const final = byTitle(await sections(id), a.title);
    expect([[editor.username], [second.username]]).toContainEqual(final.assignees);
    expect(final.due).toBe('2027-01-01');
    expect(byTitle(await sections(id, viewer), a.title)).toEqual(final);
  });

  it('shows progress in the document list, and approval warns about sections not done', async () => {
    const id = await sharedDocument();
    const list = await sections(id);
    const before = await api(srv.url, 'GET', '/api/documents', { token: editor.token });
    expect(before.body.find((d: { id: string }) => d.id === id).progress).toBeNull();
    await put(id, list[0].id, owner, { assignees: [editor.username], status: 'done' });
    await put(id, list[1].id, owner, { assignees: [second.username], due: '2020-01-01' });
    const after = await api(srv.url, 'GET', '/api/documents', { token: editor.token });
    expect(after.body.find((d: { id: string }) => d.id === id).progress).toEqual({ total: 2, done: 1, overdue: 1 });
    expect(byTitle(await sections(id), list[1].title).overdue).toBe(true);
    const approval = await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token });
    expect(approval.status).toBe(200);
    const warned = approval.body.warnings.sections.map((s: { id: string }) => s.id);
    expect(warned).toContain(list[1].id);
    expect(warned).not.toContain(list[0].id);
    // every not-done section, assigned or not, once 分工 is in use
    expect(warned).toHaveLength(list.length - 1);
    expect((await put(id, list[1].id, owner, { status: 'done' })).body.error.code).toBe('document_approved');
  });
});

describe('a section’s identity', () => {
  it('follows its heading through an edit, renumbering, a move and a split, and survives a restart', async () => {
    const id = await sharedDocument();
    const c = open(id, editor);
    await synced(c);
    const [first, ...rest] = (await sections(id)).filter((s) => s.level === 1);
    const second1 = rest[0];
    await put(id, second1.id, owner, { assignees: [editor.username], status: 'drafting' });
    // edit its title, and put a new first section before everything: every number moves on
    rewriteBody(c, (blocks) => {
      blocks.find(isHeadingNamed(second1.title))!.content = [{ type: 'text', text: `${second1.title}（修改）` }];
      const at = blocks.findIndex(isHeadingNamed(first.title));
      blocks.splice(at, 0, { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: '新增的部分' }] });
      return blocks;
    });
    await saved(c);
    let list = await sections(id);
    const moved = list.find((s) => s.id === second1.id)!;
    expect(moved).toMatchObject({ title: `${second1.title}（修改）`, number: '三、', assignees: [editor.username], status: 'drafting' });
    expect(list.find((s) => s.title === '新增的部分')!.id).not.toBe(second1.id);
    // move it (cut and paste: a new element with the same attributes) to the end
    rewriteBody(c, (blocks) => {
      const at = blocks.findIndex((b) => b.attrs?.sectionId === second1.id);
      const [heading] = blocks.splice(at, 1);
      const end = blocks.findIndex((b) => b.type === 'signature');
      blocks.splice(end < 0 ? blocks.length : end, 0, heading);
      return blocks;
    });
    await saved(c);
    list = await sections(id);
    expect(list.filter((s) => s.id === second1.id)).toHaveLength(1);
    expect(list.at(-1)!.id).toBe(second1.id);
    // a split written by a client without the editor copies the id: the first part keeps it, the copy gets its own
    rewriteBody(c, (blocks) => {
      const at = blocks.findIndex((b) => b.attrs?.sectionId === second1.id);
      blocks.splice(at + 1, 0, { ...structuredClone(blocks[at]), content: [{ type: 'text', text: '拆出的后半' }] });
      return blocks;
    });
    await saved(c);
    await until(async () => new Set((await sections(id)).map((s) => s.id)).size === (await sections(id)).length, 'the copy gets an id of its own');
    list = await sections(id);
    expect(list.find((s) => s.id === second1.id)!.title).toBe(`${second1.title}（修改）`);
    expect(list.find((s) => s.title === '拆出的后半')!.id).not.toBe(second1.id);
    await synced(c);
    await srv.restart();
    expect((await sections(id)).find((s) => s.id === second1.id)).toMatchObject({ assignees: [editor.username], status: 'drafting' });
  });

  it('keeps a deleted section’s record as removed, refuses changes to it, and brings it back with a restore', async () => {
    const id = await sharedDocument();
    const c = open(id, editor);
    await synced(c);
    const [, target] = (await sections(id)).filter((s) => s.level === 1);
    await put(id, target.id, owner, { assignees: [second.username], due: '2027-01-15' });
    const version = await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '分工之后' } });
    expect(version.status).toBe(201);
    const watcher = open(id, viewer);
    await synced(watcher);
    rewriteBody(c, (blocks) => blocks.filter((b) => b.attrs?.sectionId !== target.id));
    await saved(c);
    // the server notices by itself (no one asked for the list) and tells open editors
    await until(() => watcher.events.some((e) => e.type === 'sections'), 'the sections event after the deletion');
    expect((await sections(id)).some((s) => s.id === target.id)).toBe(false);
    const withRemoved = await sections(id, owner, '?include=removed');
    expect(withRemoved.at(-1)).toMatchObject({ id: target.id, removed: true, assignees: [second.username], title: `${target.number}${target.title}` });
    const refused = await put(id, target.id, owner, { status: 'done' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('section_removed');
    const progress = async () => (await api(srv.url, 'GET', '/api/documents', { token: owner.token })).body.find((d: { id: string }) => d.id === id).progress;
    expect(await progress()).toBeNull();

    const restored = await api(srv.url, 'POST', `/api/documents/${id}/versions/${version.body.id}/restore`, { token: owner.token });
    expect(restored.status).toBe(200);
    await until(async () => (await sections(id)).some((s) => s.id === target.id), 'the section back after the restore');
    expect((await sections(id)).find((s) => s.id === target.id)).toMatchObject({ assignees: [second.username], due: '2027-01-15', number: target.number });
    expect(await progress()).toEqual({ total: 1, done: 0, overdue: 0 });
    expect((await sections(id, owner, '?include=removed')).some((s) => s.removed)).toBe(false);
  });
});
