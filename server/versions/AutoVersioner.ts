// Automatic versions while people edit: at most one per interval of activity,
// and one when the last person who can write leaves.
import type { Logger } from 'pino';
import type { Room, RoomObserver } from '../collab/Room.js';
import { Debouncer } from '../Debouncer.js';

export class AutoVersioner implements RoomObserver {
  private readonly debouncer: Debouncer;
  private take: ((documentId: string) => Promise<unknown>) | null = null;

  constructor(
    intervalMs: number,
    private readonly logger: Logger,
  ) {
    this.debouncer = new Debouncer(intervalMs, (documentId) => this.run(documentId));
  }

  /** Connects to whoever takes the versions (set once, after both exist). */
  bind(take: (documentId: string) => Promise<unknown>): void {
    this.take = take;
  }

  changed(room: Room): void {
    this.debouncer.touch(room.documentId);
  }

  writersLeft(room: Room): void {
    this.cancel(room.documentId);
    this.run(room.documentId);
  }

  cancel(documentId: string): void {
    this.debouncer.cancel(documentId);
  }

  close(): void {
    this.debouncer.close();
  }

  private run(documentId: string): void {
    this.take?.(documentId).catch((err) => this.logger.error({ err, documentId }, 'taking an automatic version failed'));
  }
}
