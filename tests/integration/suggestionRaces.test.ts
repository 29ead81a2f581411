// 修订 under concurrency, with a real server and stock clients: a suggestion
// accepted while its author is still typing on, the same suggestion accepted
// and rejected at once by two people, and a suggestion typed into text someone
// else is editing. Every replica converges, no accepted text is lost, and
// nobody's connection is closed for an honest change.
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSuggestions } from '../../shared/suggestions.js';
import { schema } from '../../shared/schema.js';
import { api, contentText, newUser, type TestUser, sharedDocument as sharedWith } from '../helpers/api.js';
import { clientsPerTest, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { textContaining } from '../helpers/bodyEdits.js';
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

/** A Y.XmlText's characters, without its formatting. */
const plain = (text: { toDelta: () => { insert?: unknown }[] }): string =>
  text
    .toDelta()
    .map((d) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('');
const bodyOf = (c: CollabClient) => JSON.stringify(yXmlFragmentToProsemirrorJSON(c.fragment));
const pending = (c: CollabClient) => listSuggestions(schema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(c.fragment)));
const decide = (id: string, sid: string, decision: 'accept' | 'reject', user: TestUser) =>
  api(srv.url, 'POST', `/api/documents/${id}/suggestions/${sid}/${decision}`, { token: user.token });

async function converged(clients: CollabClient[]): Promise<void> {
  await Promise.all(clients.map((c) => saved(c)));
  await until(() => clients.every((c) => bodyOf(c) === bodyOf(clients[0])), 'every replica to converge', 10_000);
}

describe('suggestions under concurrency', () => {
  it('an accept while the author types on: what was accepted stays, what was typed after is still their suggestion, under an id of its own', async () => {
    const id = await sharedDocument();
    const author = open(id, commenter);
    const watcher = open(id, owner);
    await Promise.all([synced(author), synced(watcher)]);
    const first = suggest(author, 'insert', '一是围绕', commenter.username, '全年');
    await saved(author);

    // words found nowhere else in the template, each typed on after the one before, carrying the marks of the text they follow
    const chunks = ['召开1次', '协商2次', '议事3次', '会议4次', '调研5次'];
    let previous = '全年';
    const typing = (async () => {
      for (const chunk of chunks) {
        suggest(author, 'insert', previous, commenter.username, chunk);
        previous = chunk;
        await new Promise((resolve) => setTimeout(resolve, 15));
      }
    })();
    const accepted = await decide(id, first, 'accept', owner);
    await typing;
    expect(accepted.status).toBe(200);

    await converged([author, watcher]);
    expect(author.closeCodes).toEqual([]);
    // Nothing typed is lost: the accepted words are text, the rest pending suggestions, all in order.
    expect(plain(textContaining(watcher, '一是围绕'))).toContain(`一是围绕全年${chunks.join('')}`);
    expect(await contentText(srv.url, owner, id)).toContain('一是围绕全年');
    // what came after the accept under the accepted id is renamed by the server (a change of its own, converged again)
    await until(() => !pending(watcher).some((s) => s.id === first), 'the accepted id to be pending nowhere');
    await converged([author, watcher]);
    expect(pending(watcher).every((s) => s.author === commenter.username && s.kind === 'insert')).toBe(true);
  });

  it('words typed offline carrying the mark of a suggestion accepted meanwhile come back under an id of their own, reviewed like any other', async () => {
    const id = await sharedDocument();
    const author = open(id, commenter);
    const watcher = open(id, owner);
    await Promise.all([synced(author), synced(watcher)]);
    const first = suggest(author, 'insert', '一是围绕', commenter.username, '全年');
    // a suggestion of their own typed after it carries its mark too, as text typed inside it does
    suggest(author, 'insert', '全年', commenter.username, '召开1次');
    await saved(author);

    author.provider.disconnect();
    expect((await decide(id, first, 'accept', owner)).status).toBe(200);
    // offline, typed on after the second, carrying both marks: the accepted id's comes back with them
    suggest(author, 'insert', '召开1次', commenter.username, '协商2次');
    author.provider.connect();

    await until(() => pending(watcher).some((s) => s.text.includes('协商2次')), 'the words typed offline to arrive');
    await until(() => !pending(watcher).some((s) => s.id === first), 'the accepted id to be pending nowhere');
    await converged([author, watcher]);
    expect(author.closeCodes).toEqual([]);
    expect(plain(textContaining(watcher, '一是围绕'))).toContain('一是围绕全年召开1次协商2次');
    expect(pending(watcher).every((s) => s.author === commenter.username && s.kind === 'insert')).toBe(true);
    // the accepted id decides nothing more (a retried accept finds nothing); the rest is reviewed like any suggestion
    expect((await decide(id, first, 'accept', owner)).status).toBe(404);
    const rejected = await api<{ rejected: number }>(srv.url, 'POST', `/api/documents/${id}/suggestions/reject-all`, { token: owner.token, body: {} });
    expect(rejected.body.rejected).toBeGreaterThan(0);
    await until(() => pending(watcher).length === 0 && pending(author).length === 0, 'the rejection to reach both');
    await converged([author, watcher]);
    const text = await contentText(srv.url, owner, id);
    expect(text).toContain('一是围绕全年');
    expect(text).not.toContain('召开1次');
    expect(text).not.toContain('协商2次');
  });

  it('the same suggestion accepted and rejected at once: one decision wins, everywhere', async () => {
    const id = await sharedDocument();
    const author = open(id, commenter);
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(author), synced(a), synced(b)]);
    const sid = suggest(author, 'insert', '一是围绕', commenter.username, '新增内容');
    await saved(author);
    await until(() => pending(a).length === 1 && pending(b).length === 1, 'both reviewers to see it');

    const answers = await Promise.all([decide(id, sid, 'accept', owner), decide(id, sid, 'reject', editor)]);
    // the second to arrive finds it gone (404) or makes no difference; neither fails
    for (const answer of answers) expect([200, 404]).toContain(answer.status);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);

    await converged([author, a, b]);
    expect(pending(a)).toEqual([]);
    const text = await contentText(srv.url, owner, id);
    // whichever took it decided: accepted, the words are text; rejected, they are gone
    const accepted = text.includes('一是围绕新增内容');
    expect(answers[accepted ? 0 : 1].status).toBe(200);
    expect(bodyOf(a).includes('新增内容')).toBe(accepted);
    for (const c of [author, a, b]) expect(c.closeCodes).toEqual([]);
  });

  it('a suggestion typed inside text an editor is changing at the same moment: both kept, every replica the same', async () => {
    const id = await sharedDocument();
    const author = open(id, commenter);
    const writer = open(id, editor);
    await Promise.all([synced(author), synced(writer)]);
    for (let i = 0; i < 5; i++) {
      // both write before either hears of the other
      suggest(author, 'insert', '一是围绕', commenter.username, `建议${i}`);
      // the editor types at the sentence's end, the commenter suggests at its start
      const line = textContaining(writer, '一是围绕');
      line.insert(plain(line).indexOf('建言献策'), `编辑${i}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await converged([author, writer]);
    const line = plain(textContaining(writer, '一是围绕'));
    for (let i = 0; i < 5; i++) {
      expect(line).toContain(`建议${i}`);
      expect(line).toContain(`编辑${i}`);
    }
    expect(pending(writer).filter((s) => s.author === commenter.username)).toHaveLength(5);
    expect(author.closeCodes).toEqual([]);
    const stored = await contentText(srv.url, owner, id);
    for (let i = 0; i < 5; i++) expect(stored).toContain(`编辑${i}`);
  });
});
