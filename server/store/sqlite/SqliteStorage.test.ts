import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStorageContract } from '../storageContract.js';
import { openSqliteStorage } from './openSqliteStorage.js';

describeStorageContract('SQLite in memory', async () => openSqliteStorage(':memory:'));

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
