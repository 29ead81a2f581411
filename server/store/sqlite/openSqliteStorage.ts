import path from 'node:path';
import type { Logger } from 'pino';
import type { Storage } from '../Storage.js';
import { Checkpointer } from './Checkpointer.js';
import { openSqlite, type SqliteSynchronous } from './openSqlite.js';
import { SqliteAccountStore } from './SqliteAccountStore.js';
import { SqliteDocumentRecordStore } from './SqliteDocumentRecordStore.js';
import { SqliteDocumentStore } from './SqliteDocumentStore.js';
import { SqliteCommentStore } from './SqliteCommentStore.js';
import { SqliteSectionStore } from './SqliteSectionStore.js';
import { SqliteVersionStore } from './SqliteVersionStore.js';

export const SQLITE_FILE_NAME = 'yigao.sqlite';
/** The edit journal (Journal.ts): part of the data, backed up with the database file. */
export const JOURNAL_FILE_NAME = 'yigao.journal';

/** The embedded default: one SQLite file in the data folder (or in memory, for tests). */
export function openSqliteStorage(dataDir: string | ':memory:', synchronous: SqliteSynchronous = 'NORMAL', logger?: Logger): Storage {
  const file = dataDir === ':memory:' ? ':memory:' : path.join(dataDir, SQLITE_FILE_NAME);
  const db = openSqlite(file, synchronous);
  const checkpointer = file === ':memory:' ? null : new Checkpointer(db, file, logger);
  // The edit journal sits beside the database file (none in memory).
  const documents =
    file === ':memory:'
      ? new SqliteDocumentStore(db)
      : new SqliteDocumentStore(db, Date.now, { file: path.join(path.dirname(file), JOURNAL_FILE_NAME), syncEachWrite: synchronous === 'FULL' });
  if (documents.recovered > 0) logger?.warn({ records: documents.recovered }, 'took in edits from the journal that the database did not have yet');
  return {
    kind: 'sqlite',
    accounts: new SqliteAccountStore(db),
    records: new SqliteDocumentRecordStore(db, (documentId) => documents.statusChanged(documentId)),
    documents,
    versions: new SqliteVersionStore(
      db,
      () => documents.takeIn(),
      (documentId) => documents.forgetPendingAuthors(documentId),
    ),
    comments: new SqliteCommentStore(db),
    sections: new SqliteSectionStore(db),
    async close() {
      documents.close();
      await checkpointer?.close();
      db.close();
    },
  };
}
