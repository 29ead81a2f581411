// One live document: its Y.Doc, awareness and connections. Frames are
// dispatched here; a writer's change is checked (ChangeIntake), stored
// (WritePipeline) and released back here, where it is relayed, applied and
// acknowledged (release). The Y.Doc therefore never holds a client change
// that is not stored, and "stored before relayed" holds by construction.
// The stored log's bookkeeping (size, catch-up, compaction) is RoomLog's.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocumentStatus } from '../../shared/api.js';
import { bodyAccess, type BodyAccess } from '../../shared/access.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { CloseCode, type DocumentEvent } from '../../shared/collab.js';
import type { StoredUpdates, UpdateEntry } from '../store/DocumentStore.js';
import { Connection } from './Connection.js';
import { type AwarenessEntry, applyAwarenessEntries } from './awarenessIdentity.js';
import { ChangeIntake } from './ChangeIntake.js';
import { LimitError } from './LimitError.js';
import { PresenceGate } from './PresenceGate.js';
import { LogOrigin, RoomLog } from './RoomLog.js';
import { RuleError } from './updateRules.js';
import { WritePipeline } from './WritePipeline.js';
import { Delivery, type DeliveryTarget } from './Delivery.js';
import { ServerChanges } from './ServerChanges.js';
import type { RoomLimits, RoomMessage, RoomOptions } from './roomOptions.js';
import { decodeClientMessage, encodeAwareness, encodeEvent, encodeSyncStep1, encodeSyncStep2, encodeUpdate, inspectUpdate, ProtocolError } from './protocol.js';

export type { RoomLimits, RoomMessage, RoomObserver, RoomOptions } from './roomOptions.js';

/** Transaction origins: who made a change decides whether it is stored and relayed. */
export const Origin = {
  ...LogOrigin,
  /** A change the server makes (a restore): stored, then relayed to everyone. */
  server: Symbol('server'),
} as const;

const NO_LIMITS: RoomLimits = { maxDocumentBytes: Number.MAX_SAFE_INTEGER, maxAwarenessBytes: Number.MAX_SAFE_INTEGER };

export class Room implements DeliveryTarget {
  readonly documentId: string;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  /** Server work in progress on this room (a version, a restore): it is not unloaded meanwhile. */
  holds = 0;
  readonly logger: Logger;
  readonly log: RoomLog;
  readonly intake: ChangeIntake;
  private readonly presence = new PresenceGate(this.awareness);
  private readonly pipeline: WritePipeline;
  private status: DocumentStatus;
  /** 修订: editors only suggest while this is on (as while the document is in review). */
  private suggestOnly: boolean;
  private readonly limits: RoomLimits;
  /** The state as loaded, and whether anything changed since: readers answered from the stored state are sent the rest. */
  private readonly loadedStateVector: Uint8Array;
  private changedSinceLoad = false;
  private readonly serverChanges: ServerChanges;
  /** The last restore told to this room: repeated to every editor that connects, so one that was away learns of it. */
  private lastRestore: Extract<DocumentEvent, { type: 'restored' }> | null = null;
  private destroyed = false;

  constructor(
    private readonly options: RoomOptions,
    stored: StoredUpdates,
  ) {
    const { documentId, store, logger } = options;
    this.documentId = documentId;
    this.logger = logger;
    this.status = options.status;
    this.suggestOnly = options.suggestOnly ?? false;
    this.limits = options.limits ?? NO_LIMITS;
    const clientAuthors = options.clientAuthors ?? new Map<number, string>();
    this.serverChanges = new ServerChanges(this.doc, clientAuthors, Origin.server);
    this.awareness.setLocalState(null);
    this.pipeline = new WritePipeline(documentId, store, logger, new Delivery(this), options.retryDelayMs);
    const doc = this.doc;
    this.log = new RoomLog(
      {
        ...{ documentId, doc, store, logger, compactAfterUpdates: options.compactAfterUpdates, compactWhenIdleMs: options.compactWhenIdleMs },
        maxDocumentBytes: this.limits.maxDocumentBytes,
        flushed: () => this.flushed(),
      },
      stored,
    );
    this.intake = new ChangeIntake({
      ...{ documentId, doc, logger, pipeline: this.pipeline, log: this.log, sharedLog: !store.exclusive, clientAuthors },
      isMember: (c) => this.connections.has(c),
      access: (c) => this.bodyAccess(c),
      reject: (c, code, reason) => this.reject(c, code, reason),
      refuse: (c, reason) => this.refuse(c, reason),
      suggested: (c) => this.options.observer?.suggested?.(this, c.user),
    });
    this.loadedStateVector = Y.encodeStateVector(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get body(): Y.XmlFragment {
    return this.doc.getXmlFragment(BODY_FRAGMENT);
  }

  /** False while the store refuses writes (the room keeps them and retries). */
  get healthy(): boolean {
    return this.pipeline.healthy;
  }

  get hasPendingWrites(): boolean {
    return this.pipeline.busy;
  }

  /**
   * What the connection may do to the body now (shared/access.ts): its role,
   * the document's status and suggestOnly as this room knows them, so a change
   * of any of them holds for the very next frame.
   */
  bodyAccess(connection: Connection): BodyAccess {
    return bodyAccess(connection.role, this.status, this.suggestOnly);
  }

  /** Whether what the connection sends is taken at all (edits, or suggestions only). */
  canWrite(connection: Connection): boolean {
    return this.bodyAccess(connection) !== 'read';
  }

  /** The document's status as this room knows it (approved: read-only for all). */
  get documentStatus(): DocumentStatus {
    return this.status;
  }

  setStatus(status: DocumentStatus): void {
    this.status = status;
  }

  /** Whether editors only suggest (修订), as this room knows it. */
  setSuggestOnly(suggestOnly: boolean): void {
    this.suggestOnly = suggestOnly;
  }

  /**
   * `answeredFromStore`: the connection's sync step 1 was answered from the
   * stored state this room was loaded from (see storedAnswer.ts); whatever
   * changed since is sent now.
   */
  join(connection: Connection, answeredFromStore = false): void {
    this.connections.add(connection);
    if (answeredFromStore && this.changedSinceLoad) connection.send(encodeUpdate(Y.encodeStateAsUpdate(this.doc, this.loadedStateVector)));
    if (this.lastRestore && connection.extended) connection.send(encodeEvent({ ...this.lastRestore, replayed: true }));
    connection.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.sendPresence(connection, states);
  }

  private sendPresence(connection: Connection, clientIds: number[]): void {
    connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds)));
    connection.expectEcho();
  }

  leave(connection: Connection): void {
    this.intake.drop(connection);
    if (!this.connections.delete(connection)) return;
    if (connection.clientIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.clientIds], connection);
      this.presence.released(connection, [...connection.clientIds]);
    }
    if (this.connections.size === 0) this.options.onEmpty(this);
    if (this.canWrite(connection) && ![...this.connections].some((c) => this.canWrite(c))) this.options.observer?.writersLeft(this);
  }

  /** Handles one frame from a connection; a frame that does not decode closes that connection only. */
  receive(connection: Connection, frame: Uint8Array): void {
    // Frames still arriving from a connection being closed are not read.
    if (!connection.isOpen) return;
    try {
      this.handle(connection, frame);
    } catch (err) {
      if (err instanceof LimitError) this.reject(connection, err.code, err.message);
      else if (err instanceof RuleError) this.reject(connection, CloseCode.invalidChange, err.message);
      else this.reject(connection, CloseCode.malformedFrame, err instanceof ProtocolError ? err.message : 'unprocessable frame');
    }
  }

  /** Closes one connection for something it sent, logging it once. */
  reject(connection: Connection, code: number, reason: string): void {
    if (connection.close(code, reason)) {
      this.options.logger.warn({ documentId: this.documentId, user: connection.user.username, code, reason }, 'closed a connection');
    }
  }

  /**
   * A change from one who may only suggest that does more than add or
   * withdraw their own suggestions: never stored or relayed (ChangeIntake
   * acknowledges it as processed, as a read-only connection's), and only
   * that connection is told, with a 'refused' event (the editor then
   * rebuilds its copy from the server's; see docs/protocol.md).
   */
  private refuse(connection: Connection, reason: string): void {
    this.options.logger.info({ documentId: this.documentId, user: connection.user.username, reason }, 'refused a change from a member who may only suggest');
    if (connection.extended) connection.send(encodeEvent({ type: 'refused', reason }));
  }

  private handle(connection: Connection, frame: Uint8Array): void {
    const message = decodeClientMessage(frame);
    switch (message.kind) {
      case 'syncStep1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'update': {
        const n = ++connection.updateFramesReceived;
        // Read-only connections receive everything; what they send is dropped (and acknowledged as processed).
        // Those who may only suggest are judged in the intake (checkSuggestOnly).
        if (this.canWrite(connection)) this.intake.take(connection, message.update, message.attribution, n);
        else this.intake.acknowledgeOnly(connection, n);
        return;
      }
      case 'awareness': {
        if (message.update.length > this.limits.maxAwarenessBytes) throw new LimitError(CloseCode.messageTooLarge, 'presence state too large');
        const entries = this.presence.admit(connection, message.update);
        if (entries.length === 0) return;
        // Behind changes still being stored, presence waits its turn: relayed first, a caret
        // would point into text the others do not have yet. (Not while the store fails.)
        if (this.pipeline.healthy && this.pipeline.busy) this.pipeline.submit({ kind: 'presence', entries, from: connection });
        else this.applyPresence(entries, connection);
        return;
      }
      case 'queryAwareness':
        this.sendPresence(connection, [...this.awareness.getStates().keys()]);
        return;
      case 'ignored':
        return;
    }
  }

  /** Stored entries: told to the other instances and to the observer. */
  changed(entries: UpdateEntry[]): void {
    for (const entry of entries) this.options.publish?.({ t: 'update', update: entry.update });
    this.options.observer?.changed(this);
  }

  approved(): void {
    this.status = 'approved';
  }

  applyPresence(entries: AwarenessEntry[], from: Connection): void {
    // A connection gone meanwhile has had its presence removed; it is not brought back.
    if (this.connections.has(from)) applyAwarenessEntries(this.awareness, entries, from);
  }

  /** A change made on the server on `userId`'s behalf (heading numbers taken over): stored, then relayed to everyone. */
  applyServerChange(userId: string | null, change: (doc: Y.Doc) => void): void {
    this.serverChanges.make(userId, change);
  }

  /** A change the server computed elsewhere (a restore), applied on `userId`'s behalf. */
  applyServerUpdate(userId: string | null, update: Uint8Array): void {
    this.serverChanges.apply(userId, update);
  }

  /** A client id nobody uses yet, for a change made on the server, attributed to `userId`. */
  newClientId(userId: string | null): number {
    return this.serverChanges.newClientId(userId);
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === Origin.load) return;
    this.changedSinceLoad = true;
    // A client's change: stored, and relayed as it came before it was applied (see stored).
    if (origin instanceof Connection) return;
    if (origin === Origin.remote) {
      // Stored already (by another instance, or read back from the log): only this instance's clients need it.
      this.broadcast(encodeUpdate(update), null);
      this.intake.retryWaiting();
      return;
    }
    // A server change: in the doc already, stored and relayed in its turn.
    this.log.reserve(update.length, false);
    const { clients, deletes } = inspectUpdate(update);
    this.pipeline.submit({ kind: 'server', update, userId: this.serverChanges.currentAuthor, attribution: { clients, deletes } });
  }

  private readonly onAwarenessUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin instanceof Connection) this.presence.released(origin, removed);
    else if (origin === Origin.remote) this.presence.remoteChanged({ added, updated, removed });
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwareness(update), null, true);
    if (origin !== Origin.remote) this.options.publish?.({ t: 'awareness', update });
  };

  /** `presence`: the frame is an awareness update, which stock clients send back once each. */
  broadcast(frame: Uint8Array, except: Connection | null, presence = false): void {
    for (const connection of this.connections) {
      if (connection === except) continue;
      connection.send(frame);
      if (presence) connection.expectEcho();
    }
  }

  /** Tells every connection that understands events (the editor) to refresh something. */
  sendEvent(event: DocumentEvent, to: (connection: Connection) => boolean = () => true): void {
    if (event.type === 'restored') this.lastRestore = event;
    const frame = encodeEvent(event);
    for (const connection of this.connections) if (connection.extended && to(connection)) connection.send(frame);
  }

  /** Resolves once every change received so far is committed. */
  flushed(): Promise<void> {
    return this.pipeline.flushed();
  }

  /** A log that grew past the threshold is compacted in the next pause. */
  compactWhenIdle(): void {
    this.log.compactWhenIdle();
  }

  /** Replaces the stored log with one snapshot of the current state. */
  compact(): Promise<void> {
    return this.log.compact();
  }

  /** Reads and applies what other instances stored that this room has not seen. */
  catchUp(): Promise<void> {
    return this.log.catchUp();
  }

  /** A message from another instance about this document. */
  applyRemote(message: RoomMessage): void {
    if (this.destroyed) return;
    try {
      if (message.t === 'update') Y.applyUpdate(this.doc, message.update, Origin.remote);
      else awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, Origin.remote);
    } catch (err) {
      this.options.logger.error({ err, documentId: this.documentId }, 'a message from another instance could not be applied');
    }
  }

  /** Closes every connection (with a code) and frees the document. Pending writes are committed first. */
  async destroy(code: number = CloseCode.serviceRestart, reason = 'room closed'): Promise<void> {
    for (const connection of this.connections) connection.close(code, reason);
    this.connections.clear();
    await this.flushed();
    await this.log.close();
    this.pipeline.stop();
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}
