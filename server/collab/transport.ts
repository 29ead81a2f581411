// The only module that knows `ws`. One Transport per server instance: it
// accepts upgraded sockets and hands out Wires, and it batches what is sent
// in one turn of the event loop into one write per socket (each TCP socket is
// corked at its first frame of the turn and uncorked at the end of the turn,
// or earlier when a room flushes after relaying a stored batch). Nothing here
// is module-global, so two servers in one process (the scale-out tests) do
// not share state.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode } from '../../shared/collab.js';
import { atEndOfTurn, CLOSE_HANDSHAKE_MS } from './timing.js';

/** One client socket as a connection uses it (tests pass an in-memory one, testSocket.ts). */
export interface Wire {
  readonly isOpen: boolean;
  /** Bytes handed to the socket and not yet to the operating system. */
  readonly bufferedAmount: number;
  /** Sends a binary frame; it leaves with the rest of the turn's frames, or at the next flush. */
  send(frame: Uint8Array): void;
  /** Sends a frame now, resolving once it is handed to the operating system (or the socket failed or closed). */
  sendFlushed(frame: Uint8Array): Promise<void>;
  /** Sends what this socket holds back now. */
  flush(): void;
  /** Closes with a code (the close frame leaves at once); cut off if the peer does not answer. */
  close(code: number, reason: string): void;
  terminate(): void;
  ping(): void;
  onPong(listener: () => void): void;
}

/** What a server does with an accepted socket's events. */
export interface WireEvents {
  /** A binary frame (text frames are reported as such: they are not part of the protocol). */
  message(frame: Uint8Array, isBinary: boolean): void;
  error(err: Error & { code?: string }): void;
  close(): void;
}

/** ws closes an over-long frame with 1009, which the stock provider retries forever; ours is final. */
const WS_MESSAGE_TOO_BIG = 1009;

export class Transport {
  private readonly wss: WebSocketServer;
  /** TCP sockets corked in this turn, uncorked at its end (or by a flush). */
  private readonly corked = new Set<Duplex>();
  private endOfTurnScheduled = false;

  constructor(options: { maxFrameBytes: number }) {
    // maxPayload makes ws refuse an oversized frame from its header, before buffering it. Without
    // per-message deflate ws writes every frame to the TCP socket at once, so corking that socket
    // batches them in order.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
  }

  /** Completes an HTTP upgrade; `open` gets the wire and must return what to do with its events. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, open: (wire: Wire) => WireEvents): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // ws itself closes a socket whose frame is too long with 1009: that close goes out as ours.
      const close = ws.close.bind(ws);
      ws.close = (code?: number, reason?: string | Buffer) =>
        close(code === WS_MESSAGE_TOO_BIG ? CloseCode.messageTooLarge : code, code === WS_MESSAGE_TOO_BIG ? 'frame too large' : reason);
      const wire = new SocketWire(ws, socket, this);
      const events = open(wire);
      ws.on('message', (data: RawData, isBinary: boolean) => events.message(toUint8Array(data), isBinary));
      ws.on('error', (err) => events.error(err));
      ws.on('close', () => events.close());
    });
  }

  /** Holds the socket's frames back until the end of the turn (or a flush). */
  cork(socket: Duplex): void {
    if (this.corked.has(socket)) return;
    socket.cork();
    this.corked.add(socket);
    if (this.endOfTurnScheduled) return;
    this.endOfTurnScheduled = true;
    atEndOfTurn(this.endTurn);
  }

  uncork(socket: Duplex): void {
    if (this.corked.delete(socket)) socket.uncork();
  }

  private readonly endTurn = (): void => {
    this.endOfTurnScheduled = false;
    this.flushAll();
  };

  /** Sends everything held back now. */
  flushAll(): void {
    for (const socket of this.corked) socket.uncork();
    this.corked.clear();
  }

  close(): void {
    this.flushAll();
    this.wss.close();
  }
}

class SocketWire implements Wire {
  constructor(
    private readonly ws: WebSocket,
    private readonly socket: Duplex,
    private readonly transport: Transport,
  ) {}

  get isOpen(): boolean {
    return this.ws.readyState === this.ws.OPEN;
  }

  get bufferedAmount(): number {
    return this.ws.bufferedAmount;
  }

  send(frame: Uint8Array): void {
    this.transport.cork(this.socket);
    this.ws.send(frame, this.afterSend);
  }

  /** One callback for every frame (a relay is a send to every member: no closure each). */
  private readonly afterSend = (err?: Error | null): void => {
    if (err) this.terminate();
  };

  sendFlushed(frame: Uint8Array): Promise<void> {
    return new Promise((resolve) => {
      this.ws.send(frame, (err) => {
        if (err) this.terminate();
        resolve();
      });
      this.flush();
    });
  }

  flush(): void {
    this.transport.uncork(this.socket);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
    // The close frame leaves now, behind this turn's frames: a server on its way down cuts
    // sockets off soon after, and what is still corked then is lost (the client sees 1006).
    this.flush();
    setTimeout(() => this.ws.terminate(), CLOSE_HANDSHAKE_MS).unref();
  }

  terminate(): void {
    this.flush();
    this.ws.terminate();
  }

  ping(): void {
    this.ws.ping();
  }

  onPong(listener: () => void): void {
    this.ws.on('pong', listener);
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
