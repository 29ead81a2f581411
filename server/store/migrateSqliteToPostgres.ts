// Moves a SQLite deployment's data (accounts, documents, update logs,
// versions, comments, notifications) into PostgreSQL, keeping every id and
// sequence number. The target must be empty.
import path from 'node:path';
import Database from 'better-sqlite3';
import { PostgresDatabase } from './postgres/PostgresDatabase.js';
import { openSqliteStorage, SQLITE_FILE_NAME } from './sqlite/openSqliteStorage.js';

/** Tables in an order that satisfies foreign keys; columns as both stores name them. */
const TABLES: { name: string; columns: string[]; booleans?: string[]; withoutRowid?: boolean }[] = [
  { name: 'users', columns: ['id', 'username', 'username_key', 'display_name', 'password_hash', 'is_admin', 'created_at'], booleans: ['is_admin'] },
  { name: 'sessions', columns: ['token_hash', 'user_id', 'created_at', 'expires_at'] },
  { name: 'invites', columns: ['code', 'created_by', 'created_at', 'expires_at', 'used_by', 'used_at'] },
  {
    name: 'documents',
    columns: ['id', 'title', 'status', 'owner_id', 'template', 'created_at', 'updated_at', 'deleted_at', 'suggest_only'],
    booleans: ['suggest_only'],
  },
  { name: 'members', columns: ['document_id', 'user_id', 'role', 'added_at'] },
  { name: 'document_updates', columns: ['seq', 'document_id', 'data', 'user_id', 'created_at'] },
  { name: 'quarantined_updates', columns: ['document_id', 'seq', 'data', 'user_id', 'reason', 'set_aside_at'] },
  {
    name: 'versions',
    columns: ['id', 'document_id', 'kind', 'name', 'created_at', 'created_by', 'authors', 'state', 'content', 'html', 'text', 'restored_from', 'imported_from'],
  },
  { name: 'version_deletes', columns: ['version_id', 'user_id', 'deletes'] },
  { name: 'client_authors', columns: ['document_id', 'client_id', 'user_id'], withoutRowid: true },
  { name: 'pending_authors', columns: ['document_id', 'user_id'], withoutRowid: true },
  { name: 'pending_deletes', columns: ['seq', 'document_id', 'user_id', 'deletes'] },
  {
    name: 'comment_threads',
    columns: ['id', 'document_id', 'author_id', 'body', 'quote', 'anchor', 'anchor_offset', 'created_at', 'resolved_at', 'resolved_by'],
  },
  { name: 'comment_replies', columns: ['id', 'thread_id', 'author_id', 'body', 'created_at'] },
  {
    name: 'section_assignments',
    columns: ['document_id', 'section_id', 'assignees', 'status', 'due', 'title', 'removed_at', 'updated_at', 'updated_by'],
    withoutRowid: true,
  },
  {
    name: 'notifications',
    columns: ['id', 'user_id', 'document_id', 'thread_id', 'comment_id', 'actor_id', 'excerpt', 'created_at', 'read_at', 'kind', 'section_id'],
  },
];

/** Serial columns whose counters must continue after the copied rows. */
const SEQUENCES = [
  ['document_updates', 'seq'],
  ['pending_deletes', 'seq'],
  ['versions', 'row_order'],
  ['comment_threads', 'row_order'],
  ['comment_replies', 'row_order'],
  ['notifications', 'row_order'],
] as const;

const BATCH_ROWS = 500;

export interface MigrationReport {
  rows: Record<string, number>;
}

export async function migrateSqliteToPostgres(
  dataDir: string,
  databaseUrl: string,
  schema?: string,
  log: (line: string) => void = () => {},
): Promise<MigrationReport> {
  // Opening the storage brings an older file's schema up to date and takes in what the edit journal holds first.
  await openSqliteStorage(dataDir).close();
  const source = new Database(path.join(dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
  const target = await PostgresDatabase.open(databaseUrl, schema);
  const report: MigrationReport = { rows: {} };
  try {
    const { rows } = await target.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users');
    if (rows[0].n > 0) throw new Error('the PostgreSQL database already holds accounts: migrate into an empty one');
    await target.transaction(async (client) => {
      for (const table of TABLES) {
        // Rows come out in the order SQLite created them, which keeps orderings that rely on it (versions, replies).
        const select = source.prepare(`SELECT ${table.columns.join(', ')} FROM ${table.name}${table.withoutRowid ? '' : ' ORDER BY rowid'}`);
        let batch: unknown[][] = [];
        let count = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const width = table.columns.length;
          const values = batch.map((_, r) => `(${table.columns.map((__, c) => `$${r * width + c + 1}`).join(', ')})`).join(', ');
          await client.query(`INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${values}`, batch.flat());
          count += batch.length;
          batch = [];
        };
        for (const row of select.iterate() as Iterable<Record<string, unknown>>) {
          batch.push(table.columns.map((c) => (table.booleans?.includes(c) ? row[c] === 1 : row[c])));
          if (batch.length >= BATCH_ROWS) await flush();
        }
        await flush();
        report.rows[table.name] = count;
        log(`${table.name}: ${count} rows`);
      }
      for (const [table, column] of SEQUENCES) {
        await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${column}'), GREATEST((SELECT COALESCE(MAX(${column}), 0) FROM ${table}), 1))`);
      }
    });
    return report;
  } finally {
    source.close();
    await target.close();
  }
}
