// A server under test as a child process: started fresh, measured through
// /proc by its PID, stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverCommand } from '../pinning.js';
import { resetPeakRss, sampleProcess, type ProcessSample } from '../procStats.js';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
const gcPreload = path.join(import.meta.dirname, 'gcOnSignal.mjs');

export interface Launch {
  /** Node arguments after the benchmark's own (--expose-gc and the GC preload). */
  args: string[];
  env: Record<string, string>;
  /** Answers 200 once the server accepts connections. */
  healthUrl: string;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Every server child still running, so a failed run leaves none behind. */
const running = new Set<ChildProcess>();

/** Kills (by PID) every server this process started that is still running. */
export function killStrayServers(): void {
  for (const child of running) child.kill('SIGKILL');
  running.clear();
}

/** What the server's own process.memoryUsage() said right after a full collection. */
export interface HeapSample {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private log = '';
  private exited: Promise<void> = Promise.resolve();
  private readonly memoryFile = path.join(os.tmpdir(), `bench-memory-${process.pid}-${Math.random().toString(36).slice(2)}.json`);

  constructor(private readonly launch: Launch) {}

  get pid(): number {
    if (!this.child?.pid) throw new Error('server not running');
    return this.child.pid;
  }

  /** The last lines the server printed, for error messages. */
  output(): string {
    return this.log.slice(-3000);
  }

  async start(timeoutMs = 30_000): Promise<void> {
    const command = serverCommand(process.execPath, ['--expose-gc', '--import', gcPreload, ...this.launch.args]);
    const child = spawn(command.file, command.args, {
      cwd: repoRoot,
      env: { ...process.env, ...this.launch.env, BENCH_MEMORY_FILE: this.memoryFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    child.once('exit', () => running.delete(child));
    this.log = '';
    const keep = (chunk: Buffer) => {
      this.log = (this.log + chunk.toString()).slice(-20_000);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        if ((await fetch(this.launch.healthUrl)).ok) return;
      } catch {
        // not listening yet
      }
      if (child.exitCode !== null) throw new Error(`server exited while starting:\n${this.output()}`);
      if (Date.now() > deadline) throw new Error(`server did not start:\n${this.output()}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  sample(): ProcessSample {
    return sampleProcess(this.pid);
  }

  resetPeakRss(): boolean {
    return resetPeakRss(this.pid);
  }

  /** A full garbage collection in the server (through the preload); its heap right after. */
  async collectGarbage(): Promise<HeapSample> {
    fs.rmSync(this.memoryFile, { force: true });
    this.child?.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        const sample = JSON.parse(fs.readFileSync(this.memoryFile, 'utf8')) as HeapSample;
        fs.rmSync(this.memoryFile, { force: true });
        // A moment for freed pages to go back to the system before RSS is read.
        await new Promise((r) => setTimeout(r, 300));
        return sample;
      } catch {
        if (Date.now() > deadline) throw new Error('the server did not report its memory after SIGUSR2');
      }
    }
  }

  /** How the last stop went: how long it took and whether SIGTERM sufficed. */
  lastStop: { ms: number; killed: boolean } | null = null;

  /** SIGTERM (servers that handle it store what is pending), SIGKILL if it does not exit in time. */
  async stop(graceMs = 30_000): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const started = performance.now();
    let killed = false;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, graceMs);
    await this.exited;
    clearTimeout(timer);
    this.lastStop = { ms: performance.now() - started, killed };
    this.child = null;
  }
}
