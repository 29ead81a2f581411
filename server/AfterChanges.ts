// A task run for a document shortly after people change it (one run per
// burst of changes): comment anchors brought up to date while moved words
// still read as before, sections' ids and presence (分工) noticed.
import type { Logger } from 'pino';
import type { Room } from './collab/Room.js';
import { Debouncer } from './Debouncer.js';

export class AfterChanges {
  private readonly debouncer: Debouncer;
  private task: ((documentId: string) => Promise<void>) | null = null;

  /** `what` names the task in the log when it fails. */
  constructor(delayMs: number, what: string, logger: Logger) {
    this.debouncer = new Debouncer(delayMs, (documentId) => {
      this.task?.(documentId).catch((err) => logger.error({ err, documentId }, `${what} failed`));
    });
  }

  bind(task: (documentId: string) => Promise<void>): void {
    this.task = task;
  }

  changed(room: Room): void {
    this.debouncer.touch(room.documentId);
  }

  close(): void {
    this.debouncer.close();
  }
}
