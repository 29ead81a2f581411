import type { Storage } from '../Storage.js';
import { PostgresAccountStore } from './PostgresAccountStore.js';
import { PostgresCommentStore } from './PostgresCommentStore.js';
import { PostgresSectionStore } from './PostgresSectionStore.js';
import { PostgresDatabase } from './PostgresDatabase.js';
import { PostgresDocumentRecordStore } from './PostgresDocumentRecordStore.js';
import { PostgresDocumentStore } from './PostgresDocumentStore.js';
import { PostgresVersionStore } from './PostgresVersionStore.js';

/** The scaled-out store: PostgreSQL at `url` (in `schema`, when given: tests use one each). */
export async function openPostgresStorage(url: string, schema?: string): Promise<Storage> {
  const db = await PostgresDatabase.open(url, schema);
  const documents = new PostgresDocumentStore(db);
  return {
    kind: 'postgres',
    accounts: new PostgresAccountStore(db),
    records: new PostgresDocumentRecordStore(db),
    documents,
    versions: new PostgresVersionStore(db),
    comments: new PostgresCommentStore(db),
    sections: new PostgresSectionStore(db),
    async close() {
      await documents.flush();
      await db.close();
    },
  };
}
