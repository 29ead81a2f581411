// 修订 notifications with a real server: a suggester's burst of suggestions is
// one 'suggested' notification to the document's owner and to the assignees
// of the section it is in (分工), none to anyone else or to the suggester.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationDto, SectionDto } from '../../shared/api.js';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { clientsPerTest, saved, synced, until } from '../helpers/collabClient.js';
import { suggest } from '../helpers/suggestionEdits.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let other: TestUser;
let commenter: TestUser;
const open = clientsPerTest(() => srv);

beforeAll(async () => {
  srv = await startTestServer({ SUGGESTION_NOTICE_SECONDS: '1' });
  [owner, editor, other, commenter] = await Promise.all(['张丽', '王明', '刘洋', '赵强'].map((n) => newUser(srv.url, n)));
});
afterAll(async () => {
  await srv.stop();
});

const suggested = async (user: TestUser, documentId: string) =>
  ((await api(srv.url, 'GET', '/api/notifications', { token: user.token })).body.items as NotificationDto[]).filter(
    (n) => n.kind === 'suggested' && n.document.id === documentId,
  );

describe('suggested notifications', () => {
  it("tells the owner and the section's assignees once per burst, and nobody else", async () => {
    const id = await newDocument(srv.url, owner);
    for (const [user, role] of [
      [editor, 'editor'],
      [other, 'editor'],
      [commenter, 'commenter'],
    ] as const) {
      await share(srv.url, owner, id, user, role);
    }
    // every section is the editor's: the suggestion is in one of them
    const sections = (await api(srv.url, 'GET', `/api/documents/${id}/sections`, { token: owner.token })).body as SectionDto[];
    for (const s of sections)
      expect((await api(srv.url, 'PUT', `/api/documents/${id}/sections/${s.id}`, { token: owner.token, body: { assignees: [editor.username] } })).status).toBe(
        200,
      );
    const watcher = open(id, owner);
    const c = open(id, commenter);
    await Promise.all([synced(watcher), synced(c)]);

    suggest(c, 'insert', '一是围绕', commenter.username, '第一条建议');
    await saved(c);
    suggest(c, 'insert', '一是围绕', commenter.username, '第二条');
    await saved(c);
    suggest(c, 'delete', '服务发展更务实', commenter.username);
    await saved(c);
    // not at once: a while after the first
    expect(await suggested(owner, id)).toEqual([]);
    await until(async () => (await suggested(owner, id)).length > 0, 'the notification', 5000);
    await until(() => watcher.events.some((e) => e.type === 'notifications'), 'the notifications event');
    await new Promise((r) => setTimeout(r, 300));

    const mine = await suggested(owner, id);
    const sectionIds = new Set(mine.map((n) => n.sectionId));
    // one per section the burst touched, each naming the commenter and a suggestion of theirs
    expect(mine.length).toBe(sectionIds.size);
    for (const n of mine) {
      expect(n.actor.username).toBe(commenter.username);
      expect(sections.map((s) => s.id)).toContain(n.sectionId);
      expect(['第一条建议', '第二条', '服务发展更务实']).toContain(n.excerpt);
      expect(n.read).toBe(false);
    }
    expect(new Set((await suggested(editor, id)).map((n) => n.sectionId))).toEqual(sectionIds);
    expect(await suggested(other, id)).toEqual([]);
    expect(await suggested(commenter, id)).toEqual([]);

    // the next burst is told anew, without what was told already
    suggest(c, 'insert', '二是', commenter.username, '后来的建议');
    await saved(c);
    await until(async () => (await suggested(owner, id)).length > mine.length, 'the second notification', 5000);
    const later = (await suggested(owner, id)).filter((n) => !mine.some((m) => m.id === n.id));
    expect(later).toHaveLength(1);
    expect(later[0].excerpt).toBe('后来的建议');
  });

  it('tells the other owners of an owner suggesting of their own accord, never the suggester, nor members who do not review', async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, other, 'owner');
    await share(srv.url, owner, id, commenter, 'commenter');
    const o = open(id, owner);
    await synced(o);
    suggest(o, 'insert', '一是围绕', owner.username, '所有者自己的');
    await saved(o);
    await until(async () => (await suggested(other, id)).length === 1, 'the other owner told', 5000);
    expect((await suggested(other, id))[0]).toMatchObject({ excerpt: '所有者自己的', actor: { username: owner.username } });
    expect(await suggested(owner, id)).toEqual([]);
    expect(await suggested(commenter, id)).toEqual([]);
  });
});
