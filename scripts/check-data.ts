// npm run check-data -- [--data ./data | --database postgres://… [--schema name]] [--document ID] [--repair]
// Lists documents whose stored log would trouble the server (unreadable
// entries, changes waiting for what nobody stored, content the schema does
// not allow, entries set aside before); --repair sets the blocking entries
// aside and mends the content. Stop the server first, or run it on a backup.
import fs from 'node:fs';
import path from 'node:path';
import { checkData, describeCheck } from '../server/documents/checkData.js';
import type { Storage } from '../server/store/Storage.js';
import { openSqliteStorage, SQLITE_FILE_NAME } from '../server/store/sqlite/openSqliteStorage.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const repair = args.includes('--repair');
const databaseUrl = option('database') ?? process.env.DATABASE_URL;
const dataDir = option('data') ?? process.env.DATA_DIR ?? './data';

let storage: Storage;
if (databaseUrl) {
  const { openPostgresStorage } = await import('../server/store/postgres/openPostgresStorage.js');
  storage = await openPostgresStorage(databaseUrl, option('schema') ?? process.env.DATABASE_SCHEMA ?? undefined);
} else {
  if (!fs.existsSync(path.join(dataDir, SQLITE_FILE_NAME))) {
    console.error(`no database in ${path.resolve(dataDir)} (expected ${SQLITE_FILE_NAME}); pass --data DIR`);
    process.exit(2);
  }
  storage = openSqliteStorage(dataDir);
}
try {
  const result = await checkData(storage, { repair, documentId: option('document') });
  console.log(describeCheck(result, repair));
  const troubled = result.findings.some((f) => !f.repaired && (f.unreadable.length > 0 || f.waiting || f.problems.length > 0));
  process.exitCode = troubled ? 1 : 0;
} catch (err) {
  console.error(`the check failed: ${(err as Error).message}`);
  process.exitCode = 2;
} finally {
  await storage.close();
}
