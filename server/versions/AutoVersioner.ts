// Automatic versions while people edit: at most one per interval of activity,
// and one when the last person who can write leaves.
import type { Logger } from 'pino';
import type { Room, RoomObserver } from '../collab/Room.js';

export class AutoVersioner implements RoomObserver {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private take: ((documentId: string) => Promise<unknown>) | null = null;

  constructor(
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  /** Connects to whoever takes the versions (set once, after both exist). */
  bind(take: (documentId: string) => Promise<unknown>): void {
    this.take = take;
  }

  changed(room: Room): void {
    if (this.timers.has(room.documentId)) return;
    const timer = setTimeout(() => {
      this.timers.delete(room.documentId);
      this.run(room.documentId);
    }, this.intervalMs);
    timer.unref();
    this.timers.set(room.documentId, timer);
  }

  writersLeft(room: Room): void {
    this.cancel(room.documentId);
    this.run(room.documentId);
  }

  cancel(documentId: string): void {
    const timer = this.timers.get(documentId);
    if (timer) clearTimeout(timer);
    this.timers.delete(documentId);
  }

  close(): void {
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private run(documentId: string): void {
    this.take?.(documentId).catch((err) => this.logger.error({ err, documentId }, 'taking an automatic version failed'));
  }
}
