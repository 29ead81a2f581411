// One person as real users connect: the stock WebsocketProvider of y-websocket
// (on `ws`), with its own Y.Doc and its own awareness, whose local state is
// the caret as Tiptap's CollaborationCaret keeps it. The provider applies
// every update at once, in a transaction of its own, and re-sends every
// presence change it learns of, other people's included: all of that is
// what these peers measure, and what the light BenchClient leaves out.
// Against Yigao it connects with `?ack=1` and follows the acknowledgements
// with the editor's own AckTracker (shared/ackTracker.ts). It never
// reconnects by itself beyond what the provider does: after a close code in
// 4400–4499 the provider stops and emits 'closed'.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { AckTracker, countingWebSocket } from '../../shared/ackTracker.js';
import { MessageType } from '../../shared/collab.js';
import type { Presence } from './typist.js';
import type { RemoteUpdateListener } from './BenchClient.js';
import type { Wire } from './wire.js';

const CountingWebSocket = countingWebSocket(WebSocket) as unknown as typeof globalThis.WebSocket;

// Every provider adds a listener to process 'exit' (to say goodbye to the others): a thousand of them are expected here.
process.setMaxListeners(0);

/** A close of the socket by the server or the network (not by the peer itself). */
export interface SeenClose {
  code: number;
  /** When (CLOCK_MONOTONIC, µs: the clock of TypingResult.windowUs). */
  atUs: number;
}

export class StockPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly provider: WebsocketProvider;
  private readonly acks: AckTracker | null;
  readonly closes: SeenClose[] = [];
  /** The provider's 'closed' event: the server's final code, after which it does not reconnect. */
  finalClose: { code: number; reason: string } | null = null;
  private listener: RemoteUpdateListener | null = null;
  /** While an update is being reported: the replica's clocks before it. */
  private before: Map<number, number> | null = null;
  private destroyed = false;

  constructor(wire: Wire, user: Presence['user']) {
    // CollaborationCaret sets the user once; the caret follows with every change of the selection.
    this.awareness.setLocalState({ user });
    const url = new URL(wire.url);
    const room = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
    const base = `${url.protocol}//${url.host}${url.pathname.slice(0, url.pathname.lastIndexOf('/'))}`;
    this.provider = new WebsocketProvider(base, room, this.doc, {
      WebSocketPolyfill: CountingWebSocket,
      params: Object.fromEntries(url.searchParams),
      awareness: this.awareness,
      disableBc: true,
    });
    this.acks = wire.confirmation === 'ack' ? new AckTracker(this.provider) : null;
    // Yigao's events (refresh comments, status): the editor reads them; here they are only read past.
    if (this.acks) this.provider.messageHandlers[MessageType.event] = () => undefined;
    this.provider.on('connection-close', (event) => {
      if (event && !this.destroyed) this.closes.push({ code: event.code, atUs: Number(process.hrtime.bigint() / 1000n) });
    });
    this.provider.on('closed', (event) => {
      this.finalClose = event;
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin !== this.provider || !this.listener) return;
      this.before = transaction.beforeState;
      try {
        this.listener(update, performance.now());
      } finally {
        this.before = null;
      }
    });
  }

  /** A peer connected and synced (rejects if the server closed it for good first, or after `timeoutMs`). */
  static async connect(wire: Wire, user: Presence['user'], timeoutMs = 30_000): Promise<StockPeer> {
    const peer = new StockPeer(wire, user);
    await peer
      .until(() => peer.provider.synced, timeoutMs, 'syncing', true)
      .catch((err: Error) => {
        peer.destroy();
        throw err;
      });
    return peer;
  }

  get clientID(): number {
    return this.doc.clientID;
  }

  get closedForGood(): boolean {
    return this.finalClose !== null;
  }

  integratedClock(client: number): number {
    return this.before ? (this.before.get(client) ?? 0) : Y.getState(this.doc.store, client);
  }

  /** Hands every update from the server to `listener` as the provider's Y.Doc emits it (already integrated). */
  deferRemote(listener: RemoteUpdateListener): void {
    this.listener = listener;
  }

  /** The caret (and user) as CollaborationCaret sets them: one awareness change, sent by the provider. */
  setPresence(state: Presence): void {
    this.awareness.setLocalState({ ...this.awareness.getLocalState(), ...state });
  }

  /** Against Yigao, until every update frame sent is acknowledged; elsewhere, until synced; at once once closed for good. */
  settled(timeoutMs = 60_000): Promise<void> {
    const acks = this.acks;
    return this.until(() => this.provider.synced && (!acks || acks.acknowledgedFrames >= acks.sentFrames), timeoutMs, acks ? 'acknowledgements' : 'syncing');
  }

  destroy(): void {
    this.destroyed = true;
    this.acks?.destroy();
    this.provider.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Polls until `done` holds; a final close ends the wait, as an error if `closeFails`. */
  private async until(done: () => boolean, timeoutMs: number, what: string, closeFails = false): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (this.finalClose) {
        if (closeFails) throw new Error(`closed with ${this.finalClose.code} (${this.finalClose.reason}) before ${what}`);
        return;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
