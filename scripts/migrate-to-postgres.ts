// npm run migrate-to-postgres -- [--data ./data] --to postgres://user@host/db [--schema name]
// Moves a SQLite deployment into an empty PostgreSQL database. Stop the server first.
import { migrateSqliteToPostgres } from '../server/store/migrateSqliteToPostgres.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const to = option('to') ?? process.env.DATABASE_URL;
if (!to) {
  console.error('usage: npm run migrate-to-postgres -- [--data ./data] --to postgres://user@host/db [--schema name]');
  process.exit(2);
}
try {
  const report = await migrateSqliteToPostgres(option('data') ?? process.env.DATA_DIR ?? './data', to, option('schema'), (line) => console.log(line));
  const total = Object.values(report.rows).reduce((a, b) => a + b, 0);
  console.log(`done: ${total} rows moved. Start the server with DATABASE_URL=${to.replace(/:[^:@/]*@/, ':***@')}`);
} catch (err) {
  console.error(`migration failed, nothing was changed in PostgreSQL: ${(err as Error).message}`);
  process.exit(1);
}
