// A real Yigao server on a free port with its own data folder, for one test file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../server/config.js';
import { createServer, type YigaoServer } from '../../server/createServer.js';
import type { Storage } from '../../server/store/Storage.js';

export interface TestServer {
  url: string;
  wsUrl: string;
  dataDir: string;
  server: YigaoServer;
  /** Closes the server gracefully and starts a new one on the same data and port (a restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/** `storage` replaces the SQLite store (to inject faults); such a server cannot restart. */
export async function startTestServer(env: Record<string, string> = {}, storage?: Storage): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-test-'));
  let port = '0';
  const boot = async () => {
    const config = loadConfig({ PORT: port, HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CLIENT_DIR: '', ...env });
    const server = await createServer(
      { ...config, clientDir: env.CLIENT_DIR ? config.clientDir : null },
      { logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), storage },
    );
    const { url, port: bound } = await server.listen();
    // A restart comes back on the same port, as `npm start` would, so clients reconnect by themselves.
    port = String(bound);
    return { server, url };
  };
  let current = await boot();
  const handle: TestServer = {
    url: current.url,
    wsUrl: current.url.replace(/^http/, 'ws') + '/collab',
    dataDir,
    server: current.server,
    async restart() {
      await current.server.close();
      current = await boot();
      handle.server = current.server;
      handle.url = current.url;
      handle.wsUrl = current.url.replace(/^http/, 'ws') + '/collab';
    },
    async stop() {
      await current.server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
