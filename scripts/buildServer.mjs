// Compiles the server (TypeScript) into dist-server/ with esbuild when the
// build is missing or older than its sources: `npm start` then runs plain
// JavaScript, without a TypeScript loader in the process (about 60 MB less
// memory, and no compiling on first use of a module). Packages stay in
// node_modules; modules loaded on demand (the Word exporter, the PostgreSQL
// and Redis clients) stay separate chunks.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const serverEntry = path.join(root, 'dist-server', 'index.js');

/**
 * Node's flags for the server process (`npm start` passes the same in
 * package.json). Without V8's memory reducer: while people type lightly, it
 * runs full collections (up to three, half a second apart) to shrink the
 * heap, and each stops the server for as long as the heap is big (tens of
 * milliseconds on a loaded core), in the middle of someone's keystroke.
 */
export const serverNodeFlags = ['--no-memory-reducer'];

export function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds dist-server/ if needed; returns the entry point. */
export async function buildServer() {
  const sources = Math.max(
    newestMtime(path.join(root, 'server')),
    newestMtime(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'package.json')).mtimeMs,
  );
  if (fs.existsSync(serverEntry) && fs.statSync(serverEntry).mtimeMs >= sources) return serverEntry;
  const { build } = await import('esbuild');
  fs.rmSync(path.dirname(serverEntry), { recursive: true, force: true });
  await build({
    entryPoints: [path.join(root, 'server', 'index.ts')],
    outdir: path.dirname(serverEntry),
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  return serverEntry;
}

// `node scripts/buildServer.mjs`: build only.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildServer());
}
