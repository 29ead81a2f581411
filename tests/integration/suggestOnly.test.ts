// 修订 on the WebSocket with a real server and stock clients: who may only
// suggest (commenters; editors while the document is in review or the owner
// asks for suggestions only), that their suggestions are stored and relayed
// and anything else of theirs is not, that open connections switch at once,
// and PUT /api/documents/:id/review itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/ids.js';
import { api, contentText, newUser, type TestUser, sharedDocument as sharedWith } from '../helpers/api.js';
import { rewriteBody } from '../helpers/bodyEdits.js';
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

/** Types `text` after `at` as a plain edit (no suggestion mark). */
function typeAfter(c: CollabClient, at: string, text: string): void {
  let done = false;
  rewriteBody(c, (blocks) =>
    blocks.map((block) => {
      const json = JSON.stringify(block);
      if (done || !json.includes(at)) return block;
      done = true;
      return JSON.parse(json.replace(at, at + text));
    }),
  );
  if (!done) throw new Error(`no text ${at}`);
}

async function connected(id: string, user: TestUser): Promise<CollabClient> {
  const c = open(id, user);
  await synced(c);
  return c;
}

const setReview = (id: string, body: unknown, user = owner) => api(srv.url, 'PUT', `/api/documents/${id}/review`, { token: user.token, body });
const suggestions = async (id: string) =>
  (await api(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: owner.token })).body as { id: string; author: string }[];
const refusals = (c: CollabClient) => c.events.filter((e) => e.type === 'refused').length;

/** `c`'s plain edit is acknowledged as processed, refused (told to `c` only), and neither stored nor relayed to `watcher`. */
async function expectRefused(id: string, c: CollabClient, watcher: CollabClient, text: string): Promise<void> {
  const before = refusals(c);
  typeAfter(c, '一是围绕', text);
  await saved(c);
  await until(() => refusals(c) > before, 'the refused event');
  expect(c.closeCodes).toEqual([]);
  expect(watcher.events.some((e) => e.type === 'refused')).toBe(false);
  // the watcher's own edit reaching `c` shows the server is past `c`'s frame
  const mark = `标记${newId().slice(0, 6)}`;
  typeAfter(watcher, '二是', mark);
  await until(() => c.fragment.toString().includes(mark), 'a later edit at the refused client');
  expect(watcher.fragment.toString()).not.toContain(text);
  expect(await contentText(srv.url, owner, id)).not.toContain(text);
}

/** `c`'s plain edit is stored and reaches `watcher`. */
async function expectEdited(id: string, c: CollabClient, watcher: CollabClient, text: string): Promise<void> {
  typeAfter(c, '一是围绕', text);
  await saved(c);
  await until(() => watcher.fragment.toString().includes(text), 'the edit at the other client');
  expect(await contentText(srv.url, owner, id)).toContain(text);
}

/** `c`'s suggestion is stored, listed as `author`'s and relayed to `watcher`. */
async function expectSuggested(id: string, c: CollabClient, watcher: CollabClient, author: TestUser, text: string): Promise<void> {
  const sid = suggest(c, 'insert', '三是', author.username, text);
  await saved(c);
  await until(() => watcher.fragment.toString().includes(text), 'the suggestion at the other client');
  expect((await suggestions(id)).find((s) => s.id === sid)?.author).toBe(author.username);
  // proposed, not agreed: the document's text does not hold it yet
  expect(await contentText(srv.url, owner, id)).not.toContain(text);
}

describe('suggest-only editing', () => {
  it("stores and relays a commenter's suggestion, and refuses their plain edit and a suggestion in another's name", async () => {
    const id = await sharedDocument();
    const [c, o] = [await connected(id, commenter), await connected(id, owner)];
    await expectSuggested(id, c, o, commenter, '批注者的建议');
    expect(refusals(c)).toBe(0);
    await expectRefused(id, await connected(id, commenter), o, '批注者直接改');
    const forger = await connected(id, commenter);
    suggest(forger, 'insert', '三是', editor.username, '冒名的建议');
    await saved(forger);
    await until(() => refusals(forger) === 1, 'the refused event');
    expect((await suggestions(id)).map((s) => s.author)).toEqual([commenter.username]);
  });

  it("drops a viewer's suggestion as it drops their edits", async () => {
    const id = await sharedDocument();
    const [v, o] = [await connected(id, viewer), await connected(id, owner)];
    suggest(v, 'insert', '三是', viewer.username, '查看者的建议');
    await saved(v);
    await expectEdited(id, o, v, '所有者写的');
    expect(await suggestions(id)).toEqual([]);
    expect(v.closeCodes).toEqual([]);
  });

  it('has an open editor connection switch at once with suggestOnly and review, the owner editing throughout', async () => {
    const id = await sharedDocument();
    const [e, o] = [await connected(id, editor), await connected(id, owner)];
    await expectEdited(id, e, o, '草稿里直接改');

    const on = await setReview(id, { suggestOnly: true });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ id, suggestOnly: true, status: 'draft', role: 'owner' });
    await until(() => e.events.some((ev) => ev.type === 'document'), 'the document event');
    await expectSuggested(id, e, o, editor, '编辑只能建议');
    await expectEdited(id, o, e, '所有者照常改');

    expect((await setReview(id, { suggestOnly: false })).body.suggestOnly).toBe(false);
    await expectEdited(id, e, o, '又能直接改');

    // in review, editors suggest whatever suggestOnly says
    expect((await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: editor.token })).body).toMatchObject({
      status: 'in_review',
      suggestOnly: false,
    });
    await expectSuggested(id, e, o, editor, '审议中的建议');
    await expectEdited(id, o, e, '审议中所有者改');
    await expectRefused(id, e, o, '审议中直接改');
    // they still review suggestions, and after approval and reopening edit directly again
    expect((await api(srv.url, 'POST', `/api/documents/${id}/suggestions/accept-all`, { token: editor.token })).body).toEqual({ accepted: 2 });
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(200);
    await expectEdited(id, await connected(id, editor), o, '重新打开后直接改');
  });

  it("refuses an editor's plain edit under suggestOnly, on a connection opened before it was set", async () => {
    const id = await sharedDocument();
    const [e, o] = [await connected(id, editor), await connected(id, owner)];
    await setReview(id, { suggestOnly: true });
    await expectRefused(id, e, o, '不该直接改');
  });

  it('lets only the owner restore a version while editors may only suggest', async () => {
    const id = await sharedDocument();
    const version = (await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '初稿' } })).body.id;
    await setReview(id, { suggestOnly: true });
    const refused = await api(srv.url, 'POST', `/api/documents/${id}/versions/${version}/restore`, { token: editor.token });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('suggest_only');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${version}/restore`, { token: owner.token })).status).toBe(200);
  });

  it('never approves a suggestion that arrives with the approval', async () => {
    for (let round = 0; round < 3; round++) {
      const id = await sharedDocument();
      const c = await connected(id, commenter);
      const text = `抢在定稿前${round}`;
      suggest(c, 'insert', '三是', commenter.username, text);
      const approved = await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token });
      if (approved.status === 409) {
        expect(approved.body.error.code).toBe('pending_suggestions');
        await until(async () => (await suggestions(id)).length === 1, 'the suggestion stored');
        expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: owner.token })).body.status).not.toBe('approved');
      } else {
        expect(approved.status).toBe(200);
        const version = await api(srv.url, 'GET', `/api/documents/${id}/versions/${approved.body.version.id}`, { token: owner.token });
        expect(version.body.text).not.toContain(text);
        expect(await suggestions(id)).toEqual([]);
      }
    }
  });
});

describe('PUT /api/documents/:id/review', () => {
  it('is the owner’s, shows in every document answer and the list, and answers bad input with 400', async () => {
    const id = await sharedDocument();
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: editor.token })).body.suggestOnly).toBe(false);
    for (const user of [editor, commenter, viewer]) {
      const res = await setReview(id, { suggestOnly: true }, user);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await setReview(id, { suggestOnly: true }, outsider)).body.error.code).toBe('not_a_member');
    expect((await setReview(newId(), { suggestOnly: true })).status).toBe(404);
    for (const body of [{}, { suggestOnly: 'true' }, { suggestOnly: 1 }, { suggestOnly: null }, { suggestOnly: true, extra: 1 }, []]) {
      const res = await setReview(id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    // not an object at all: refused before it is read (the JSON parser's strict mode)
    expect((await setReview(id, 'true')).status).toBe(400);
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: viewer.token })).body.suggestOnly).toBe(false);
    expect((await setReview(id, { suggestOnly: true })).status).toBe(200);
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: viewer.token })).body.suggestOnly).toBe(true);
    const list = (await api(srv.url, 'GET', '/api/documents', { token: editor.token })).body as { id: string; suggestOnly: boolean }[];
    expect(list.find((d) => d.id === id)?.suggestOnly).toBe(true);
  });
});
