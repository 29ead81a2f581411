// `npm start`: builds the client when dist/ is missing or older than its
// sources, compiles the server likewise (scripts/buildServer.mjs), then runs
// the server in this process.
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, newestMtime, root } from './buildServer.mjs';

const builtIndex = path.join(root, 'dist', 'index.html');
const sources = Math.max(
  newestMtime(path.join(root, 'client')),
  newestMtime(path.join(root, 'shared')),
  fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
);
if (!fs.existsSync(builtIndex) || fs.statSync(builtIndex).mtimeMs < sources) {
  console.log('Building the client…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}

const entry = await buildServer();
process.chdir(root);
await import(entry);
