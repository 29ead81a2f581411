// A fresh server per bench case: starts the named server on a fresh store in
// a temporary directory, runs the case against it, then stops the server and
// removes the store, whether the case succeeded or not, so no case inherits
// another's state.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ServerName, ServerUnderTest, StartOptions } from './ServerUnderTest.js';
import { startServer } from './startServer.js';

/** Starts a fresh server on a fresh store, runs `work`, stops it and removes the store. */
export async function withServer<T>(
  name: ServerName,
  options: Omit<StartOptions, 'dataDir'>,
  work: (server: ServerUnderTest, dataDir: string) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  let server: ServerUnderTest | null = null;
  try {
    server = await startServer(name, { ...options, dataDir });
    return await work(server, dataDir);
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
