// `npm start`: builds the client when dist/ is missing or older than its
// sources, compiles the server likewise (scripts/buildServer.mjs), then runs
// the server in this process. Several `npm start` at once take turns at the
// build (a lock directory), so none reads a dist-server/ another is rewriting;
// for several instances, `npm run build` once and `npm run serve` each is the
// recipe (README, "Scaled out").
import fs from 'node:fs';
import path from 'node:path';
import { buildServer, newestMtime, root } from './buildServer.mjs';

const builtIndex = path.join(root, 'dist', 'index.html');
const lock = path.join(root, '.build-lock');
/** A lock older than this was left by a build that died. */
const STALE_LOCK_MS = 5 * 60_000;

async function withBuildLock(work) {
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      try {
        if (Date.now() - fs.statSync(lock).mtimeMs > STALE_LOCK_MS) fs.rmSync(lock, { recursive: true, force: true });
      } catch {
        // released meanwhile
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await work();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

const entry = await withBuildLock(async () => {
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
  return buildServer();
});
process.chdir(root);
await import(entry);
