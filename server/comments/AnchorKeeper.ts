// Brings comment anchors up to date shortly after people edit, so that words
// moved by a split or join are found again while they still read as before,
// and a thread whose passage is deleted keeps the last words it had.
import type { Logger } from 'pino';
import type { Room } from '../collab/Room.js';
import { Debouncer } from '../Debouncer.js';

export class AnchorKeeper {
  private readonly debouncer: Debouncer;
  private refresh: ((documentId: string) => Promise<void>) | null = null;

  constructor(delayMs: number, logger: Logger) {
    this.debouncer = new Debouncer(delayMs, (documentId) => {
      this.refresh?.(documentId).catch((err) => logger.error({ err, documentId }, 'refreshing comment anchors failed'));
    });
  }

  bind(refresh: (documentId: string) => Promise<void>): void {
    this.refresh = refresh;
  }

  changed(room: Room): void {
    this.debouncer.touch(room.documentId);
  }

  close(): void {
    this.debouncer.close();
  }
}
