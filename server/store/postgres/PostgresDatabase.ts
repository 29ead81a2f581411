// A PostgreSQL pool with the schema brought up to date, and transactions.
import pg from 'pg';
import { postgresMigrations } from './migrations.js';

/** BIGINT columns hold epoch milliseconds and sequence numbers, all well inside a double. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 20 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

export type Queryable = Pick<pg.PoolClient, 'query'>;

export class PostgresDatabase {
  private constructor(readonly pool: pg.Pool) {}

  /**
   * Connects and migrates. `schema` (a test's own, for instance) is created
   * if missing and becomes the search path of every connection.
   */
  static async open(url: string, schema?: string): Promise<PostgresDatabase> {
    const options: pg.PoolConfig = { connectionString: url, types, max: 10 };
    if (schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
      options.options = `-c search_path=${schema}`;
    }
    const pool = new pg.Pool(options);
    pool.on('error', () => {
      // An idle client lost its connection; the pool replaces it. Queries report their own errors.
    });
    if (schema) {
      // Instances starting together on a new schema: one creates it, the others wait (CREATE SCHEMA IF NOT EXISTS alone races).
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(724200)');
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        client.release();
        await pool.end();
        throw err;
      }
      client.release();
    }
    const db = new PostgresDatabase(pool);
    await db.migrate();
    return db;
  }

  private async migrate(): Promise<void> {
    await this.transaction(async (client) => {
      // One instance migrates at a time; the others wait here, then find nothing to do.
      await client.query('SELECT pg_advisory_xact_lock(724201)');
      await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)');
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      for (const migration of postgresMigrations) {
        if (applied.has(migration.version)) continue;
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [migration.version, Date.now()]);
      }
    });
  }

  query<R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
    return this.pool.query<R>(sql, params);
  }

  async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
