// One client socket: who is behind it, what it may do, and whether it is alive.
import type { Role } from '../../shared/api.js';
import { CloseCode } from '../../shared/collab.js';
import type { AwarenessIdentity } from './awarenessIdentity.js';
import { TokenBucket } from './TokenBucket.js';
import type { Wire } from './transport.js';

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

export class Connection {
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
    private readonly wire: Wire,
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
    wire.onPong(() => {
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
    return !this.closed && this.wire.isOpen;
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
    if (this.wire.bufferedAmount <= this.maxSendBufferBytes) return true;
    this.behind = true;
    this.close(CloseCode.tryAgainLater, 'too far behind');
    return false;
  }

  /** Sends a frame; it leaves with the rest of the turn's frames to this socket, or at flush. */
  send(frame: Uint8Array): void {
    if (!this.isOpen || !this.keepsUp()) return;
    this.wire.send(frame);
  }

  /** Sends what this connection holds back now (a relay of stored changes leaves before the server applies them). */
  flush(): void {
    this.wire.flush();
  }

  /** Sends, resolving once the frame is handed to the operating system (or the socket failed or closed). */
  sendFlushed(frame: Uint8Array): Promise<void> {
    if (!this.isOpen) return Promise.resolve();
    return this.wire.sendFlushed(frame);
  }

  /** Closes with a code; false when it was already closing (so a breach is logged once). */
  close(code: number, reason: string): boolean {
    if (this.closed) return false;
    this.closed = true;
    // A close reason is limited to 123 bytes; reasons are short ASCII.
    this.wire.close(code, reason.slice(0, 120));
    return true;
  }

  terminate(): void {
    this.closed = true;
    this.wire.terminate();
  }

  /** Called on every heartbeat: a connection that missed the previous ping is dropped. */
  heartbeat(): void {
    if (!this.alive) {
      this.terminate();
      return;
    }
    this.alive = false;
    if (this.isOpen) this.wire.ping();
  }
}
