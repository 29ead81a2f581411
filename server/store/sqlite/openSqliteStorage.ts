import path from 'node:path';
import type { Logger } from 'pino';
import type { Storage } from '../Storage.js';
import { Checkpointer } from './Checkpointer.js';
import { openSqlite, type SqliteSynchronous } from './openSqlite.js';
import { SqliteAccountStore } from './SqliteAccountStore.js';
import { SqliteDocumentRecordStore } from './SqliteDocumentRecordStore.js';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';
import { SqliteCommentStore } from './SqliteCommentStore.js';
import { SqliteVersionStore } from './SqliteVersionStore.js';

export const SQLITE_FILE_NAME = 'yigao.sqlite';

/** The embedded default: one SQLite file in the data folder (or in memory, for tests). */
export function openSqliteStorage(dataDir: string | ':memory:', synchronous: SqliteSynchronous = 'NORMAL', logger?: Logger): Storage {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, SQLITE_FILE_NAME);
  const db = openSqlite(file, synchronous);
  const checkpointer = file === ':memory:' ? null : new Checkpointer(db, file, logger);
  const documents = new SqliteDocumentStore(db);
  return {
    kind: 'sqlite',
    accounts: new SqliteAccountStore(db),
    records: new SqliteDocumentRecordStore(db),
    documents,
    versions: new SqliteVersionStore(db),
    comments: new SqliteCommentStore(db),
    async close() {
      documents.flush();
      await checkpointer?.close();
      db.close();
    },
  };
}
