// Loads rooms (once per document, however many clients arrive together) and
// unloads them when idle, never while a write is pending.
import type { Logger } from 'pino';
import type { Role } from '../../shared/api.js';
import { CloseCode, type DocumentEvent } from '../../shared/collab.js';
import type { DocumentRecordStore } from '../store/DocumentRecordStore.js';
import type { DocumentStore, StoredUpdates } from '../store/DocumentStore.js';
import type { VersionStore } from '../store/VersionStore.js';
import type { DocumentStatus } from '../../shared/api.js';
import { LocalPubSub, type PubSub } from '../pubsub/PubSub.js';
import { InstanceLink } from './InstanceLink.js';
import { Room, type RoomLimits, type RoomObserver } from './Room.js';
import { EARLY_ANSWER_WAIT_MS } from './timing.js';
import { takeOverHeadings, untakenHeadings } from '../documents/typedNumbers.js';
import { giveSectionIds, headingsWithoutId } from '../sections/sectionIds.js';
import { ANSWER_FROM_STORE_BYTES, storedBytes } from './storedAnswer.js';

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
  /** The other server instances (scaled out); LocalPubSub with one instance. */
  pubsub?: PubSub;
  /** This instance's name in messages to the others. */
  instanceId?: string;
  /** Scaled out, every loaded room reads what it may have missed from the database this often. */
  catchUpEveryMs?: number;
}

/**
 * Someone waiting for a room being loaded, who can use the stored state before
 * the room is built from it (see storedAnswer.ts); the room is built once
 * every such promise has settled, or after EARLY_ANSWER_WAIT_MS.
 */
export type LoadWaiter = (stored: StoredUpdates) => Promise<void> | void;

type Slot =
  | { state: 'loading'; promise: Promise<Room>; waiters: LoadWaiter[] }
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
  private readonly pubsub: PubSub;
  private readonly link: InstanceLink;

  constructor(private readonly options: RoomRegistryOptions) {
    const rooms = {
      peek: (documentId: string) => this.peek(documentId),
      open: () => this.openRooms(),
      unload: (documentId: string, code: number, reason: string) => this.unload(documentId, code, reason),
    };
    this.pubsub = options.pubsub ?? new LocalPubSub();
    this.link = new InstanceLink(this.pubsub, options.instanceId ?? 'single', rooms, options.logger, options.catchUpEveryMs);
  }

  private *openRooms(): Iterable<Room> {
    for (const slot of this.slots.values()) if (slot.state === 'open') yield slot.room;
  }

  /** Whether every loaded room can store its changes (a failing store makes rooms retry). */
  get healthy(): boolean {
    for (const slot of this.slots.values()) if (slot.state === 'open' && !slot.room.healthy) return false;
    return true;
  }

  /**
   * The room of a document, loading it if needed. The caller should join it or
   * let it idle out. `waiter` is given the stored state first when the room
   * is loaded for this call and is large.
   */
  async acquire(documentId: string, waiter?: LoadWaiter): Promise<Room> {
    for (;;) {
      if (this.closing) throw new Error('server is shutting down');
      const slot = this.slots.get(documentId);
      if (!slot) return this.load(documentId, waiter);
      if (slot.state === 'loading') {
        if (waiter) slot.waiters.push(waiter);
        return slot.promise;
      }
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
  /** Whether the document's room is in memory in any state (loading, open or still unloading). */
  holds(documentId: string): boolean {
    return this.slots.has(documentId);
  }

  peek(documentId: string): Room | null {
    const slot = this.slots.get(documentId);
    return slot?.state === 'open' ? slot.room : null;
  }

  private load(documentId: string, waiter?: LoadWaiter): Promise<Room> {
    const waiters: LoadWaiter[] = waiter ? [waiter] : [];
    const promise = (async () => {
      const record = await this.options.records.getDocument(documentId);
      if (!record) throw new DocumentNotFoundError(documentId);
      const [stored, clientAuthors] = await Promise.all([this.options.documents.load(documentId), this.options.versions?.clientAuthors(documentId)]);
      if (waiters.length > 0 && storedBytes(stored) >= ANSWER_FROM_STORE_BYTES) await this.answerEarly(documentId, stored, waiters);
      const room = new Room(
        {
          documentId,
          status: record.status,
          suggestOnly: record.suggestOnly,
          store: this.options.documents,
          logger: this.options.logger,
          compactAfterUpdates: this.options.compactAfterUpdates,
          limits: this.options.limits,
          clientAuthors,
          observer: this.options.observer,
          publish: this.link.publisher(documentId),
          onEmpty: (r) => this.scheduleIdle(r),
        },
        stored,
      );
      this.slots.set(documentId, { state: 'open', room, idleTimer: null });
      this.scheduleIdle(room);
      // headings written before automatic numbering: their typed numbers taken over, once (an approved document keeps them)
      const untaken = record.status === 'approved' ? [] : untakenHeadings(room.body);
      if (untaken.length > 0) room.applyServerChange(null, () => takeOverHeadings(untaken));
      // section headings without an id (from before 分工, or written by a client without the editor) get one before anyone syncs
      const unnamed = record.status === 'approved' ? [] : headingsWithoutId(room.body);
      if (unnamed.length > 0) room.applyServerChange(null, () => giveSectionIds(unnamed));
      // scaled out: what the others say about it, and what they stored between the load and now
      await this.link.opened(room);
      // The status and suggestOnly (who may edit, who only suggest) as they are now: a change made
      // between reading the record and listening to the others would otherwise be missed.
      const current = await this.options.records.getDocument(documentId);
      if (current) {
        room.setStatus(current.status);
        room.setSuggestOnly(current.suggestOnly);
      }
      // a long log (left by a crash) is compacted once the first readers are served
      room.compactWhenIdle();
      return room;
    })();
    this.slots.set(documentId, { state: 'loading', promise, waiters });
    promise.catch(() => {
      if (this.slots.get(documentId)?.state === 'loading') this.slots.delete(documentId);
    });
    return promise;
  }

  /** Lets the waiters answer from the stored state, and waits (a little) for their answers to leave. */
  private async answerEarly(documentId: string, stored: StoredUpdates, waiters: LoadWaiter[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const answered = Promise.allSettled(
      waiters.map(async (w) => {
        try {
          await w(stored);
        } catch (err) {
          this.options.logger.warn({ err, documentId }, 'answering from the stored state failed');
        }
      }),
    );
    await Promise.race([answered, new Promise((r) => (timer = setTimeout(r, EARLY_ANSWER_WAIT_MS)))]);
    clearTimeout(timer);
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
        await this.link.closing(documentId);
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

  /** Tells the document's connected editors, on every instance, to refresh something. */
  sendEvent(documentId: string, event: DocumentEvent): void {
    this.link.sendEvent(documentId, event);
  }

  /** Tells one account's open editors, whatever document they show, on every instance. */
  notifyUser(userId: string, event: DocumentEvent): void {
    this.link.notifyUser(userId, event);
  }

  /** The document's status (approved: read-only for all), on every instance. */
  setStatus(documentId: string, status: DocumentStatus): void {
    this.link.setStatus(documentId, status);
  }

  /** 修订: whether editors only suggest, for the document's open connections at once, on every instance. */
  setSuggestOnly(documentId: string, suggestOnly: boolean): void {
    this.link.setSuggestOnly(documentId, suggestOnly);
  }

  /** Applies a member's new role (or removal) to their open connections at once, on every instance. */
  updateAccess(documentId: string, userId: string, role: Role | null): void {
    this.link.updateAccess(documentId, userId, role);
  }

  /** Closes a deleted document's connections and frees it, on every instance. */
  async closeDocument(documentId: string): Promise<void> {
    this.link.deleted(documentId);
    await this.unload(documentId, CloseCode.documentNotFound, 'document deleted');
  }

  /** Every room: store what is pending, close sockets with 1012 (come back later). */
  async closeAll(): Promise<void> {
    this.closing = true;
    this.link.close();
    await Promise.all([...this.slots.keys()].map((id) => this.unload(id, CloseCode.serviceRestart, 'server restarting')));
  }
}
