// Loads rooms (once per document, however many clients arrive together) and
// unloads them when idle, never while a write is pending.
import type { Logger } from 'pino';
import type { Role } from '../../shared/api.js';
import { CloseCode, type DocumentEvent } from '../../shared/collab.js';
import type { DocumentRecordStore } from '../store/DocumentRecordStore.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { VersionStore } from '../store/VersionStore.js';
import { Room, type RoomLimits, type RoomObserver } from './Room.js';

export interface RoomRegistryOptions {
  documents: DocumentStore;
  records: DocumentRecordStore;
  logger: Logger;
  roomIdleMs: number;
  compactAfterUpdates: number;
  limits?: RoomLimits;
  /** Where rooms learn which account each Yjs client id belongs to. */
  versions?: Pick<VersionStore, 'clientAuthors'>;
  observer?: RoomObserver;
}

type Slot =
  | { state: 'loading'; promise: Promise<Room> }
  | { state: 'open'; room: Room; idleTimer: NodeJS.Timeout | null }
  | { state: 'unloading'; done: Promise<void> };

export class DocumentNotFoundError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId} not found`);
    this.name = 'DocumentNotFoundError';
  }
}

export class RoomRegistry {
  private readonly slots = new Map<string, Slot>();
  private closing = false;

  constructor(private readonly options: RoomRegistryOptions) {}

  get openRooms(): number {
    let n = 0;
    for (const slot of this.slots.values()) if (slot.state === 'open') n++;
    return n;
  }

  /** Whether every loaded room can store its changes (a failing store makes rooms retry). */
  get healthy(): boolean {
    for (const slot of this.slots.values()) if (slot.state === 'open' && !slot.room.healthy) return false;
    return true;
  }

  /** The room of a document, loading it if needed. The caller should join it or let it idle out. */
  async acquire(documentId: string): Promise<Room> {
    for (;;) {
      if (this.closing) throw new Error('server is shutting down');
      const slot = this.slots.get(documentId);
      if (!slot) return this.load(documentId);
      if (slot.state === 'loading') return slot.promise;
      if (slot.state === 'unloading') {
        await slot.done;
        continue;
      }
      if (slot.idleTimer) {
        clearTimeout(slot.idleTimer);
        slot.idleTimer = null;
      }
      // A room nobody joins after this (a REST read) unloads after the idle time again.
      if (slot.room.connections.size === 0) this.scheduleIdle(slot.room);
      return slot.room;
    }
  }

  /** Runs `work` on the document's room, which stays loaded until it is done. */
  async withRoom<T>(documentId: string, work: (room: Room) => Promise<T> | T): Promise<T> {
    const room = await this.acquire(documentId);
    room.holds++;
    try {
      return await work(room);
    } finally {
      room.holds--;
      if (room.connections.size === 0) this.scheduleIdle(room);
    }
  }

  /** The room if it is loaded; never loads. */
  peek(documentId: string): Room | null {
    const slot = this.slots.get(documentId);
    return slot?.state === 'open' ? slot.room : null;
  }

  private load(documentId: string): Promise<Room> {
    const promise = (async () => {
      const record = await this.options.records.getDocument(documentId);
      if (!record) throw new DocumentNotFoundError(documentId);
      const [stored, clientAuthors] = await Promise.all([
        this.options.documents.load(documentId),
        this.options.versions?.clientAuthors(documentId),
      ]);
      const room = new Room(
        {
          documentId,
          status: record.status,
          store: this.options.documents,
          logger: this.options.logger,
          compactAfterUpdates: this.options.compactAfterUpdates,
          limits: this.options.limits,
          clientAuthors,
          observer: this.options.observer,
          onEmpty: (r) => this.scheduleIdle(r),
        },
        stored,
      );
      this.slots.set(documentId, { state: 'open', room, idleTimer: null });
      this.scheduleIdle(room);
      if (stored.updates.length > this.options.compactAfterUpdates) void room.compact();
      return room;
    })();
    this.slots.set(documentId, { state: 'loading', promise });
    promise.catch(() => {
      if (this.slots.get(documentId)?.state === 'loading') this.slots.delete(documentId);
    });
    return promise;
  }

  private scheduleIdle(room: Room): void {
    const slot = this.slots.get(room.documentId);
    if (slot?.state !== 'open' || slot.room !== room) return;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = setTimeout(() => {
      slot.idleTimer = null;
      if (room.connections.size === 0 && room.holds === 0) void this.unload(room.documentId);
    }, this.options.roomIdleMs);
    slot.idleTimer.unref();
  }

  /** Stores what is pending, compacts the log and frees the room. */
  async unload(documentId: string, code: number = CloseCode.serviceRestart, reason = 'room closed'): Promise<void> {
    const slot = this.slots.get(documentId);
    if (!slot) return;
    if (slot.state === 'unloading') return slot.done;
    if (slot.state === 'loading') {
      await slot.promise.catch(() => undefined);
      return this.unload(documentId, code, reason);
    }
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    const room = slot.room;
    const done = (async () => {
      try {
        await room.compact();
        await room.destroy(code, reason);
      } catch (err) {
        this.options.logger.error({ err, documentId }, 'unloading a room failed');
      } finally {
        this.slots.delete(documentId);
      }
    })();
    this.slots.set(documentId, { state: 'unloading', done });
    return done;
  }

  /** Tells the document's connected editors to refresh something (a no-op when nobody has it open). */
  sendEvent(documentId: string, event: DocumentEvent): void {
    this.peek(documentId)?.sendEvent(event);
  }

  /** Tells one account's open editors, whatever document they show. */
  notifyUser(userId: string, event: DocumentEvent): void {
    for (const slot of this.slots.values()) {
      if (slot.state === 'open') slot.room.sendEvent(event, (c) => c.user.id === userId);
    }
  }

  /** Applies a member's new role (or removal) to their open connections at once. */
  updateAccess(documentId: string, userId: string, role: Role | null): void {
    const room = this.peek(documentId);
    if (!room) return;
    for (const connection of [...room.connections]) {
      if (connection.user.id !== userId) continue;
      if (role === null) connection.close(CloseCode.forbidden, 'membership revoked');
      else {
        connection.role = role;
        room.sendEvent({ type: 'document' }, (c) => c === connection);
      }
    }
  }

  /** Closes a deleted document's connections and frees it. */
  async closeDocument(documentId: string): Promise<void> {
    await this.unload(documentId, CloseCode.documentNotFound, 'document deleted');
  }

  /** Every room: store what is pending, close sockets with 1012 (come back later). */
  async closeAll(): Promise<void> {
    this.closing = true;
    await Promise.all([...this.slots.keys()].map((id) => this.unload(id, CloseCode.serviceRestart, 'server restarting')));
  }
}
