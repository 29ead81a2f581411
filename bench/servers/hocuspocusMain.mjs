// Entry of the Hocuspocus server under test: @hocuspocus/server with its
// SQLite extension, as its documentation sets them up. Plain JavaScript, run by
// node itself (no TypeScript loader in the process, as with the other servers).
import path from 'node:path';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const port = Number(process.env.PORT);
const dataDir = process.env.DATA_DIR;
if (!port || !dataDir) throw new Error('PORT and DATA_DIR are required');

const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: path.join(dataDir, 'hocuspocus.sqlite') })],
});
await server.listen();
