// What this server instance and the others tell each other about their rooms
// (scaled out, through the pub/sub; with one instance every message stays
// here): stored changes and presence, events, status, suggestOnly and access changes,
// deletions. Catching up from the database is the safety net for messages
// lost while Redis was away.
import { fromBase64, toBase64 } from 'lib0/buffer';
import type { Logger } from 'pino';
import type { DocumentStatus, Role } from '../../shared/api.js';
import { CloseCode, type DocumentEvent } from '../../shared/collab.js';
import type { PubSub } from '../pubsub/PubSub.js';
import { documentChannel, parseMessage, USER_CHANNEL, type DocumentMessage, type UserMessage } from '../pubsub/messages.js';
import type { Room, RoomMessage } from './Room.js';
import { CATCH_UP_CHECK_MS, CATCH_UP_EVERY_MS } from './timing.js';
import { applyRoleChange } from '../access/DocumentAccess.js';

/** The rooms of this instance, as the link sees them. */
export interface LinkedRooms {
  /** The document's room if it is open here. */
  peek(documentId: string): Room | null;
  open(): Iterable<Room>;
  unload(documentId: string, code: number, reason: string): Promise<void>;
}

export class InstanceLink {
  private readonly catchUpTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly pubsub: PubSub,
    /** This instance's name in messages to the others. */
    private readonly instanceId: string,
    private readonly rooms: LinkedRooms,
    private readonly logger: Logger,
    catchUpEveryMs = CATCH_UP_EVERY_MS,
  ) {
    if (!pubsub.distributed) return;
    void pubsub.subscribe(USER_CHANNEL, (raw) => this.onUserMessage(raw));
    // After Redis comes back, read at once what may have been missed; meanwhile, and as a
    // safety net for lost messages, every room catches up from the database regularly.
    pubsub.onReconnect(() => this.catchUpAll());
    let last = 0;
    this.catchUpTimer = setInterval(() => {
      const now = Date.now();
      if (pubsub.healthy && now - last < catchUpEveryMs) return;
      last = now;
      this.catchUpAll();
    }, CATCH_UP_CHECK_MS);
    this.catchUpTimer.unref();
  }

  get distributed(): boolean {
    return this.pubsub.distributed;
  }

  /** How a room of `documentId` tells the others; undefined with one instance. */
  publisher(documentId: string): ((message: RoomMessage) => void) | undefined {
    if (!this.pubsub.distributed) return undefined;
    return (m) => this.publish(documentId, { t: m.t, from: this.instanceId, update: toBase64(m.update) });
  }

  /** Listens to the others about a room just opened here, and reads what they stored meanwhile. */
  async opened(room: Room): Promise<void> {
    if (!this.pubsub.distributed) return;
    await this.pubsub.subscribe(documentChannel(room.documentId), (raw) => this.onDocumentMessage(room.documentId, raw));
    await room.catchUp();
  }

  async closing(documentId: string): Promise<void> {
    if (this.pubsub.distributed) await this.pubsub.unsubscribe(documentChannel(documentId));
  }

  private catchUpAll(): void {
    for (const room of this.rooms.open()) room.catchUp().catch((err) => this.logger.warn({ err, documentId: room.documentId }, 'catching up failed'));
  }

  private publish(documentId: string, message: DocumentMessage): void {
    this.pubsub.publish(documentChannel(documentId), JSON.stringify(message));
  }

  private onDocumentMessage(documentId: string, raw: string): void {
    const message = parseMessage<DocumentMessage>(raw);
    if (!message || message.from === this.instanceId) return;
    const room = this.rooms.peek(documentId);
    if (!room) return;
    switch (message.t) {
      case 'update':
      case 'awareness':
        room.applyRemote({ t: message.t, update: fromBase64(message.update) });
        return;
      case 'event':
        room.sendEvent(message.event);
        return;
      case 'status':
        room.setStatus(message.status);
        return;
      case 'review':
        room.setSuggestOnly(message.suggestOnly);
        return;
      case 'access':
        applyAccess(room, message.userId, message.role);
        return;
      case 'deleted':
        void this.rooms.unload(documentId, CloseCode.documentNotFound, 'document deleted');
        return;
    }
  }

  private onUserMessage(raw: string): void {
    const message = parseMessage<UserMessage>(raw);
    if (!message || message.from === this.instanceId || message.t !== 'notify') return;
    this.notifyLocal(message.userId, message.event);
  }

  /** Tells the document's connected editors, on every instance, to refresh something. */
  sendEvent(documentId: string, event: DocumentEvent): void {
    this.rooms.peek(documentId)?.sendEvent(event);
    this.publish(documentId, { t: 'event', from: this.instanceId, event });
  }

  /** Tells one account's open editors, whatever document they show, on every instance. */
  notifyUser(userId: string, event: DocumentEvent): void {
    this.notifyLocal(userId, event);
    this.pubsub.publish(USER_CHANNEL, JSON.stringify({ t: 'notify', from: this.instanceId, userId, event } satisfies UserMessage));
  }

  private notifyLocal(userId: string, event: DocumentEvent): void {
    for (const room of this.rooms.open()) room.sendEvent(event, (c) => c.user.id === userId);
  }

  /** The document's status (approved: read-only for all), on every instance. */
  setStatus(documentId: string, status: DocumentStatus): void {
    this.rooms.peek(documentId)?.setStatus(status);
    this.publish(documentId, { t: 'status', from: this.instanceId, status });
  }

  /** 修订: whether editors only suggest, on every instance. */
  setSuggestOnly(documentId: string, suggestOnly: boolean): void {
    this.rooms.peek(documentId)?.setSuggestOnly(suggestOnly);
    this.publish(documentId, { t: 'review', from: this.instanceId, suggestOnly });
  }

  /** Applies a member's new role (or removal) to their open connections at once, on every instance. */
  updateAccess(documentId: string, userId: string, role: Role | null): void {
    const room = this.rooms.peek(documentId);
    if (room) applyAccess(room, userId, role);
    this.publish(documentId, { t: 'access', from: this.instanceId, userId, role });
  }

  /** The document is deleted: the other instances close it too. */
  deleted(documentId: string): void {
    this.publish(documentId, { t: 'deleted', from: this.instanceId });
  }

  close(): void {
    if (this.catchUpTimer) clearInterval(this.catchUpTimer);
  }
}

function applyAccess(room: Room, userId: string, role: Role | null): void {
  for (const connection of [...room.connections]) {
    if (connection.user.id !== userId) continue;
    // the one rule for a role changed on an open session (DocumentAccess)
    if (applyRoleChange(connection, role)) room.sendEvent({ type: 'document' }, (c) => c === connection);
  }
}
