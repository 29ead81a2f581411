import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStorageContract } from '../storageContract.js';
import { DocumentFrozenError } from '../DocumentStore.js';
import { openSqlite } from './openSqlite.js';
import { openSqliteStorage } from './openSqliteStorage.js';
import { SqliteAccountStore } from './SqliteAccountStore.js';
import { SqliteDocumentRecordStore } from './SqliteDocumentRecordStore.js';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';

describeStorageContract('SQLite in memory', async () => openSqliteStorage(':memory:'));

// The path every keystroke takes in production: a data folder on disk, appends through the edit journal.
const dataDirs: string[] = [];
describeStorageContract('SQLite on disk, through the edit journal', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-contract-'));
  dataDirs.push(dir);
  return openSqliteStorage(dir);
});
afterAll(() => {
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('SQLite on disk', () => {
  it('keeps committed appends across a reopen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-sqlite-'));
    try {
      const first = openSqliteStorage(dir);
      await first.accounts.createUser({ id: 'u1', username: 'alice', displayName: '张丽', passwordHash: 'h', isAdmin: true, createdAt: 1 });
      const doc = new Y.Doc();
      doc.getText('t').insert(0, '保存');
      await first.records.createDocument(
        { id: 'doc1', title: 't', status: 'draft', ownerId: 'u1', template: 'blank', createdAt: 1, updatedAt: 1 },
        Y.encodeStateAsUpdate(doc),
      );
      await first.close();
      const second = openSqliteStorage(dir);
      const replayed = new Y.Doc();
      for (const u of (await second.documents.load('doc1')).updates) Y.applyUpdate(replayed, u);
      expect(replayed.getText('t').toString()).toBe('保存');
      expect((await second.accounts.findUserByUsername('ALICE'))?.isAdmin).toBe(true);
      await second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('SQLite appends', () => {
  async function storeWithDocument(now: () => number) {
    const db = openSqlite(':memory:', 'NORMAL');
    const accounts = new SqliteAccountStore(db);
    const records = new SqliteDocumentRecordStore(db);
    await accounts.createUser({ id: 'u1', username: 'alice', displayName: '张丽', passwordHash: 'h', isAdmin: false, createdAt: 1 });
    await records.createDocument({ id: 'doc1', title: 't', status: 'draft', ownerId: 'u1', template: 'blank', createdAt: 1, updatedAt: 1 }, textUpdate('起'));
    return { db, records, documents: new SqliteDocumentStore(db, now) };
  }

  function textUpdate(text: string): Uint8Array {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, text);
    return Y.encodeStateAsUpdate(doc);
  }

  it('without a journal, commits each append before it resolves', async () => {
    const { db, documents } = await storeWithDocument(() => 10);
    await documents.append('doc1', [{ update: textUpdate('一'), userId: 'u1' }]);
    expect(await documents.count('doc1')).toBe(2);
    await Promise.all([
      documents.append('doc1', [{ update: textUpdate('二'), userId: 'u1' }]),
      documents.append('doc1', [{ update: textUpdate('三'), userId: 'u1' }]),
    ]);
    expect(await documents.count('doc1')).toBe(4);
    db.close();
  });

  it('refuses a change to an approved document without a journal too', async () => {
    const { db, records, documents } = await storeWithDocument(() => 10);
    await records.setStatus('doc1', 'approved', 5);
    await expect(documents.append('doc1', [{ update: textUpdate('晚了'), userId: 'u1' }])).rejects.toBeInstanceOf(DocumentFrozenError);
    expect(await documents.count('doc1')).toBe(1);
    db.close();
  });

  it('compacts everything stored while people type: what is appended meanwhile stays, after the snapshot', async () => {
    const { db, documents } = await storeWithDocument(() => 10);
    const doc = new Y.Doc();
    for (const u of (await documents.load('doc1')).updates) Y.applyUpdate(doc, u);
    const typed: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => typed.push(u));
    const text = doc.getText('t');
    for (let i = 0; i < 300; i++) text.insert(text.length, i % 10 === 9 ? '。' : '字');
    for (const update of typed.splice(0)) await documents.append('doc1', [{ update, userId: 'u1' }]);
    // "everything stored": the entries read when the compaction starts (its check gives way to the event loop)
    const compacting = documents.compact('doc1', Y.encodeStateAsUpdate(doc), Number.MAX_SAFE_INTEGER);
    // a keystroke stored meanwhile comes after them
    text.insert(text.length, '后来');
    await documents.append('doc1', [{ update: typed.pop()!, userId: 'u1' }]);
    await compacting;
    const stored = await documents.load('doc1');
    expect(stored.updates).toHaveLength(2);
    const replayed = new Y.Doc();
    for (const u of stored.updates) Y.applyUpdate(replayed, u);
    expect(replayed.getText('t').toString()).toBe(text.toString());
    expect(text.toString().endsWith('后来')).toBe(true);
    db.close();
  });

  it("moves the document's last-edited time at most once a second while people type", async () => {
    let now = 1_000;
    const { db, records, documents } = await storeWithDocument(() => now);
    const updatedAt = async () => (await records.getDocument('doc1'))?.updatedAt;
    await documents.append('doc1', [{ update: textUpdate('a'), userId: 'u1' }]);
    expect(await updatedAt()).toBe(1_000);
    now = 1_400;
    await documents.append('doc1', [{ update: textUpdate('b'), userId: 'u1' }]);
    expect(await updatedAt()).toBe(1_000);
    now = 2_000;
    await documents.append('doc1', [{ update: textUpdate('c'), userId: 'u1' }]);
    expect(await updatedAt()).toBe(2_000);
    expect(await documents.count('doc1')).toBe(4);
    db.close();
  });

  it('records a pending author again after a commit that recorded them was rolled back', async () => {
    const { db, documents } = await storeWithDocument(() => 10);
    const pendingAuthors = () => db.prepare('SELECT user_id FROM pending_authors WHERE document_id = ?').all('doc1');
    // The commit fails after the author was recorded in it (moving the last-edited time comes last).
    db.exec("CREATE TEMP TRIGGER refuse_touch BEFORE UPDATE ON documents BEGIN SELECT RAISE(ABORT, 'disk on fire'); END");
    await expect(documents.append('doc1', [{ update: textUpdate('一'), userId: 'u1' }])).rejects.toThrow(/disk on fire/);
    expect(pendingAuthors()).toEqual([]);
    db.exec('DROP TRIGGER refuse_touch');
    await documents.append('doc1', [{ update: textUpdate('二'), userId: 'u1' }]);
    expect(pendingAuthors()).toEqual([{ user_id: 'u1' }]);
  });
});
