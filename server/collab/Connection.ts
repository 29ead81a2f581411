// One client socket: who is behind it, what it may do, and whether it is alive.
import type { Role } from '../../shared/api.js';
import { CloseCode } from '../../shared/collab.js';
import type { AwarenessIdentity } from './awarenessIdentity.js';
import { TokenBucket } from './TokenBucket.js';

/** Per-connection limits: messages and presence updates per second, and what may wait to be sent. */
export interface ConnectionRates {
  messagesPerSecond: number;
  awarenessPerSecond: number;
  /** A connection with more than this waiting to be sent is closed (1013): its reader has fallen behind. */
  maxSendBufferBytes?: number;
}

const UNLIMITED: ConnectionRates = { messagesPerSecond: Number.MAX_SAFE_INTEGER, awarenessPerSecond: Number.MAX_SAFE_INTEGER };
const BURST_SECONDS = 3;
/** At most this many presence frames sent to a connection are waited for back as echoes. */
const MAX_ECHO_CREDIT = 1_000;

export interface ConnectionUser {
  id: string;
  username: string;
  displayName: string;
  color: string;
}

/** The part of a `ws` WebSocket a connection uses (tests pass an in-memory one). */
export interface SocketLike {
  readonly readyState: number;
  /** Bytes handed to the socket and not yet to the operating system. */
  readonly bufferedAmount: number;
  send(data: Uint8Array, cb?: (err?: Error) => void): void;
  close(code?: number, reason?: string): void;
  terminate(): void;
  ping(): void;
  on(event: 'pong', listener: () => void): unknown;
}

const OPEN = 1;
let nextConnectionId = 1;

/**
 * Frames sent to one socket in one turn of the event loop leave in one
 * system call: the socket is corked at the first and uncorked once the turn's
 * work is done. (A relay is a frame to every other member; without this each
 * costs a write of its own, the largest share of a busy server's time.)
 */
interface Corkable {
  cork(): void;
  uncork(): void;
}
const corked: Corkable[] = [];
/** While set, frames are written at once instead of corked (see relayNow). */
let writingThrough = false;
/**
 * How many changes a turn of the event loop writes through before it corks
 * the rest: a few changes read together are a short burst (most often frames
 * that queued while the host held the server up, the very edits already
 * late), many are a busy server.
 */
export const WRITE_THROUGH_RELAYS = 4;
/** Changes relayed in this turn of the event loop so far (reset as the turn ends). */
let relayedThisTurn = 0;
const endTurn = (): void => {
  relayedThisTurn = 0;
};

/**
 * Runs `relay` (a change's relay, its acknowledgement). The first few relays
 * of a turn of the event loop (WRITE_THROUGH_RELAYS) are each written to
 * every socket at once: the first members have the change while it is still
 * being written to the others, and before the server integrates it, and a
 * change read behind another in a short burst does not wait for the rest of
 * the turn. Relays past those mean many frames came in together (a busy
 * server): they are corked and leave with the rest of the turn (one write per
 * socket for all of it), which is what keeps a loaded server's system calls
 * down. Whether other changes came in this turn, not how long ago the last
 * one did: on a server of many documents, another document's change a moment
 * ago goes to other people and saves these members no write.
 */
export function relayNow(relay: () => void): void {
  if (relayedThisTurn >= WRITE_THROUGH_RELAYS) {
    relay();
    return;
  }
  if (relayedThisTurn++ === 0) setImmediate(endTurn);
  // Frames corked earlier in this turn leave first.
  flushSends();
  writingThrough = true;
  try {
    relay();
  } finally {
    writingThrough = false;
  }
}
/** Sends what the corked sockets hold now (the write path calls it once a batch of changes is relayed). */
export function flushSends(): void {
  for (const raw of corked.splice(0)) raw.uncork();
}
/** Sends what this socket holds corked now (its close frame must not wait for the end of the turn). */
function uncorkNow(socket: SocketLike): void {
  const raw = (socket as { _socket?: Corkable })._socket;
  const i = raw ? corked.indexOf(raw) : -1;
  if (i < 0) return;
  corked.splice(i, 1);
  raw!.uncork();
}
function corkFor(socket: SocketLike): void {
  const raw = (socket as { _socket?: Corkable & { writableCorked?: number } })._socket;
  if (!raw || typeof raw.cork !== 'function' || raw.writableCorked) return;
  raw.cork();
  if (corked.push(raw) === 1) setImmediate(flushSends);
}

/**
 * A binary WebSocket frame as a server sends it (RFC 6455 §5.2: final,
 * binary, unmasked): built once for a relay, the same bytes go to every member.
 */
export class Relay {
  private wire: Buffer | null = null;

  constructor(readonly payload: Uint8Array) {}

  /** The frame's bytes on the wire (built on first use). */
  get bytes(): Buffer {
    if (this.wire) return this.wire;
    const length = this.payload.length;
    const headerLength = length < 126 ? 2 : length < 65536 ? 4 : 10;
    const wire = Buffer.allocUnsafe(headerLength + length);
    wire[0] = 0x82;
    if (length < 126) wire[1] = length;
    else if (length < 65536) {
      wire[1] = 126;
      wire.writeUInt16BE(length, 2);
    } else {
      wire[1] = 127;
      wire.writeBigUInt64BE(BigInt(length), 2);
    }
    wire.set(this.payload, headerLength);
    this.wire = wire;
    return wire;
  }
}

interface RawSocket extends Corkable {
  write(data: Uint8Array, cb: (err?: Error | null) => void): boolean;
}

export class Connection {
  readonly id = nextConnectionId++;
  /** Awareness client ids this connection has introduced. */
  readonly clientIds = new Set<number>();
  /** Document-update frames received so far; the n-th is acknowledged as n. */
  updateFramesReceived = 0;
  private alive = true;
  private closed = false;
  private readonly messages: TokenBucket;
  private readonly awarenessUpdates: TokenBucket;
  /**
   * Presence frames relayed to this connection that its client may send back:
   * the stock provider re-sends every presence update it receives, so a
   * member's traffic grows with the room. Those echoes are not the member's
   * own messages and do not count against its rate (see takeFrame).
   */
  private echoCredit = 0;
  private readonly maxSendBufferBytes: number;
  /** Closed because its reader fell too far behind (see fellBehind). */
  private behind = false;

  constructor(
    private readonly socket: SocketLike,
    readonly user: ConnectionUser,
    public role: Role,
    /** Whether the client speaks Yigao's additions (`?ack=1`): acknowledgements and events. */
    readonly extended = false,
    rates: ConnectionRates = UNLIMITED,
    now = Date.now(),
  ) {
    this.messages = new TokenBucket(rates.messagesPerSecond, rates.messagesPerSecond * BURST_SECONDS, now);
    this.awarenessUpdates = new TokenBucket(rates.awarenessPerSecond, rates.awarenessPerSecond * BURST_SECONDS, now);
    this.maxSendBufferBytes = rates.maxSendBufferBytes ?? Number.MAX_SAFE_INTEGER;
    socket.on('pong', () => {
      this.alive = true;
    });
  }

  /**
   * Counts an incoming frame: a presence frame is first taken as the echo of
   * one relayed to this connection (the room still counts the presence it
   * carries about the connection's own clients, takeAwarenessUpdate); other
   * frames, and presence beyond the echoes due, count against the rate.
   */
  takeFrame(isPresence: boolean, now = Date.now()): boolean {
    if (isPresence && this.echoCredit > 0) {
      this.echoCredit--;
      return true;
    }
    return this.messages.take(now);
  }

  /** A presence frame was sent to this connection: one echo of it is due. */
  expectEcho(): void {
    if (this.echoCredit < MAX_ECHO_CREDIT) this.echoCredit++;
  }

  takeAwarenessUpdate(now = Date.now()): boolean {
    return this.awarenessUpdates.take(now);
  }

  get identity(): AwarenessIdentity {
    return { username: this.user.username, name: this.user.displayName, color: this.user.color };
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN;
  }

  /** Whether it was closed because its reader fell too far behind. */
  get fellBehind(): boolean {
    return this.behind;
  }

  /**
   * False (and the connection closed, with a code the stock provider
   * reconnects after) when more than maxSendBufferBytes wait to be sent: a
   * reader that stopped reading must not make the server hold everything
   * for it. Coming back, its client catches up by syncing.
   */
  private keepsUp(): boolean {
    if (this.socket.bufferedAmount <= this.maxSendBufferBytes) return true;
    this.behind = true;
    this.close(CloseCode.tryAgainLater, 'too far behind');
    return false;
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen || !this.keepsUp()) return;
    if (!writingThrough) corkFor(this.socket);
    this.socket.send(frame, this.afterSend);
  }

  /**
   * Sends a relay: its prebuilt frame written to the socket under the
   * WebSocket (the same bytes for every member, no framing per member), or
   * through the WebSocket where there is none (tests' sockets).
   */
  relay(relay: Relay): void {
    if (!this.isOpen || !this.keepsUp()) return;
    const raw = (this.socket as { _socket?: RawSocket })._socket;
    if (!raw || typeof raw.write !== 'function') {
      this.send(relay.payload);
      return;
    }
    if (!writingThrough) corkFor(this.socket);
    raw.write(relay.bytes, this.afterSend);
  }

  /** One callback for every frame (a relay is a send to every member: no closure each). */
  private readonly afterSend = (err?: Error | null): void => {
    if (err) this.terminate();
  };

  /** Sends, resolving once the frame is handed to the operating system (or the socket failed or closed). */
  sendFlushed(frame: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      this.socket.send(frame, (err) => {
        if (err) this.terminate();
        resolve();
      });
    });
  }

  /** Closes with a code; false when it was already closing (so a breach is logged once). */
  close(code: number, reason: string): boolean {
    if (this.closed) return false;
    this.closed = true;
    // A close reason is limited to 123 bytes; reasons are short ASCII.
    this.socket.close(code, reason.slice(0, 120));
    // The close frame leaves now, behind this turn's frames: a server on its way down cuts
    // sockets off soon after, and what is still corked then is lost (the client sees 1006).
    uncorkNow(this.socket);
    // A peer that never answers the close handshake is cut off.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
    return true;
  }

  terminate(): void {
    this.closed = true;
    this.socket.terminate();
  }

  /** Called on every heartbeat: a connection that missed the previous ping is dropped. */
  heartbeat(): void {
    if (!this.alive) {
      this.terminate();
      return;
    }
    this.alive = false;
    if (this.isOpen) this.socket.ping();
  }
}
