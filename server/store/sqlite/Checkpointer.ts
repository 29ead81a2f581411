// SQLite in WAL mode copies the log back into the database file (a
// checkpoint, with an fsync) every 1,000 pages, inside whichever commit
// crosses that mark: a pause of several milliseconds on the main thread, in
// the middle of relaying an edit. Here the automatic checkpoint is off and a
// worker thread with a connection of its own checkpoints the file every
// second instead (PASSIVE: it never blocks the writer). Should the worker
// fail, the automatic checkpoint is turned back on, so the log never grows
// without bound.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { Logger } from 'pino';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String(err && err.message || err) });
  }
});
`;

const DEFAULT_AUTOCHECKPOINT_PAGES = 1000;

export interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

export class Checkpointer {
  private readonly worker: Worker;
  private readonly timer: NodeJS.Timeout;
  private failed = false;
  private closed = false;
  private inFlight: ((result: CheckpointResult | null) => void)[] = [];

  constructor(
    private readonly db: Database.Database,
    file: string,
    private readonly logger?: Logger,
    everyMs = 1_000,
  ) {
    db.pragma('wal_autocheckpoint = 0');
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file } });
    this.worker.unref();
    this.worker.on('message', (message: { ok: boolean; result?: { busy: number; log: number; checkpointed: number }; error?: string }) => {
      const resolve = this.inFlight.shift();
      if (!message.ok) this.fail(new Error(message.error));
      resolve?.(message.ok && message.result ? message.result : null);
    });
    this.worker.on('error', (err) => this.fail(err));
    this.worker.on('exit', () => {
      if (!this.closed) this.fail(new Error('the checkpoint worker exited'));
    });
    this.timer = setInterval(() => void this.checkpoint(), everyMs);
    this.timer.unref();
  }

  /** Checkpoints now, in the worker; null when it could not. */
  checkpoint(): Promise<CheckpointResult | null> {
    if (this.failed || this.closed) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.inFlight.push(resolve);
      this.worker.postMessage('checkpoint');
    });
  }

  private fail(err: unknown): void {
    if (this.failed || this.closed) return;
    this.failed = true;
    clearInterval(this.timer);
    for (const resolve of this.inFlight.splice(0)) resolve(null);
    this.logger?.warn({ err }, 'checkpointing in the background failed; SQLite checkpoints on commit again');
    if (this.db.open) this.db.pragma(`wal_autocheckpoint = ${DEFAULT_AUTOCHECKPOINT_PAGES}`);
    void this.worker.terminate();
  }

  /** Stops the worker; the caller's connection checkpoints what is left when it closes. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.timer);
    for (const resolve of this.inFlight.splice(0)) resolve(null);
    if (this.failed) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.postMessage('close');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 2_000).unref())]);
    await this.worker.terminate();
  }
}
