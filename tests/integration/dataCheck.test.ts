// A log that already holds what no member can send any more (as a server
// before the rules could have stored it): an unreadable entry, a change that
// waits forever, a heading of level 1e9. The server keeps serving the
// document, its compaction sets the blocking entries aside with a line for
// the operator, and the data check lists and repairs the rest.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/store/sqlite/openSqliteStorage.js';
import { Content } from '../../server/collab/scanUpdate.js';
import { api, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, until } from '../helpers/collabClient.js';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';
import { writeUpdate } from '../helpers/updateWriter.js';

const root = path.resolve(import.meta.dirname, '../..');
let srv: ServerProcess;
let owner: TestUser;
let documentId: string;

function checkData(...args: string[]): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check-data.ts', '--data', srv.dataDir, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, out: run.stdout + run.stderr };
}

async function stopServer(): Promise<void> {
  srv.kill('SIGTERM');
  await srv.exited;
}

beforeAll(async () => {
  srv = await startServerProcess({ COMPACT_AFTER_UPDATES: '5' });
  owner = await newUser(srv.url, '张丽');
  documentId = await newDocument(srv.url, owner);
  const writer = connect(srv.wsUrl, documentId, owner.token);
  await synced(writer);
  appendParagraph(writer, '早先写好的一段');
  await saved(writer);
  writer.destroy();
  await stopServer();
  // what an earlier server could have stored
  const storage = openSqliteStorage(srv.dataDir);
  const odd = new Y.Doc();
  odd.transact(() => {
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 1e9 as unknown as string);
    heading.insert(0, [new Y.XmlText('奇怪的标题')]);
    odd.getXmlFragment('default').insert(0, [heading]);
  });
  const forever = writeUpdate([
    // next to an item of a client nobody ever stored
    {
      client: 90909,
      clock: 0,
      length: 2,
      kind: Content.string,
      text: '永远',
      origin: [80808, 3],
      rightOrigin: null,
      parentRoot: null,
      parentItem: null,
      key: null,
    },
  ]);
  await storage.documents.append(documentId, [
    { update: Uint8Array.from([1, 1, 200, 1, 0, 77, 77, 77]), userId: null },
    { update: forever, userId: null },
    { update: Y.encodeStateAsUpdate(odd), userId: null },
  ]);
  await storage.close();
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe('a stored log with what the rules now refuse', () => {
  it('is listed by the data check, which changes nothing without --repair', () => {
    const { status, out } = checkData();
    expect(status, out).toBe(1);
    expect(out).toMatch(/unreadable entries \(position in the log\): \d+\n/);
    expect(out).toContain('changes that wait for changes nobody stored');
    expect(out).toContain('a value heading.level cannot take: 1000000000');
    expect(out).toContain('--repair');
    expect(checkData().out).toBe(out);
  });

  it('is served, and compacted once the blocking entries are set aside with a line for the operator', async () => {
    await srv.start();
    for (const path of ['content', 'export?format=docx&version=current', 'export?format=md&version=current', 'export?format=html&version=current']) {
      expect((await api(srv.url, 'GET', `/api/documents/${documentId}/${path}`, { token: owner.token })).status, path).toBe(200);
    }
    const writer = connect(srv.wsUrl, documentId, owner.token);
    await synced(writer);
    expect(writer.fragment.toString()).toContain('早先写好的一段');
    for (let i = 0; i < 8; i++) {
      appendParagraph(writer, `今天补充的第${i + 1}段`);
      await saved(writer);
    }
    await until(() => srv.output().includes('set aside stored updates'), 'the compaction to set entries aside', 15_000);
    expect(srv.output()).not.toContain('compaction failed');
    writer.destroy();
    const text = (await api(srv.url, 'GET', `/api/documents/${documentId}/content`, { token: owner.token })).body.text as string;
    expect(text).toContain('今天补充的第8段');
    expect(text).toContain('早先写好的一段');
    await stopServer();
  }, 60_000);

  it('is mended by the data check with --repair, after which it finds only what was set aside', async () => {
    const listed = checkData();
    expect(listed.out).toContain('set aside earlier: entry');
    expect(listed.out).not.toContain('unreadable entries');
    const repaired = checkData('--repair');
    expect(repaired.status, repaired.out).toBe(0);
    expect(repaired.out).toMatch(/repaired: \d+ entries set aside, 1 problems mended/);
    const again = checkData();
    expect(again.status, again.out).toBe(0);
    expect(again.out).not.toContain('heading.level');
    await srv.start();
    const md = (await api(srv.url, 'GET', `/api/documents/${documentId}/export?format=md&version=current`, { token: owner.token })).body as string;
    expect(md).toContain('#### 奇怪的标题');
    expect(md).toContain('今天补充的第8段');
  }, 90_000);
});
