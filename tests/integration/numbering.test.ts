// Automatic numbering through the real server: a document written before it
// (typed, stale numbers, no numbering attribute) is taken over once when it
// is opened; versions, the compare view and a restore of an old version show
// every number once; inserting a section renumbers the ones after it.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { connect, saved, synced, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;

function heading(level: number, text: string): Y.XmlElement {
  const el = new Y.XmlElement('heading');
  el.setAttribute('level', level as unknown as string);
  el.insert(0, [new Y.XmlText(text)]);
  return el;
}

const headingTexts = (client: CollabClient): string[] =>
  client.fragment
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading' && Number(node.getAttribute('level')) >= 2)
    .map((node) => `${String(node.getAttribute('numbering'))}:${(node.get(0) as Y.XmlText).toString()}`);

beforeAll(async () => {
  srv = await startTestServer();
  owner = await newUser(srv.url, '张丽');
});

afterAll(async () => {
  await srv.stop();
});

describe('automatic numbering', () => {
  it("takes a document's typed numbers over once when it is opened, and shows every number once everywhere", async () => {
    const id = await newDocument(srv.url, owner, 'blank', '旧文档');
    // written into the log as a server before numbering would have: typed numbers, one already stale (三 after 一)
    const old = new Y.Doc();
    old
      .getXmlFragment('default')
      .insert(0, [heading(2, '一、参政议政更主动'), heading(3, '（一）围绕中心建言献策'), heading(2, '三、民主监督更有效'), heading(2, '结语')]);
    await srv.server.storage.documents.append(id, [{ update: Y.encodeStateAsUpdate(old), userId: null }]);

    const content = (await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token })).body;
    expect(content.text).toContain('一、参政议政更主动\n（一）围绕中心建言献策\n二、民主监督更有效\n结语');
    expect(JSON.stringify(content.json)).not.toMatch(/[一二三]、/);

    const writer = connect(srv.wsUrl, id, owner.token);
    await synced(writer);
    expect(headingTexts(writer)).toEqual(['auto:参政议政更主动', 'auto:围绕中心建言献策', 'auto:民主监督更有效', 'none:结语']);
    const v1 = (await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '接管后' } })).body.id as string;

    // a section inserted first renumbers every later one
    writer.doc.transact(() => {
      const first = heading(2, '新的第一节');
      first.setAttribute('numbering', 'auto');
      const at = writer.fragment.toArray().findIndex((node) => node instanceof Y.XmlElement && node.getAttribute('level') === (2 as unknown as string));
      writer.fragment.insert(at, [first]);
    });
    await saved(writer);
    const after = (await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token })).body.text as string;
    expect(after).toContain('一、新的第一节\n二、参政议政更主动\n（一）围绕中心建言献策\n三、民主监督更有效\n结语');

    const diff = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}/diff?against=current`, { token: owner.token })).body;
    const headings = diff.blocks.filter((b: { type: string }) => b.type === 'heading').map((b: { text: string }) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['一、新的第一节', '二、参政议政更主动', '三、民主监督更有效', '结语']));

    // restoring the earlier version: the numbers as they were then, each once
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    const restored = (await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token })).body.text as string;
    expect(restored).toContain('一、参政议政更主动\n（一）围绕中心建言献策\n二、民主监督更有效\n结语');
    for (const format of ['md', 'html']) {
      const out = (await api(srv.url, 'GET', `/api/documents/${id}/export?format=${format}&version=current`, { token: owner.token })).body as string;
      expect(out, format).toContain('二、民主监督更有效');
      expect(out, format).not.toContain('二、二、');
    }
    writer.destroy();
  });
});
