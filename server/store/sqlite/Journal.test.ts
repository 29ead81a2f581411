import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocumentFrozenError } from '../DocumentStore.js';
import { Journal, JOURNAL_HEADER_BYTES, type JournalRecord } from './Journal.js';
import { JOURNAL_FILE_NAME, openSqliteStorage, SQLITE_FILE_NAME } from './openSqliteStorage.js';
import type { Storage } from '../Storage.js';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-journal-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function textUpdate(doc: Y.Doc, text: string): Uint8Array {
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return Y.encodeStateAsUpdate(doc, before);
}

const record = (n: number): JournalRecord => ({
  documentId: `doc-${n}`,
  createdAt: 1_700_000_000_000 + n,
  entries: [
    {
      update: Uint8Array.of(n, 1, 2, 3),
      userId: n % 2 ? `user-${n}` : null,
      attribution: { clients: [n, 4_294_967_295], deletes: n % 3 ? Uint8Array.of(9, n) : null },
    },
    { update: Uint8Array.of(7), userId: 'u', attribution: undefined },
  ],
});

describe('Journal', () => {
  it('reads back every record as written, with its generation', () => {
    const file = path.join(dir, 'j');
    const journal = Journal.create(file, 7, false);
    const ends = [1, 2, 3].map((n) => journal.append(record(n)));
    journal.close();
    const read = Journal.read(file)!;
    expect(read.generation).toBe(7);
    expect(read.records.map((r) => r.record)).toEqual([1, 2, 3].map(record));
    expect(read.records.map((r) => r.end)).toEqual(ends);
    expect(read.records[0].start).toBe(JOURNAL_HEADER_BYTES);
  });

  it('drops a torn or damaged record and everything after it', () => {
    const file = path.join(dir, 'j');
    const journal = Journal.create(file, 1, false);
    for (const n of [1, 2, 3]) journal.append(record(n));
    journal.close();
    const whole = fs.readFileSync(file);
    fs.writeFileSync(file, whole.subarray(0, whole.length - 3));
    expect(Journal.read(file)!.records.map((r) => r.record.documentId)).toEqual(['doc-1', 'doc-2']);
    const damaged = Buffer.from(whole);
    const second = Journal.read(path.join(dir, 'j'))!.records[1];
    damaged[second.start + 12] ^= 0xff;
    fs.writeFileSync(file, damaged);
    expect(Journal.read(file)!.records.map((r) => r.record.documentId)).toEqual(['doc-1']);
  });

  it('is none when the file is missing or is not a journal', () => {
    expect(Journal.read(path.join(dir, 'missing'))).toBeNull();
    fs.writeFileSync(path.join(dir, 'other'), 'not a journal at all');
    expect(Journal.read(path.join(dir, 'other'))).toBeNull();
  });
});

describe('SQLite with the journal', () => {
  /** Storage in the test's folder with alice's document, seeded with 开头; `doc` is her replica of it. */
  async function seededStorage(): Promise<{ storage: Storage; doc: Y.Doc }> {
    const storage = openSqliteStorage(dir);
    const doc = new Y.Doc();
    await seeded(storage, doc);
    return { storage, doc };
  }

  async function seeded(storage: Storage, doc: Y.Doc): Promise<void> {
    await storage.accounts.createUser({ id: 'u1', username: 'alice', displayName: '张丽', passwordHash: 'h', isAdmin: false, createdAt: 1 });
    await storage.records.createDocument(
      { id: 'doc1', title: 't', status: 'draft', ownerId: 'u1', template: 'blank', createdAt: 1, updatedAt: 1 },
      textUpdate(doc, '开头'),
    );
  }

  /** What the data folder holds at this instant, as if the process died now (the database, its WAL, the journal). */
  function crashCopy(): string {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-crash-'));
    for (const name of [SQLITE_FILE_NAME, `${SQLITE_FILE_NAME}-wal`, JOURNAL_FILE_NAME]) {
      if (fs.existsSync(path.join(dir, name))) fs.copyFileSync(path.join(dir, name), path.join(copy, name));
    }
    return copy;
  }

  async function textIn(folder: string): Promise<{ text: string; entries: number }> {
    const storage = openSqliteStorage(folder);
    try {
      const doc = new Y.Doc();
      const stored = await storage.documents.load('doc1');
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      return { text: doc.getText('t').toString(), entries: stored.updates.length };
    } finally {
      await storage.close();
    }
  }

  it('keeps a change that was only in the journal when the process died, once, and its attribution', async () => {
    const { storage, doc } = await seededStorage();
    const update = textUpdate(doc, '，第一条');
    await storage.documents.append('doc1', [{ update, userId: 'u1', attribution: { clients: [doc.clientID], deletes: null } }]);
    // durable once the append resolves: SQLite takes it in later; the process dies before that
    const copy = crashCopy();
    try {
      expect(await textIn(copy)).toEqual({ text: '开头，第一条', entries: 2 });
      // taken in once: opening again finds nothing more to take in
      expect(await textIn(copy)).toEqual({ text: '开头，第一条', entries: 2 });
      const reopened = openSqliteStorage(copy);
      expect(await reopened.versions.pendingAuthors('doc1')).toEqual(['u1']);
      expect((await reopened.versions.clientAuthors('doc1')).get(doc.clientID)).toBe('u1');
      await reopened.close();
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    await storage.close();
  });

  it('takes journaled changes into SQLite together shortly after, and no read of the stores misses them', async () => {
    const { storage, doc } = await seededStorage();
    const raw = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    const rows = () => (raw.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n;
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '一'), userId: 'u1', attribution: { clients: [doc.clientID], deletes: null } }]);
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '二'), userId: 'u1' }]);
    expect(rows()).toBe(1);
    // the versions' attribution, and the log itself, take the journal in before they read
    expect(await storage.versions.pendingAuthors('doc1')).toEqual(['u1']);
    expect(rows()).toBe(3);
    expect(await storage.documents.count('doc1')).toBe(3);
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '三'), userId: 'u1' }]);
    // with the others of the next second
    await new Promise((r) => setTimeout(r, 250));
    expect(rows()).toBe(3);
    await vi.waitFor(() => expect(rows()).toBe(4), { timeout: 3_000, interval: 10 });
    // taken in: a crash now loses nothing and duplicates nothing
    const copy = crashCopy();
    try {
      expect(await textIn(copy)).toEqual({ text: '开头一二三', entries: 4 });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    // appends are stored in order
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '四'), userId: 'u1' }]);
    await storage.documents.append('doc1', [{ update: textUpdate(doc, '五'), userId: 'u1' }]);
    raw.close();
    await storage.close();
    expect(await textIn(dir)).toEqual({ text: '开头一二三四五', entries: 6 });
  });

  it('takes the journal in as soon as 64 changes wait, not a second after the first', async () => {
    const { storage, doc } = await seededStorage();
    const raw = new Database(path.join(dir, SQLITE_FILE_NAME), { readonly: true });
    const rows = () => (raw.prepare('SELECT COUNT(*) AS n FROM document_updates').get() as { n: number }).n;
    // The store's timers on a clock of the test's own: the second's timer cannot fire unnoticed on a slow machine.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (let i = 0; i < 63; i++) void storage.documents.append('doc1', [{ update: textUpdate(doc, String.fromCharCode(0x4e00 + i)), userId: 'u1' }]);
      vi.advanceTimersByTime(100);
      expect(rows()).toBe(1);
      void storage.documents.append('doc1', [{ update: textUpdate(doc, '末'), userId: 'u1' }]);
      expect(rows()).toBe(1); // not on the keystroke's own path
      vi.advanceTimersByTime(0); // the next turn, 100 ms after the first change: long before its second is up
      expect(rows()).toBe(65);
    } finally {
      vi.useRealTimers();
    }
    raw.close();
    await storage.close();
    expect((await textIn(dir)).entries).toBe(65);
  });

  it('starts a new journal once SQLite holds the old one, without losing or repeating a change across a crash', async () => {
    const { storage, doc } = await seededStorage();
    await storage.close();
    // a small journal, so that it is replaced every few changes
    const { SqliteDocumentStore } = await import('./SqliteDocumentStore.js');
    const { openSqlite } = await import('./openSqlite.js');
    const db = openSqlite(path.join(dir, SQLITE_FILE_NAME), 'NORMAL');
    const store = new SqliteDocumentStore(db, Date.now, { file: path.join(dir, JOURNAL_FILE_NAME), syncEachWrite: false, rotateBytes: 200 });
    const generations = new Set<number>();
    let expected = '开头';
    for (let i = 0; i < 30; i++) {
      const text = String.fromCharCode(0x4e00 + i);
      expected += text;
      void store.append('doc1', [{ update: textUpdate(doc, text), userId: 'u1' }]);
      if (i % 3 === 0) store.takeIn();
      generations.add(Journal.read(path.join(dir, JOURNAL_FILE_NAME))!.generation);
    }
    expect(generations.size).toBeGreaterThan(3);
    expect(fs.statSync(path.join(dir, JOURNAL_FILE_NAME)).size).toBeLessThan(1000);
    const copy = crashCopy();
    try {
      expect(await textIn(copy)).toEqual({ text: expected, entries: 31 });
    } finally {
      fs.rmSync(copy, { recursive: true, force: true });
    }
    store.close();
    db.close();
  });

  it('keeps storing, through SQLite, once the journal cannot be written, and loses nothing journaled before', async () => {
    const { storage, doc } = await seededStorage();
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '一'), userId: 'u1' }]);
    // the disk refuses the journal from now on (a descriptor it cannot write or cut, as on a failing disk)
    const journal = (storage.documents as unknown as { intake: { journal: { fd: number } } }).intake.journal;
    const writable = journal.fd;
    journal.fd = fs.openSync(path.join(dir, JOURNAL_FILE_NAME), 'r');
    // the journal write fails: the store commits the change to SQLite instead, after what the journal holds
    await storage.documents.append('doc1', [{ update: textUpdate(doc, '二'), userId: 'u1' }]);
    await storage.documents.append('doc1', [{ update: textUpdate(doc, '三'), userId: 'u1' }]);
    fs.closeSync(writable);
    await storage.close();
    expect(await textIn(dir)).toEqual({ text: '开头一二三', entries: 4 });
  });

  it('takes in a journal SQLite has no record of, whole, and nothing of one older than it has', async () => {
    const { storage } = await seededStorage();
    await storage.close();
    const file = path.join(dir, JOURNAL_FILE_NAME);
    const { generation } = Journal.read(file)!;
    const write = (gen: number, text: string) => {
      const journal = Journal.create(file, gen, false);
      journal.append({ documentId: 'doc1', createdAt: 5, entries: [{ update: textUpdate(new Y.Doc(), text), userId: 'u1' }] });
      journal.close();
    };
    // older: everything in it was taken in before it was replaced
    write(generation - 1, '旧');
    const afterOlder = await textIn(dir);
    expect(afterOlder.entries).toBe(1);
    expect(afterOlder.text).not.toContain('旧');
    // newer than SQLite knows: none of it was
    const { generation: now } = Journal.read(file)!;
    write(now + 1, '新');
    const afterNewer = await textIn(dir);
    expect(afterNewer.entries).toBe(2);
    expect(afterNewer.text).toContain('新');
  });

  it('refuses a change to an approved document before anything is journaled', async () => {
    const { storage, doc } = await seededStorage();
    // known to be a draft after a change: approving it must still stop the next one
    void storage.documents.append('doc1', [{ update: textUpdate(doc, '草稿'), userId: 'u1' }]);
    await storage.records.setStatus('doc1', 'approved', 5);
    const size = fs.statSync(path.join(dir, JOURNAL_FILE_NAME)).size;
    await expect(storage.documents.append('doc1', [{ update: textUpdate(doc, '晚了'), userId: 'u1' }])).rejects.toBeInstanceOf(DocumentFrozenError);
    expect(fs.statSync(path.join(dir, JOURNAL_FILE_NAME)).size).toBe(size);
    await storage.close();
  });
});
