// Client side of Yigao's acknowledgement message: tells whether every local
// change has been durably stored by the server. Works with the stock
// y-websocket provider, in the browser and in Node.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType } from './collab.js';

const OPEN = 1;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.ack);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/** Whether an outgoing frame carries document content (sync step 2 or an update). */
export function isUpdateFrame(data: unknown): boolean {
  const bytes = data instanceof Uint8Array ? data : data instanceof ArrayBuffer ? new Uint8Array(data) : null;
  return bytes !== null && bytes.length > 1 && bytes[0] === MessageType.sync && (bytes[1] === SYNC_STEP2 || bytes[1] === SYNC_UPDATE);
}

export interface CountingSocket {
  /** Document-update frames sent on this socket so far. */
  sentUpdateFrames: number;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern requires any[]
type SocketClass = new (...args: any[]) => { send(data: any): void };

/**
 * A WebSocket class (pass it as the provider's WebSocketPolyfill) whose
 * sockets count the document-update frames they send.
 */
export function countingWebSocket<T extends SocketClass>(Base: T): T {
  return class extends Base {
    sentUpdateFrames = 0;
    override send(data: unknown): void {
      if (isUpdateFrame(data)) this.sentUpdateFrames++;
      super.send(data);
    }
  } as T;
}

export type SaveStatus = 'saved' | 'unsaved';

/** Where the "there are unsaved changes" flag survives a reload (localStorage in the browser). */
export interface DirtyFlagStore {
  get(): boolean;
  set(dirty: boolean): void;
}

export const memoryFlag = (): DirtyFlagStore => {
  let value = false;
  return { get: () => value, set: (v) => void (value = v) };
};

/**
 * Follows a provider whose socket class came from countingWebSocket and that
 * connected with `?ack=1`. "saved" means: no local change is waiting for the
 * server, i.e. the socket is up and synced and the server has acknowledged
 * every update frame sent on it. A change made offline stays "unsaved" (also
 * across a reload, through the flag store) until a later socket has sent and
 * had acknowledged the sync step 2 that carries it.
 */
export class AckTracker {
  private acked = 0;
  private dirty: boolean;
  /** A socket that was not open when a local change was made: that change waits for the next socket. */
  private missedBy: unknown = null;
  private status: SaveStatus;
  private readonly listeners = new Set<(status: SaveStatus) => void>();
  private readonly ackListeners = new Set<(frames: number) => void>();

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly flag: DirtyFlagStore = memoryFlag(),
    /** Origins whose changes are not local edits (the IndexedDB persistence, for instance). */
    private readonly remoteOrigins: unknown[] = [],
  ) {
    this.dirty = flag.get();
    this.status = this.dirty ? 'unsaved' : 'saved';
    provider.messageHandlers[MessageType.ack] = (_encoder, decoder) => {
      this.acked = decoding.readVarUint(decoder);
      for (const listener of this.ackListeners) listener(this.acked);
      this.update();
    };
    provider.on('status', this.onStatus);
    provider.on('sync', this.onSync);
    provider.doc.on('update', this.onDocUpdate);
  }

  get current(): SaveStatus {
    return this.status;
  }

  onChange(listener: (status: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Update frames of the current socket acknowledged so far (0 after every reconnect). */
  get acknowledgedFrames(): number {
    return this.acked;
  }

  /** Document-update frames sent on the current socket so far. */
  get sentFrames(): number {
    return (this.provider.ws as unknown as Partial<CountingSocket> | null)?.sentUpdateFrames ?? 0;
  }

  /** Called with the count of every acknowledgement as it arrives. */
  onAck(listener: (frames: number) => void): () => void {
    this.ackListeners.add(listener);
    return () => this.ackListeners.delete(listener);
  }

  destroy(): void {
    this.ackListeners.clear();
    this.provider.off('status', this.onStatus);
    this.provider.off('sync', this.onSync);
    this.provider.doc.off('update', this.onDocUpdate);
    this.listeners.clear();
  }

  private readonly onStatus = (): void => {
    this.acked = 0;
    this.update();
  };

  private readonly onSync = (): void => this.update();

  private readonly onDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.remoteOrigins.includes(origin)) return;
    // The provider sends a change only on an open socket. One made while the socket is still
    // connecting goes out with its sync step 2 once open; one made while it is closing is
    // lost to it and travels with the next socket's.
    const ws = this.provider.ws as { readyState?: number } | null;
    if (ws && ws.readyState !== undefined && ws.readyState > OPEN) this.missedBy = ws;
    if (!this.dirty) {
      this.dirty = true;
      this.flag.set(true);
    }
    this.update();
  };

  private allAcknowledged(): boolean {
    const sent = this.sentFrames;
    const ws = this.provider.ws;
    if (ws === null || ws === this.missedBy) return false;
    return this.provider.wsconnected && this.provider.synced && sent > 0 && this.acked >= sent;
  }

  private update(): void {
    if (this.dirty && this.allAcknowledged()) {
      this.dirty = false;
      this.flag.set(false);
    }
    const next: SaveStatus = this.dirty ? 'unsaved' : 'saved';
    if (next === this.status) return;
    this.status = next;
    for (const listener of this.listeners) listener(next);
  }
}
