// What the browser benchmark loads: Yigao's client as `npm run build` makes
// it (dist/, rebuilt here when client/ or shared/ changed since, so a fresh
// clone works and a stale build is never measured) and the bare page, built
// by Vite into a temporary directory and served as static files the way any
// static host would (hashed assets cached for good, the page revalidated).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { repoRoot } from '../servers/ServerProcess.js';

const newestIn = (dir: string): number => {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
};

/** Production builds only: Vitest sets NODE_ENV=test, which would give React's development build. */
async function productionBuild(configFile: string, outDir?: string): Promise<void> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile, logLevel: 'warn', mode: 'production', ...(outDir ? { build: { outDir } } : {}) });
  } finally {
    process.env.NODE_ENV = previous;
  }
}

/** dist/ as `npm run build` writes it; built now if missing or older than the client's sources. Returns its path. */
export async function yigaoClient(): Promise<string> {
  const dist = path.join(repoRoot, 'dist');
  const index = path.join(dist, 'index.html');
  const sources = Math.max(newestIn(path.join(repoRoot, 'client')), newestIn(path.join(repoRoot, 'shared')));
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
    console.log('building the client (dist/ missing or older than client/)…');
    await productionBuild(path.join(repoRoot, 'vite.config.ts'));
  }
  return dist;
}

/** The bare pages (vanilla, and the same editor on React), built into a fresh temporary directory (removed by the caller). */
export async function bareBuild(): Promise<string> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-bare-'));
  await productionBuild(path.join(import.meta.dirname, 'vite.bare.config.ts'), outDir);
  await productionBuild(path.join(import.meta.dirname, 'vite.bareReact.config.ts'), outDir);
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `dir` on a free port of 127.0.0.1. */
export async function serveStatic(dir: string): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname);
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'cache-control': pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
