import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer } from './Checkpointer.js';
import { openSqlite } from './openSqlite.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function database() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-ckpt-'));
  dirs.push(dir);
  const file = path.join(dir, 'y.sqlite');
  const db = openSqlite(file, 'NORMAL');
  db.exec('CREATE TABLE t (n INTEGER PRIMARY KEY, data BLOB)');
  const insert = db.prepare('INSERT INTO t (data) VALUES (?)');
  const write = (rows: number) => {
    for (let i = 0; i < rows; i++) insert.run(Buffer.alloc(3000, i % 256));
  };
  return { db, file, write };
}

describe('Checkpointer', () => {
  it('turns off checkpoints on commit and copies the log into the database file from its worker', async () => {
    const { db, file, write } = database();
    const checkpointer = new Checkpointer(db, file, undefined, 60_000);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      write(2_000); // ~1,500 pages: past the mark at which a commit would have checkpointed
      const sizeBefore = fs.statSync(file).size;
      const result = await checkpointer.checkpoint();
      expect(result).not.toBeNull();
      expect(result!.log).toBeGreaterThan(1_000);
      expect(result!.checkpointed).toBe(result!.log);
      expect(fs.statSync(file).size).toBeGreaterThan(sizeBefore + 2_000 * 3000 * 0.9);
      // the writer starts the log over once everything is copied
      write(10);
      expect((await checkpointer.checkpoint())!.log).toBeLessThan(50);
      expect(db.prepare('SELECT COUNT(*) AS n FROM t').get()).toEqual({ n: 2_010 });
    } finally {
      await checkpointer.close();
      db.close();
    }
  });

  it('gives checkpoints back to SQLite when the worker dies', async () => {
    const { db, file } = database();
    const checkpointer = new Checkpointer(db, file, undefined, 60_000);
    await (checkpointer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
    await new Promise((r) => setTimeout(r, 50));
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(await checkpointer.checkpoint()).toBeNull();
    await checkpointer.close();
    db.close();
  });
});
