// Approval with real clients: the freeze takes what reached the server and
// nothing after; only the owner approves and reopens; warnings are listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, clientsPerTest, saved, synced, until } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
const open = clientsPerTest(() => srv);

beforeAll(async () => {
  srv = await startTestServer();
  [owner, editor, viewer] = await Promise.all(['张丽', '王明', '李红'].map((n) => newUser(srv.url, n)));
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

describe('approval', () => {
  it('lists unfilled placeholders and open threads before approving', async () => {
    const id = await sharedDocument();
    await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: editor.token, body: { quote: '服务发展更务实', body: '数据待补' } });
    const res = await api(srv.url, 'GET', `/api/documents/${id}/approval`, { token: owner.token });
    expect(res.status).toBe(200);
    expect(res.body.placeholders).toContain('〔年份〕');
    expect(res.body.placeholders.length).toBe(18);
    expect(res.body.openThreads).toEqual([expect.objectContaining({ quote: '服务发展更务实', body: '数据待补' })]);
  });

  it('freezes what reached the server while two members type, refuses everything after, and reopens', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    let typing = true;
    let n = 0;
    const typists = [a, b].map(async (c, k) => {
      while (typing) {
        appendParagraph(c, `输入${k}-${n++}`);
        await new Promise((r) => setTimeout(r, 3));
      }
    });
    await new Promise((r) => setTimeout(r, 100));
    const approved = await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token });
    const atFreeze = await contentText(srv.url, owner, id);
    await new Promise((r) => setTimeout(r, 150));
    typing = false;
    await Promise.all(typists);
    expect(approved.status).toBe(200);
    expect(approved.body.document.status).toBe('approved');
    expect(approved.body.version).toMatchObject({ kind: 'approved', name: '定稿', restoredFrom: null, createdBy: owner.username });
    expect(approved.body.warnings.placeholders.length).toBeGreaterThan(0);
    const version = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${approved.body.version.id}`, { token: viewer.token })).body;
    // the approved version is the server's state at the freeze, and typing after it changed nothing
    expect(version.text).toBe(atFreeze);
    expect(await contentText(srv.url, owner, id)).toBe(atFreeze);
    expect(atFreeze).toMatch(/输入0-\d+/);
    expect(atFreeze).toMatch(/输入1-\d+/);
    await until(() => a.events.some((e) => e.type === 'document'), 'the status event');
    // only the owner reopens; editing works again; the approved version stays
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: editor.token })).status).toBe(403);
    const reopened = await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token });
    expect(reopened.body.status).toBe('draft');
    const fresh = open(id, editor);
    await synced(fresh);
    appendParagraph(fresh, '重新打开后写的');
    await saved(fresh);
    expect(await contentText(srv.url, owner, id)).toContain('重新打开后写的');
    const versions = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body;
    expect(versions.some((v: { kind: string }) => v.kind === 'approved')).toBe(true);
  });

  it('lets only the owner approve, refuses approving twice, and refuses restores and new comments while approved', async () => {
    const id = await sharedDocument();
    const v1 = (await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '初稿' } })).body.id;
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: editor.token })).status).toBe(403);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: viewer.token })).status).toBe(403);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: editor.token })).status).toBe(200);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(409);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(409);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: editor.token, body: { quote: '服务发展更务实', body: 'x' } })).status).toBe(
      409,
    );
    const list = (await api(srv.url, 'GET', '/api/documents', { token: viewer.token })).body;
    expect(list.find((d: { id: string }) => d.id === id)?.status).toBe('approved');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(200);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(409);
  });

  it('keeps a document approved for connections opened after the freeze and across a restart', async () => {
    const id = await sharedDocument();
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    const before = await contentText(srv.url, owner, id);
    await srv.restart();
    const a = open(id, owner);
    await synced(a);
    appendParagraph(a, '定稿后写入');
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toBe(before);
  });
});
