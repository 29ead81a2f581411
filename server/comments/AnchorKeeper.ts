// Brings comment anchors up to date shortly after people edit, so that words
// moved by a split or join are found again while they still read as before,
// and a thread whose passage is deleted keeps the last words it had.
import type { Logger } from 'pino';
import type { Room } from '../collab/Room.js';

export class AnchorKeeper {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private refresh: ((documentId: string) => Promise<void>) | null = null;

  constructor(
    private readonly delayMs: number,
    private readonly logger: Logger,
  ) {}

  bind(refresh: (documentId: string) => Promise<void>): void {
    this.refresh = refresh;
  }

  changed(room: Room): void {
    if (this.timers.has(room.documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room.documentId);
      this.refresh?.(room.documentId).catch((err) => this.logger.error({ err, documentId: room.documentId }, 'refreshing comment anchors failed'));
    }, this.delayMs);
    timer.unref();
    this.timers.set(room.documentId, timer);
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
