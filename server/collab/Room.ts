// One live document: its Y.Doc, awareness, connections and the path every
// change takes. A client's update is validated, committed to the store, then
// applied and relayed; the Y.Doc therefore never holds a client change that is
// not stored, and "written before relayed" holds by construction.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DocumentStatus } from '../../shared/api.js';
import { canEditBody } from '../../shared/access.js';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import { CloseCode, type DocumentEvent } from '../../shared/collab.js';
import { DocumentFrozenError, type DocumentStore, type UpdateEntry } from '../store/DocumentStore.js';
import { StateRegressionError } from '../store/stateCoverage.js';
import { Connection, flushSends, Relay, relayNow } from './Connection.js';
import { storedBytes } from './storedAnswer.js';
import { type AdmittedUpdate, admitUpdate } from './authorship.js';
import { type AwarenessEntry, applyAwarenessEntries } from './awarenessIdentity.js';
import { LimitError } from './LimitError.js';
import { PresenceGate } from './PresenceGate.js';
import { checkDeletesKnown, checkUpdateShape, RuleError } from './updateRules.js';
import { checkPlacement } from './placement.js';
import type { ScannedStruct } from './scanUpdate.js';
import { MAX_WAITING_BYTES, WaitingChanges } from './WaitingChanges.js';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAck,
  encodeAwareness,
  encodeEvent,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  inspectUpdate,
  ProtocolError,
  type UpdateAttribution,
} from './protocol.js';

/** Transaction origins: who made a change decides whether it is stored and relayed. */
export const Origin = {
  /** Replaying the stored log: neither stored again nor relayed. */
  load: Symbol('load'),
  /** A change the server makes (a restore): stored, then relayed to everyone. */
  server: Symbol('server'),
  /** A change another instance stored, or one read back from the log: relayed to this instance's clients only. */
  remote: Symbol('remote'),
} as const;

/**
 * One step of the write path, kept in arrival order: a change to store (from
 * a client, or from the server and already applied), only an acknowledgement
 * point (a client's frame with nothing to store), or presence that arrived
 * behind changes (a caret is relayed after the text it points into).
 */
type PendingWrite =
  | { kind: 'client'; update: Uint8Array; from: Connection; frame: number; attribution: Attribution; structs: ScannedStruct[] }
  | { kind: 'server'; update: Uint8Array; userId: string | null; attribution: Attribution }
  | { kind: 'ackOnly'; from: Connection; frame: number }
  | { kind: 'presence'; entries: AwarenessEntry[]; from: Connection };

export interface RoomLimits {
  /** The stored state may not grow past this. */
  maxDocumentBytes: number;
  /** One awareness message may not be larger. */
  maxAwarenessBytes: number;
}

/** Compaction waits for this long a pause without new changes… */
const COMPACT_WHEN_IDLE_MS = 1_000;
/** …unless the log has grown this many times past the threshold. */
const COMPACT_ANYWAY_FACTOR = 4;

const NO_LIMITS: RoomLimits = { maxDocumentBytes: Number.MAX_SAFE_INTEGER, maxAwarenessBytes: Number.MAX_SAFE_INTEGER };

type Attribution = NonNullable<UpdateEntry['attribution']>;

/** What a room tells the other instances: a stored change, a presence change. */
export type RoomMessage = { t: 'update'; update: Uint8Array } | { t: 'awareness'; update: Uint8Array };

export interface RoomObserver {
  /** Changes were stored (by people or by the server). */
  changed(room: Room): void;
  /** The last connection that could write has left. */
  writersLeft(room: Room): void;
}

export interface RoomOptions {
  documentId: string;
  status: DocumentStatus;
  store: DocumentStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** The pause in changes compaction waits for (default 1 s). */
  compactWhenIdleMs?: number;
  /** Called when the last connection leaves. */
  onEmpty: (room: Room) => void;
  /** Told about stored changes and about the last writer leaving (automatic versions follow them). */
  observer?: RoomObserver;
  /** Which account each Yjs client id of the document belongs to (grows as people write). */
  clientAuthors?: Map<number, string>;
  /** Tells the other server instances (scaled out); absent with one instance. */
  publish?: (message: RoomMessage) => void;
  limits?: RoomLimits;
  retryDelayMs?: (attempt: number) => number;
}

export class Room {
  readonly documentId: string;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  private readonly presence = new PresenceGate(this.awareness);
  /** Server work in progress on this room (a version, a restore): it is not unloaded meanwhile. */
  holds = 0;
  private status: DocumentStatus;
  private outbox: PendingWrite[] = [];
  private draining: Promise<void> | null = null;
  /** Every log entry up to this sequence number is in the doc (read at load or caught up since). */
  private syncedSeq: number;
  private catchingUp: Promise<void> | null = null;
  private entriesSinceCompaction: number;
  private compacting: Promise<void> | null = null;
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the last change was stored (Date.now()): compaction waits for a pause after it. */
  private lastChangeAt = 0;
  private failedAttempts = 0;
  private destroyed = false;
  /** Bytes of the stored log (an upper bound of the document's size), for the size limit. */
  private storedBytes: number;
  private readonly limits: RoomLimits;
  private readonly clientAuthors: Map<number, string>;
  /** The state as loaded, and whether anything changed since: readers answered from the stored state are sent the rest. */
  private readonly loadedStateVector: Uint8Array;
  private changedSinceLoad = false;
  /** Who the server change being made is for (see applyServerChange). */
  private serverChangeAuthor: string | null = null;
  /** Stored entries Yjs could not read (at load or when catching up): a compaction may set them aside. */
  private unreadableEntries = 0;
  /** Changes that cannot be placed until what they depend on arrives. */
  private readonly waiting = new WaitingChanges();
  private retryScheduled = false;
  /** What clients' changes taken but not applied yet write (they are placed against these too). */
  private readonly staged = new Set<ScannedStruct[]>();
  /** The last restore told to this room: repeated to every editor that connects, so one that was away learns of it. */
  private lastRestore: Extract<DocumentEvent, { type: 'restored' }> | null = null;

  constructor(private readonly options: RoomOptions, stored: { updates: Uint8Array[]; lastSeq: number }) {
    this.documentId = options.documentId;
    this.status = options.status;
    this.syncedSeq = stored.lastSeq;
    this.entriesSinceCompaction = stored.updates.length;
    this.storedBytes = storedBytes(stored);
    this.limits = options.limits ?? NO_LIMITS;
    this.clientAuthors = options.clientAuthors ?? new Map();
    this.awareness.setLocalState(null);
    Y.transact(
      this.doc,
      () => {
        for (const update of stored.updates) {
          try {
            Y.applyUpdate(this.doc, update, Origin.load);
          } catch (err) {
            // One bad entry must not make the whole document unloadable.
            this.unreadableEntries++;
            options.logger.error({ err, documentId: this.documentId }, 'skipped an unreadable stored update');
          }
        }
      },
      Origin.load,
    );
    this.loadedStateVector = Y.encodeStateVector(this.doc);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.onDocUpdate(update, origin));
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get body(): Y.XmlFragment {
    return this.doc.getXmlFragment(BODY_FRAGMENT);
  }

  /** False while the store refuses writes (the room keeps them and retries). */
  get healthy(): boolean {
    return this.failedAttempts === 0;
  }

  get hasPendingWrites(): boolean {
    return this.outbox.length > 0 || this.draining !== null;
  }

  canWrite(connection: Connection): boolean {
    return canEditBody(connection.role, this.status);
  }

  setStatus(status: DocumentStatus): void {
    this.status = status;
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
    this.waiting.drop(connection);
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
    let message: ClientMessage;
    try {
      message = decodeClientMessage(frame);
      this.handle(connection, message);
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

  private handle(connection: Connection, message: ClientMessage): void {
    switch (message.kind) {
      case 'syncStep1':
        connection.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'update': {
        const frame = ++connection.updateFramesReceived;
        // Read-only connections receive everything; what they send is dropped (and acknowledged as processed).
        if (this.canWrite(connection)) this.takeChange(connection, message.update, message.attribution, frame);
        else this.acknowledgeOnly(connection, frame);
        return;
      }
      case 'awareness': {
        if (message.update.length > this.limits.maxAwarenessBytes) throw new LimitError(CloseCode.messageTooLarge, 'presence state too large');
        const entries = this.presence.admit(connection, message.update);
        if (entries.length === 0) return;
        // Behind changes still being stored, presence waits its turn: relayed first, a caret
        // would point into text the others do not have yet. (Not while the store fails.)
        if (this.healthy && (this.outbox.length > 0 || this.draining)) this.outbox.push({ kind: 'presence', entries, from: connection });
        else this.applyPresence(entries, connection);
        return;
      }
      case 'queryAwareness': {
        this.sendPresence(connection, [...this.awareness.getStates().keys()]);
        return;
      }
      case 'ignored':
        return;
    }
  }

  /**
   * A writer's change (null: nothing in it), merged into what the connection
   * already has waiting: checked against the document's rules, held while it
   * cannot be placed, else stored in its sender's name, then relayed and
   * applied (drain).
   */
  private takeChange(connection: Connection, sent: Uint8Array | null, attribution: UpdateAttribution, frame: number): void {
    const waiting = this.waiting.take(connection);
    if (waiting && sent === null) ({ update: sent, attribution } = waiting);
    else if (waiting && sent !== null) {
      sent = Y.mergeUpdates([waiting.update, sent]);
      attribution = inspectUpdate(sent);
    }
    if (sent === null) {
      this.acknowledgeOnly(connection, frame);
      return;
    }
    const { shape } = attribution;
    checkUpdateShape(shape);
    checkDeletesKnown(shape, this.doc);
    if (checkPlacement(shape, this.doc, this.staged) === 'waits') {
      this.waiting.hold(connection, { update: sent, attribution, frame });
      return;
    }
    const { update, attribution: admitted } = this.admit(connection, sent, attribution);
    if (update === null) {
      this.acknowledgeOnly(connection, frame);
      return;
    }
    if (this.storedBytes + update.length > this.limits.maxDocumentBytes) {
      throw new LimitError(CloseCode.documentTooLarge, 'document size limit reached');
    }
    this.storedBytes += update.length;
    const write: PendingWrite = { kind: 'client', update, from: connection, frame, attribution: admitted, structs: shape.structs };
    this.staged.add(write.structs);
    if (this.storeNow(write)) return;
    this.outbox.push(write);
    this.drain();
  }

  /** A frame with nothing to store: acknowledged in its turn (after a change the connection has waiting). */
  private acknowledgeOnly(connection: Connection, frame: number): void {
    if (this.waiting.extend(connection, frame)) return;
    this.outbox.push({ kind: 'ackOnly', from: connection, frame });
    this.drain();
  }

  /** Checks the waiting changes again, once the change being applied is done (the document changed). */
  private retryWaiting(): void {
    if (this.waiting.size === 0 || this.retryScheduled) return;
    this.retryScheduled = true;
    queueMicrotask(() => {
      this.retryScheduled = false;
      for (const connection of this.waiting.connections()) {
        const change = this.waiting.take(connection);
        if (!change || !connection.isOpen || !this.connections.has(connection)) continue;
        try {
          this.takeChange(connection, change.update, change.attribution, change.frame);
        } catch (err) {
          this.reject(connection, err instanceof LimitError ? err.code : CloseCode.invalidChange, err instanceof Error ? err.message : 'unplaceable change');
        }
      }
    });
  }

  private applyPresence(entries: AwarenessEntry[], from: Connection): void {
    // A connection gone meanwhile has had its presence removed; it is not brought back.
    if (this.connections.has(from)) applyAwarenessEntries(this.awareness, entries, from);
  }

  /**
   * What of a client's change is stored in its sender's name (authorship.ts):
   * structs the document has are nobody's claim, others' new structs are left
   * for their authors to deliver (another instance may have stored them: the
   * room reads the log for them).
   */
  private admit(connection: Connection, update: Uint8Array, attribution: UpdateAttribution): AdmittedUpdate {
    const admitted = admitUpdate(update, attribution, connection.user.id, this.clientAuthors, this.doc);
    if (admitted.foreign.length > 0) {
      this.options.logger.info(
        { documentId: this.documentId, user: connection.user.username, clients: admitted.foreign },
        'left out changes a member forwarded in the name of others',
      );
      if (!this.options.store.exclusive) void this.catchUp().catch(() => undefined);
    }
    return admitted;
  }

  /** Which account each Yjs client id belongs to, as far as this room knows. */
  authorOfClient(client: number): string | undefined {
    return this.clientAuthors.get(client);
  }

  /**
   * A change made on the server on someone's behalf (a restore): applied now,
   * stored, then relayed to everyone. It gets a client id of its own, so it is
   * attributed to `userId`.
   */
  applyServerChange(userId: string | null, change: (doc: Y.Doc) => void): void {
    this.doc.clientID = this.newClientId(userId);
    this.serverChangeAuthor = userId;
    try {
      Y.transact(this.doc, () => change(this.doc), Origin.server);
    } finally {
      this.serverChangeAuthor = null;
    }
  }

  /**
   * Applies a change the server computed elsewhere (against an earlier state,
   * so that what people typed since merges with it) on someone's behalf.
   */
  applyServerUpdate(userId: string | null, update: Uint8Array): void {
    this.serverChangeAuthor = userId;
    try {
      Y.applyUpdate(this.doc, update, Origin.server);
    } finally {
      this.serverChangeAuthor = null;
    }
  }

  /** A client id nobody uses yet, for a change made on the server, attributed to `userId`. */
  newClientId(userId: string | null): number {
    const id = freshClientId(this.clientAuthors);
    if (userId) this.clientAuthors.set(id, userId);
    return id;
  }

  private onDocUpdate(update: Uint8Array, origin: unknown): void {
    if (origin === Origin.load) return;
    this.changedSinceLoad = true;
    if (origin === Origin.remote) {
      // Stored already (by another instance, or read back from the log): only this instance's clients need it.
      this.broadcast(encodeUpdate(update), null);
      this.retryWaiting();
      return;
    }
    // A client's change: stored, and relayed as it came before it was applied (see stored).
    if (origin instanceof Connection) return;
    this.storedBytes += update.length;
    const { clients, deletes } = inspectUpdate(update);
    this.outbox.push({ kind: 'server', update, userId: this.serverChangeAuthor, attribution: { clients, deletes } });
    this.drain();
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (origin instanceof Connection) this.presence.released(origin, removed);
    else if (origin === Origin.remote) this.presence.remoteChanged({ added, updated, removed });
    if (changed.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.broadcast(encodeAwareness(update), null, true);
    if (origin !== Origin.remote) this.options.publish?.({ t: 'awareness', update });
  };

  /** `presence`: the frame is an awareness update, which stock clients send back once each. */
  private broadcast(frame: Uint8Array, except: Connection | null, presence = false): void {
    const relay = new Relay(frame);
    for (const connection of this.connections) {
      if (connection === except) continue;
      connection.relay(relay);
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
  async flushed(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = this.runDrain().finally(() => {
      this.draining = null;
      if (this.outbox.length > 0) this.drain();
      else this.compactWhenIdle();
    });
  }

  /**
   * The short way, when nothing is queued and the store can make the change
   * durable at once (the embedded store's journal): stored, relayed, applied
   * and acknowledged within this frame's callback; its relay is on the wire
   * before the next frame (presence, most often) is read, unless several
   * changes were relayed in this turn already (a busy server): then it leaves
   * with the rest of the turn (relayNow). False when it must take the queue
   * (drain).
   */
  private storeNow(write: PendingWrite & { kind: 'client' }): boolean {
    const { store } = this.options;
    if (!store.appendNow || this.outbox.length > 0 || this.draining || !this.healthy || this.destroyed) return false;
    const entries = [{ update: write.update, userId: write.from.user.id, attribution: write.attribution }];
    try {
      if (!store.appendNow(this.documentId, entries)) return false;
    } catch (err) {
      if (!(err instanceof DocumentFrozenError)) return false; // the queue retries it, and logs why
      this.status = 'approved';
      this.ackProcessed([write]);
      flushSends();
      return true;
    }
    relayNow(() => this.stored([write], entries));
    this.compactWhenIdle();
    return true;
  }

  /**
   * Frames relayed for a stored batch, and for the presence that arrived
   * behind it, leave together (one write per socket) when the outbox is empty
   * or the next batch goes to the store.
   */
  private async runDrain(): Promise<void> {
    try {
      await this.drainOutbox();
    } finally {
      flushSends();
    }
  }

  private async drainOutbox(): Promise<void> {
    while (this.outbox.length > 0 && !this.destroyed) {
      const batch = this.outbox;
      this.outbox = [];
      const entries = batch.flatMap((w): UpdateEntry[] =>
        w.kind === 'client'
          ? [{ update: w.update, userId: w.from.user.id, attribution: w.attribution }]
          : w.kind === 'server'
            ? [{ update: w.update, userId: w.userId, attribution: w.attribution }]
            : [],
      );
      if (entries.length > 0) {
        // What earlier batches relayed leaves before waiting for the store.
        flushSends();
        try {
          await this.options.store.append(this.documentId, entries);
        } catch (err) {
          if (err instanceof DocumentFrozenError) {
            // Approved meanwhile (by another instance): these changes came after the freeze.
            this.status = 'approved';
            this.ackProcessed(batch);
            continue;
          }
          // Keep the changes, withhold them (and their acknowledgements) from everyone, and try again;
          // presence is not held up by the store.
          const waiting = batch.concat(this.outbox);
          for (const write of waiting) if (write.kind === 'presence') this.applyPresence(write.entries, write.from);
          this.outbox = waiting.filter((w) => w.kind !== 'presence');
          this.failedAttempts++;
          this.options.logger.error({ err, documentId: this.documentId, attempt: this.failedAttempts }, 'storing updates failed; retrying');
          await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? defaultRetryDelayMs)(this.failedAttempts)));
          continue;
        }
        this.failedAttempts = 0;
      }
      this.stored(batch, entries);
    }
  }

  /** After a batch's entries are committed: told to the others, applied, relayed and acknowledged, in order. */
  private stored(batch: PendingWrite[], entries: UpdateEntry[]): void {
    if (entries.length > 0) {
      this.entriesSinceCompaction += entries.length;
      for (const entry of entries) this.options.publish?.({ t: 'update', update: entry.update });
      this.options.observer?.changed(this);
    }
    const acks = new Map<Connection, number>();
    for (const write of batch) {
      // A server change is already in the doc; a client's is applied now, even if
      // its sender has gone meanwhile, since it is stored.
      if (write.kind === 'server') this.broadcast(encodeUpdate(write.update), null);
      else if (write.kind === 'presence') this.applyPresence(write.entries, write.from);
      else {
        if (write.kind === 'client') {
          // Relayed as the sender sent it (checked whole by inspectUpdate), then applied: the others
          // do not wait for the server to integrate it. Yjs takes a change twice, or before what it
          // depends on, alike; joiners get the document with whatever it still waits for.
          this.broadcast(encodeUpdate(write.update), write.from);
          this.applyClientUpdate(write.update, write.from);
          this.staged.delete(write.structs);
        }
        acks.set(write.from, write.frame);
      }
    }
    this.sendAcks(acks);
    this.retryWaiting();
  }

  /** Each connection's last frame of a batch, to the connections that asked for acknowledgements. */
  private sendAcks(acks: Map<Connection, number>): void {
    for (const [connection, frame] of acks) if (connection.extended) connection.send(encodeAck(frame));
  }

  /** Acknowledges a batch's frames as processed without applying them. */
  private ackProcessed(batch: PendingWrite[]): void {
    const acks = new Map<Connection, number>();
    for (const write of batch) {
      if (write.kind === 'presence') this.applyPresence(write.entries, write.from);
      else if (write.kind !== 'server') acks.set(write.from, write.frame);
      if (write.kind === 'client') this.staged.delete(write.structs);
    }
    this.sendAcks(acks);
  }

  private applyClientUpdate(update: Uint8Array, from: Connection): void {
    try {
      Y.applyUpdate(this.doc, update, from);
    } catch (err) {
      this.options.logger.error({ err, documentId: this.documentId }, 'a stored update could not be applied');
      this.reject(from, CloseCode.malformedFrame, 'update could not be applied');
      return;
    }
    // What still waits in Yjs (placed against structs of other members that were left out of the
    // change, see admit) is retried on every update: a client piling it up is cut off first.
    const pending = this.doc.store.pendingStructs;
    if (pending && pending.update.length > MAX_WAITING_BYTES) {
      this.reject(from, CloseCode.invalidChange, 'depends on changes nobody sent');
    }
  }

  /**
   * Compaction encodes the whole document and checks the snapshot against
   * every entry it replaces: it waits for a pause in the typing (edits arriving
   * meanwhile would wait behind it), unless the log has grown far past the
   * threshold without one.
   */
  compactWhenIdle(): void {
    const threshold = this.options.compactAfterUpdates;
    if (this.entriesSinceCompaction < threshold || this.destroyed) return;
    if (this.entriesSinceCompaction >= threshold * COMPACT_ANYWAY_FACTOR) {
      void this.compact();
      return;
    }
    // One timer for the whole burst, not one per keystroke: when it fires it
    // looks at the last change and waits out the rest of the pause.
    this.lastChangeAt = Date.now();
    if (!this.compactTimer) this.compactAfter(this.options.compactWhenIdleMs ?? COMPACT_WHEN_IDLE_MS);
  }

  private compactAfter(delayMs: number): void {
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (this.destroyed) return;
      const pause = this.options.compactWhenIdleMs ?? COMPACT_WHEN_IDLE_MS;
      const quietFor = Date.now() - this.lastChangeAt;
      if (quietFor < pause) this.compactAfter(pause - quietFor);
      else void this.compact();
    }, delayMs);
    this.compactTimer.unref?.();
  }

  /** Replaces the stored log with one snapshot of the current state. */
  compact(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = null;
    if (this.compacting) return this.compacting;
    this.compacting = (async () => {
      await this.flushed();
      const { store } = this.options;
      // The snapshot must hold every entry it replaces, other instances' included. A store
      // of this process alone holds nothing the doc lacks (reading the log back into it
      // would apply thousands of updates in one go, while people type).
      if (!store.exclusive) await this.catchUp();
      if (this.destroyed || this.entriesSinceCompaction <= 1) return;
      const through = store.exclusive ? Number.MAX_SAFE_INTEGER : this.syncedSeq;
      const counted = this.entriesSinceCompaction;
      try {
        const snapshot = Y.encodeStateAsUpdate(this.doc);
        const before = this.storedBytes;
        await this.compactInto(snapshot, through);
        this.entriesSinceCompaction -= counted - 1;
        this.storedBytes = snapshot.length + Math.max(0, this.storedBytes - before);
      } catch (err) {
        this.options.logger.error({ err, documentId: this.documentId }, 'compaction failed; the log stays as it is');
      }
    })().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /**
   * Replaces the log through `through` by the snapshot. Entries it cannot
   * hold although the doc has read them all (Yjs could not read them, or
   * waits for what nobody stored) would block every compaction for good:
   * they are set aside in the document's quarantine, with a line for the
   * operator, and the rest compacted. (The snapshot keeps what waits.)
   */
  private async compactInto(snapshot: Uint8Array, through: number): Promise<void> {
    const { store, logger } = this.options;
    try {
      await store.compact(this.documentId, snapshot, through);
    } catch (err) {
      const explained = this.unreadableEntries > 0 || this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
      if (!(err instanceof StateRegressionError) || !explained) throw err;
      const setAside = await store.compact(this.documentId, snapshot, through, { setAside: true });
      this.unreadableEntries = 0;
      logger.warn(
        { documentId: this.documentId, entries: setAside },
        'set aside stored updates the document cannot take in (kept in quarantined_updates; `npm run check-data` lists them)',
      );
    }
  }

  /**
   * Reads the log entries this room has not read yet (other instances'
   * changes it may have missed, and its own) and applies them: after it, the
   * doc holds everything stored.
   */
  catchUp(): Promise<void> {
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      if (this.destroyed) return;
      const fresh = await this.options.store.loadSince(this.documentId, this.syncedSeq);
      if (this.destroyed || fresh.updates.length === 0) return;
      Y.transact(
        this.doc,
        () => {
          for (const update of fresh.updates) {
            try {
              Y.applyUpdate(this.doc, update, Origin.remote);
            } catch (err) {
              this.unreadableEntries++;
              this.options.logger.error({ err, documentId: this.documentId }, 'skipped an unreadable stored update');
            }
          }
        },
        Origin.remote,
      );
      this.syncedSeq = Math.max(this.syncedSeq, fresh.lastSeq);
    })().finally(() => {
      this.catchingUp = null;
    });
    return this.catchingUp;
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
    if (this.compacting) await this.compacting;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.destroyed = true;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

function freshClientId(taken: Map<number, string>): number {
  for (;;) {
    const id = Math.floor(Math.random() * 0xffffffff);
    if (!taken.has(id)) return id;
  }
}

function defaultRetryDelayMs(attempt: number): number {
  return Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
}
