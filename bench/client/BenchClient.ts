// A light collaboration client for the load generator: one socket, one
// Y.Doc, the sync protocol (steps 1 and 2, updates), presence sent by hand
// and received without bookkeeping. Much cheaper than a WebsocketProvider
// per simulated person, so the generator leaves the CPU to the server.
//
// A typing client can defer integrating what it receives (`deferRemote`):
// each update is noted as it arrives and applied, with the others that came
// since, in one transaction when the document is next read (before the
// person's next edit). The generator plays dozens of people on one core, who
// in life would each integrate on their own machine; one transaction per
// received update (Yjs computes the document's state vector twice in each)
// was most of the generator's time, and its event loop's delay was most of
// every server's p99.
//
// Its frames are encoded in frames.ts; waiting on the server's replies is in waiters.ts.
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { SampleBuffer } from '../stats.js';
import { awarenessFrame, syncFrame } from './frames.js';
import { Waiters } from './waiters.js';
import { Message, SyncStep, type Wire } from './wire.js';

/** Transaction origin of everything the server sent. */
export const REMOTE = Symbol('remote');

/** Presence is renewed this often, as y-protocols' Awareness does (it times out after 30 s). */
const AWARENESS_RENEW_MS = 15_000;

export interface AckLatencySink {
  /** Only frames sent while this is true are measured. */
  measuring: boolean;
  samples: SampleBuffer;
}

/** Told of each update as it arrives: the update and when its frame arrived (performance.now()). */
export type RemoteUpdateListener = (update: Uint8Array, arrivedAt: number) => void;

/** Deferred updates are integrated at the latest once this many have gathered. */
const MAX_DEFERRED = 256;

export class BenchClient {
  private readonly ydoc = new Y.Doc();
  private deferred: Uint8Array[] = [];
  private remoteListener: RemoteUpdateListener | null = null;
  private ws: WebSocket | null = null;
  /** When connect() was called, the socket opened, step 2 arrived, and it was applied (performance.now()). */
  connectStartedAt = 0;
  openedAt = 0;
  step2ReceivedAt = 0;
  syncedAt = 0;
  bytesReceived = 0;
  bytesReceivedAtSync = 0;
  /** When the frame being processed (or the last one) arrived. */
  lastFrameAt = 0;
  bytesSent = 0;
  /** Document-update frames sent (step 2 replies included) and confirmed by the server. */
  sentUpdateFrames = 0;
  confirmedFrames = 0;
  closeCode: number | null = null;
  private step2Count = 0;
  private readonly frameSentAt: number[] = [];
  private readonly waiters = new Waiters(() => this.closeCode);
  private awarenessClock = 0;
  private awarenessState: string | null = null;
  private awarenessTimer: NodeJS.Timeout | null = null;
  private synced = false;
  private resolveSynced: (() => void) | null = null;
  private rejectSynced: ((err: Error) => void) | null = null;

  constructor(
    private readonly wire: Wire,
    private readonly ackSink: AckLatencySink | null = null,
  ) {
    this.ydoc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE) this.sendUpdate(update);
    });
  }

  get clientID(): number {
    return this.ydoc.clientID;
  }

  /** The replica's clock for `client` without integrating what was deferred. */
  integratedClock(client: number): number {
    return Y.getState(this.ydoc.store, client);
  }

  /** The client's replica, with every update received so far integrated. */
  get doc(): Y.Doc {
    this.integrateDeferred();
    return this.ydoc;
  }

  /**
   * From now on, updates (not sync step 2) are handed to `listener` as they arrive and integrated only
   * when the document is next read, together (see the top of this file).
   */
  deferRemote(listener: RemoteUpdateListener): void {
    this.remoteListener = listener;
  }

  /** Integrates the updates deferred so far, in one transaction. */
  integrateDeferred(): void {
    if (this.deferred.length === 0) return;
    const updates = this.deferred;
    this.deferred = [];
    this.ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.ydoc, update, REMOTE);
    }, REMOTE);
  }

  get isSynced(): boolean {
    return this.synced;
  }

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Opens the socket; resolves once the server's state is applied (synced). */
  connect(timeoutMs = 30_000): Promise<void> {
    this.connectStartedAt = performance.now();
    const ws = new WebSocket(this.wire.url, { perMessageDeflate: false });
    this.ws = ws;
    const synced = new Promise<void>((resolve, reject) => {
      this.resolveSynced = resolve;
      this.rejectSynced = reject;
    });
    const timer = setTimeout(() => this.rejectSynced?.(new Error(`not synced after ${timeoutMs} ms: ${this.wire.url}`)), timeoutMs);
    ws.on('open', () => {
      this.openedAt = performance.now();
      for (const frame of this.wire.hello()) this.send(frame);
      this.send(syncFrame(this.wire, SyncStep.step1, Y.encodeStateVector(this.doc)));
      if (this.awarenessState !== null) this.sendAwareness();
    });
    ws.on('message', (data: Buffer) => this.receive(data));
    ws.on('close', (code) => {
      this.closeCode = code;
      this.rejectSynced?.(new Error(`closed with ${code} before syncing: ${this.wire.url}`));
      this.waiters.wake();
    });
    ws.on('error', (err) => this.rejectSynced?.(err));
    return synced.finally(() => clearTimeout(timer));
  }

  /** Sets this client's presence (a JSON string, like Tiptap's caret) and sends it. */
  setAwareness(stateJson: string): void {
    this.awarenessState = stateJson;
    this.awarenessClock++;
    if (this.isOpen) this.sendAwareness();
    if (!this.awarenessTimer) {
      this.awarenessTimer = setInterval(() => {
        this.awarenessClock++;
        if (this.isOpen) this.sendAwareness();
      }, AWARENESS_RENEW_MS);
      this.awarenessTimer.unref();
    }
  }

  /** Sets this client's presence from an object (what Typist sends). */
  setPresence(state: object): void {
    this.setAwareness(JSON.stringify(state));
  }

  /** Sends an update that was made elsewhere, without applying it here (for building long histories fast). */
  sendRawUpdate(update: Uint8Array): void {
    this.sendUpdate(update);
  }

  /** Bytes waiting in the socket's send buffer. */
  get bufferedAmount(): number {
    return this.ws?.bufferedAmount ?? 0;
  }

  /**
   * Resolves once the server has processed every update frame sent so far:
   * by its confirmations where it sends them, else by a sync round trip.
   */
  async settled(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    if (this.wire.confirmation === 'none') {
      const target = this.step2Count + 1;
      this.send(syncFrame(this.wire, SyncStep.step1, Y.encodeStateVector(this.doc)));
      await this.waiters.until(() => this.step2Count >= target, deadline, 'a sync round trip');
      return;
    }
    await this.waiters.until(() => this.confirmedFrames >= this.sentUpdateFrames, deadline, 'confirmations');
  }

  /** Waits until the server has confirmed all but `window` update frames (flow control while flooding). */
  async confirmedWithin(window: number, timeoutMs = 60_000): Promise<void> {
    if (this.wire.confirmation === 'none') {
      while (this.bufferedAmount > 1 << 20) await new Promise((r) => setTimeout(r, 5));
      return;
    }
    await this.waiters.until(() => this.sentUpdateFrames - this.confirmedFrames <= window, Date.now() + timeoutMs, 'confirmations');
  }

  close(): void {
    if (this.awarenessTimer) clearInterval(this.awarenessTimer);
    this.awarenessTimer = null;
    this.ws?.close();
  }

  /** Closes and frees the document. */
  destroy(): void {
    this.close();
    this.deferred = [];
    this.ydoc.destroy();
  }

  private receive(data: Buffer): void {
    this.lastFrameAt = performance.now();
    this.bytesReceived += data.length;
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    this.wire.skipAddress(decoder);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case Message.sync:
        this.receiveSync(decoder);
        break;
      case Message.yigaoAck:
        this.confirm(decoding.readVarUint(decoder));
        break;
      default:
        // Presence, events: a real editor would render them; the benchmark only counts their bytes.
        break;
    }
    this.waiters.wake();
  }

  private receiveSync(decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    switch (step) {
      case SyncStep.step1:
        this.sendUpdate(Y.encodeStateAsUpdate(this.doc, payload), SyncStep.step2);
        return;
      case SyncStep.step2:
        if (!this.synced) this.step2ReceivedAt = performance.now();
        Y.applyUpdate(this.doc, payload, REMOTE); // after the deferred updates (the getter integrates them)
        this.step2Count++;
        if (!this.synced) {
          this.synced = true;
          this.syncedAt = performance.now();
          this.bytesReceivedAtSync = this.bytesReceived;
          this.resolveSynced?.();
          this.rejectSynced = null;
        }
        return;
      case SyncStep.update:
        if (this.remoteListener) {
          // Copied: the frame's buffer is the socket's, and the update is kept past this callback.
          const update = payload.slice();
          this.remoteListener(update, this.lastFrameAt);
          this.deferred.push(update);
          if (this.deferred.length >= MAX_DEFERRED) this.integrateDeferred();
        } else {
          Y.applyUpdate(this.ydoc, payload, REMOTE);
        }
        return;
    }
  }

  private confirm(frames: number): void {
    if (frames <= this.confirmedFrames) return;
    if (this.ackSink) {
      const now = performance.now();
      for (let frame = this.confirmedFrames + 1; frame <= frames; frame++) {
        const sentAt = this.frameSentAt[frame];
        if (sentAt !== undefined && sentAt >= 0) this.ackSink.samples.push(now - sentAt);
      }
    }
    this.confirmedFrames = frames;
  }

  private sendUpdate(update: Uint8Array, step: number = SyncStep.update): void {
    // Not connected: the change waits in the doc and goes out with the next sync.
    if (!this.isOpen) return;
    const frame = ++this.sentUpdateFrames;
    // Step 2 replies are not edits: their acknowledgement is not a latency sample.
    if (this.ackSink) this.frameSentAt[frame] = step === SyncStep.update && this.ackSink.measuring ? performance.now() : -1;
    this.send(syncFrame(this.wire, step, update));
  }

  private sendAwareness(): void {
    this.send(awarenessFrame(this.wire, this.ydoc.clientID, this.awarenessClock, this.awarenessState));
  }

  private send(frame: Uint8Array): void {
    const ws = this.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN) return;
    this.bytesSent += frame.length;
    ws.send(frame);
  }
}
