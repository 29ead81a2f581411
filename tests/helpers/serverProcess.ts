// The real server as a separate process (`node --import tsx server/index.ts`),
// for faults that only a process can have: kill -9, SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerProcess {
  url: string;
  wsUrl: string;
  dataDir: string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  /** Output so far, for failure messages. */
  output(): string;
  /** The running process's id. */
  pid(): number;
  kill(signal: NodeJS.Signals): void;
  /** Starts a new process on the same port and data. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-proc-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess;
  let log = '';
  const handle: ServerProcess = {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    dataDir,
    exited: Promise.resolve(0),
    output: () => log.slice(-4000),
    pid: () => child.pid ?? -1,
    kill: (signal) => child.kill(signal),
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        cwd: root,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          CLIENT_DIR: path.join(dataDir, 'no-client'),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (log += d));
      child.stderr!.on('data', (d) => (log += d));
      handle.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
      const deadline = Date.now() + 30_000;
      for (;;) {
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
          /* not up yet */
        }
        if (child.exitCode !== null) throw new Error(`server exited during start:\n${log}`);
        if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await handle.exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await handle.start();
  return handle;
}
