// A network whose traffic moves only when a test says so, for the convergence
// fuzz test: every client socket is a SeededSocket, whose outgoing frames and
// incoming events (open, message, close) wait in queues of their own until
// the test delivers one, chosen by its seeded RNG. Between two deliveries the
// test waits until the real network is quiet (quiet()): every real socket open
// and heard from, or closed on both ends; every byte one end wrote read by the
// other (the test adds that the server is not storing, loading or unloading
// a room). What a client may receive next is then all in its queues, so what
// happens next depends on the seed only, not on timers or socket scheduling.
import type http from 'node:http';
import type net from 'node:net';
import WebSocket from 'ws';
import { MessageType } from '../../shared/collab.js';
import { pick, type Rng } from '../../shared/random.js';

type Incoming = { kind: 'open' } | { kind: 'message'; data: ArrayBuffer } | { kind: 'close'; code: number; reason: string };
type Outgoing = { kind: 'frame'; data: Uint8Array } | { kind: 'close' };

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;

/** How long quiet() waits before it fails, naming what is still moving. */
const QUIET_TIMEOUT_MS = 5_000;

/** One client socket as its y-websocket provider sees it (the browser WebSocket API, the parts the provider uses). */
export class SeededSocket {
  readonly CONNECTING = CONNECTING;
  readonly OPEN = OPEN;
  readonly CLOSING = CLOSING;
  readonly CLOSED = CLOSED;
  binaryType = 'arraybuffer';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** The state the provider has been told of, not the real socket's. */
  readyState: number = CONNECTING;
  /** What the server sent (and the socket's opening and closing), not yet handed to the provider. */
  readonly inbox: Incoming[] = [];
  /** What the provider sent, not yet on the real socket. */
  readonly outbox: Outgoing[] = [];
  private readonly ws: WebSocket;
  /** The server sends its first frame once the room is loaded and the socket joined it. */
  private heard = false;
  /** The provider closed this socket: what still arrives is not for it. */
  private detached = false;
  /** The client's TCP port, by which the server's end is found. */
  private port: number | undefined;

  constructor(
    private readonly network: SeededNetwork,
    readonly owner: string,
    url: string,
  ) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.on('open', () => {
      this.port = (this.ws as unknown as { _socket?: net.Socket })._socket?.localPort;
      this.arrive({ kind: 'open' });
    });
    this.ws.on('message', (data: Buffer) => {
      this.heard = true;
      this.arrive({ kind: 'message', data: new Uint8Array(data).slice().buffer });
    });
    this.ws.on('close', (code: number, reason: Buffer) => this.arrive({ kind: 'close', code, reason: reason.toString() }));
    this.ws.on('error', () => undefined);
    network.sockets.push(this);
  }

  send(data: Uint8Array | ArrayBuffer): void {
    this.outbox.push({ kind: 'frame', data: new Uint8Array(data).slice() });
  }

  /** The provider is done with this socket: its close goes out behind what it sent; nothing more reaches it. */
  close(): void {
    if (this.readyState >= CLOSING) return;
    this.readyState = CLOSING;
    this.detached = true;
    this.inbox.length = 0;
    this.outbox.push({ kind: 'close' });
  }

  /** The connection breaks (a network change): what is in flight either way is lost, the close reaches the provider in turn. */
  drop(): void {
    this.inbox.length = 0;
    this.outbox.length = 0;
    // A socket the server closed already says so no more: its close, dropped with the rest, is told again.
    if (this.ws.readyState === CLOSED) this.arrive({ kind: 'close', code: 1006, reason: '' });
    else this.ws.terminate();
  }

  /** Hands the provider the next thing the server sent. */
  deliverIncoming(): string {
    const item = this.inbox.shift();
    if (!item) throw new Error(`${this.owner}: nothing to receive`);
    if (item.kind === 'open') {
      this.readyState = OPEN;
      this.onopen?.({});
      return 'open';
    }
    if (item.kind === 'close') {
      this.readyState = CLOSED;
      this.onclose?.({ code: item.code, reason: item.reason });
      return `close ${item.code}`;
    }
    this.onmessage?.({ data: item.data });
    return describeFrame(new Uint8Array(item.data));
  }

  /** Puts the next frame the provider sent on the real socket (lost if that is closed by now). */
  deliverOutgoing(): string {
    const item = this.outbox.shift();
    if (!item) throw new Error(`${this.owner}: nothing to send`);
    if (item.kind === 'close') {
      if (this.ws.readyState === OPEN) this.ws.close();
      return 'close';
    }
    if (this.ws.readyState !== OPEN) return `${describeFrame(item.data)} (lost)`;
    this.ws.send(item.data);
    return describeFrame(item.data);
  }

  /** Whether nothing is moving on the real socket; otherwise what is. */
  stillMoving(): string | null {
    const state = this.ws.readyState;
    if (state === CONNECTING || state === CLOSING) return `${this.owner}'s socket is ${state === CONNECTING ? 'connecting' : 'closing'}`;
    const server = this.port === undefined ? undefined : this.network.serverSide.get(this.port);
    if (state === CLOSED) return server && !server.closed ? `the server has not seen ${this.owner}'s socket close` : null;
    const tcp = (this.ws as unknown as { _socket?: net.Socket })._socket;
    if (!tcp || !server) return `the server side of ${this.owner}'s socket is unknown`;
    if (!this.heard) return `the server has not answered ${this.owner} yet`;
    if (tcp.bytesWritten !== server.bytesRead) return `the server has not read all ${this.owner} sent`;
    if (server.bytesWritten !== tcp.bytesRead) return `${this.owner} has not read all the server sent`;
    return null;
  }

  /** Whether this socket is done with: closed for good, nothing left to deliver. */
  get finished(): boolean {
    return this.ws.readyState === CLOSED && this.outbox.length === 0 && (this.detached || this.readyState === CLOSED);
  }

  /** Ends the real socket at once (the test is over). */
  terminate(): void {
    this.detached = true;
    this.inbox.length = 0;
    this.outbox.length = 0;
    this.ws.terminate();
  }

  private arrive(item: Incoming): void {
    if (!this.detached) this.inbox.push(item);
  }
}

/**
 * A frame's kind, for the trace of a step. Not its length: the ids of the
 * server's own changes (the template's) are random, and they are written in
 * a varying number of bytes.
 */
function describeFrame(bytes: Uint8Array): string {
  const names: Record<number, string> = { 1: 'awareness', [MessageType.ack]: 'ack', [MessageType.event]: 'event' };
  return bytes[0] === 0 ? (['sync step 1', 'sync step 2', 'update'][bytes[1]] ?? 'sync') : (names[bytes[0]] ?? `type ${bytes[0]}`);
}

export class SeededNetwork {
  /** Every socket not yet finished, in the order the clients opened them. */
  sockets: SeededSocket[] = [];
  /** The server's end of each TCP connection, by the client's port. */
  readonly serverSide = new Map<number, net.Socket>();
  private readonly watched = new WeakSet<http.Server>();

  constructor(private readonly rng: Rng) {}

  /** Follows the TCP connections a server accepts from now on (call again after a restart). */
  watch(server: http.Server): void {
    if (this.watched.has(server)) return;
    this.watched.add(server);
    server.on('connection', (socket: net.Socket) => {
      const port = socket.remotePort;
      if (port === undefined) return;
      this.serverSide.set(port, socket);
      socket.once('close', () => setImmediate(() => this.serverSide.get(port) === socket && this.serverSide.delete(port)));
    });
  }

  /** A WebSocket class for one client's provider: its sockets go through this network. */
  socketClass(owner: string): typeof globalThis.WebSocket {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below is constructed by the provider
    const network = this;
    return class extends SeededSocket {
      constructor(url: string) {
        super(network, owner, url);
      }
    } as unknown as typeof globalThis.WebSocket;
  }

  /** Whether anything waits to be delivered, either way. */
  get pending(): boolean {
    return this.sockets.some((s) => s.inbox.length > 0 || s.outbox.length > 0);
  }

  /** What waits in each socket's queues, received/to send (for the trace of a step). */
  get queues(): string {
    return this.sockets.map((s) => `${s.owner} ${s.inbox.length}/${s.outbox.length}`).join(' ');
  }

  /** Delivers one queued frame or event, chosen by the seeded RNG among every queue's first; says which. */
  deliverOne(): string {
    const choices: { socket: SeededSocket; incoming: boolean }[] = [];
    for (const socket of this.sockets) {
      if (socket.outbox.length > 0) choices.push({ socket, incoming: false });
      if (socket.inbox.length > 0) choices.push({ socket, incoming: true });
    }
    if (choices.length === 0) throw new Error('nothing to deliver');
    const { socket, incoming } = pick(this.rng, choices);
    return incoming ? `${socket.owner} ← ${socket.deliverIncoming()}` : `${socket.owner} → ${socket.deliverOutgoing()}`;
  }

  /**
   * Resolves once nothing moves on the real network and `busy` (what else the
   * test waits for: the server's work, a provider's reconnection) says null,
   * twice in a row a turn of the event loop apart.
   */
  async quiet(busy: () => string | null = () => null): Promise<void> {
    const end = Date.now() + QUIET_TIMEOUT_MS;
    let calm = 0;
    for (let turn = 0; calm < 2; turn++) {
      await new Promise((resolve) => (turn < 200 ? setImmediate(resolve) : setTimeout(resolve, 1)));
      const moving = this.sockets.map((s) => s.stillMoving()).find((m) => m !== null) ?? busy();
      calm = moving === null ? calm + 1 : 0;
      if (moving !== null && Date.now() > end) throw new Error(`the network did not settle in ${QUIET_TIMEOUT_MS} ms: ${moving}`);
    }
    this.sockets = this.sockets.filter((s) => !s.finished);
  }

  /** Ends every real socket. */
  destroy(): void {
    for (const socket of this.sockets.splice(0)) socket.terminate();
  }
}
