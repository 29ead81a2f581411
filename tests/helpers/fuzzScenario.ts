// The step machinery of the convergence fuzz test: clients (peers) that edit
// one document through the real server, over a SeededNetwork, and a run of
// steps drawn from one seeded RNG. A step is an edit, a client going offline
// or coming back, a dropped socket, a server restart, or the delivery of one
// queued frame or socket event; after each the test waits until the network
// and the server are quiet (SeededNetwork.quiet), so the next step starts from
// a state the seed alone decides. Each step adds a line to `trace`: what it
// did, every client's fingerprint (fuzzState.ts) and save and connection
// status after it, and what waits in each socket's queues.
import * as Y from 'yjs';
import { pick, pickWeighted, randomInt, type Rng } from '../../shared/random.js';
import type { TestUser } from './api.js';
import { connect, type CollabClient } from './collabClient.js';
import { FuzzEditor } from './fuzzEdits.js';
import { fingerprint, missingFrom, sameState, StoredState, type SelectUpdates } from './fuzzState.js';
import { SeededNetwork, type SeededSocket } from './seededNetwork.js';
import type { TestServer } from './testServer.js';

export interface Peer {
  name: string;
  client: CollabClient;
  editor: FuzzEditor;
  /** Every update this client made itself. */
  own: Uint8Array[];
  offline: boolean;
}

/** What a step does, by weight; `deliver` hands on a few queued frames or socket events, `settle` all until every client is saved. */
const STEP_WEIGHTS = { edit: 58, goOffline: 7, comeBack: 7, dropSocket: 4, restart: 4, deliver: 12, settle: 8 } as const;
/** At most this many deliveries in a `deliver` step. */
const MAX_DELIVERIES = 8;
/** A settle that takes more deliveries than this is stuck (a loop of reconnections, say). */
const MAX_SETTLE_DELIVERIES = 5_000;
/** The clients' Yjs ids are the largest id in the template plus a seeded number up to this (see clientIdBase). */
const CLIENT_ID_SPREAD = 2 ** 20;

/**
 * Where the clients' ids start for a document whose template has `stored`'s
 * state, or null when its largest id is too close to 2³² for them to fit
 * above it. Yjs compares client ids (it orders concurrent inserts, and the
 * structs of an update, by them): the template's ids are random, so the
 * clients' ids must all lie above them for a seed to do the same each time.
 */
export function clientIdBase(stored: Y.Doc): number | null {
  const base = Math.max(0, ...Y.decodeStateVector(Y.encodeStateVector(stored)).keys());
  return base + CLIENT_ID_SPREAD < 2 ** 32 ? base : null;
}

export class Scenario {
  readonly log: string[] = [];
  /** One line per step: what it did, and each client's fingerprint after it. Equal for two runs of one seed. */
  readonly trace: string[] = [];
  /** Broken promises found while running: "saved" said too early. */
  readonly violations: string[] = [];
  readonly peers: Peer[] = [];
  readonly stored: StoredState;
  readonly network: SeededNetwork;
  /** The template's updates, as stored when the run began. */
  readonly seeded: Uint8Array[];
  private readonly clientIdBase: number;
  private readonly names = new Map<number, string>();
  private step = 0;

  constructor(
    private readonly srv: TestServer,
    readonly rng: Rng,
    readonly documentId: string,
    selectUpdates: SelectUpdates,
  ) {
    this.stored = new StoredState(documentId, selectUpdates, srv.dataDir);
    this.seeded = this.stored.readNew();
    const base = clientIdBase(this.stored.doc);
    if (base === null) throw new Error('the template has a client id too large (use a document for which clientIdBase is not null)');
    this.clientIdBase = base;
    this.network = new SeededNetwork(rng);
    this.network.watch(srv.server.http);
  }

  open(index: number, user: TestUser): Peer {
    const name = `c${index}`;
    // Yjs orders concurrent inserts by client id: a seed fixes them too.
    const clientID = this.clientIdBase + randomInt(this.rng, 1, CLIENT_ID_SPREAD - 1);
    const client = connect(this.srv.wsUrl, this.documentId, user.token, undefined, { clientID, socketClass: this.network.socketClass(name) });
    // A closed socket is replaced at once (a timer of 0 ms, which quiet() waits for).
    client.provider.maxBackoffTime = 0;
    this.names.set(clientID, name);
    const peer: Peer = { name, client, editor: new FuzzEditor(index, client.doc, this.rng), own: [], offline: false };
    client.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== client.provider) peer.own.push(update);
    });
    client.acks.onChange((status) => {
      if (status === 'saved') this.checkSaved(peer, 'on becoming saved');
    });
    this.peers.push(peer);
    return peer;
  }

  /**
   * "Saved" promises that the store holds every change of this client. What the
   * client has is its own changes plus what the server relayed (stored before
   * relayed), so the store must contain the client's whole state. Read at once
   * (synchronously, in the acknowledgement's own event).
   */
  checkSaved(peer: Peer, when: string): void {
    // The stored state only grows, so when what was read before covers the client, so does the store.
    let missing = missingFrom(this.stored.doc, peer.client.doc);
    if (missing) {
      this.stored.readNew();
      missing = missingFrom(this.stored.doc, peer.client.doc);
    }
    if (missing) this.violation(peer, `said saved (${when}) but the store lacks ${missing}`);
  }

  private violation(peer: Peer, what: string): void {
    this.violations.push(`step ${this.step}: ${peer.name} ${what}`);
  }

  /** Waits for the clients' first sync. */
  async start(): Promise<void> {
    await this.deliverUntil(() => this.peers.every((p) => p.client.provider.synced), 'the first sync');
  }

  async run(steps: number, withRestarts: boolean): Promise<void> {
    for (let i = 1; i <= steps; i++) {
      const online = this.peers.filter((p) => !p.offline);
      const offline = this.peers.filter((p) => p.offline);
      const action = pickWeighted(this.rng, STEP_WEIGHTS);
      if (action === 'goOffline' && online.length > 0) {
        const peer = pick(this.rng, online);
        peer.offline = true;
        peer.client.provider.disconnect();
        await this.stepDone(`${peer.name} goes offline`);
      } else if (action === 'comeBack' && offline.length > 0) {
        const peer = pick(this.rng, offline);
        peer.offline = false;
        peer.client.provider.connect();
        await this.stepDone(`${peer.name} comes back`);
      } else if (action === 'dropSocket' && online.length > 0) {
        // As on a network change: the provider hears of it when the close is delivered, and reconnects by itself.
        const peer = pick(this.rng, online);
        (peer.client.provider.ws as unknown as SeededSocket | null)?.drop();
        await this.stepDone(`${peer.name}'s socket drops`);
      } else if (action === 'restart' && withRestarts) {
        // Between two steps: what the clients send meanwhile waits in their queues, or is lost on a closed socket.
        await this.srv.restart();
        this.network.watch(this.srv.server.http);
        await this.stepDone('server restarts');
      } else if (action === 'deliver') {
        for (let n = randomInt(this.rng, 1, MAX_DELIVERIES); n > 0 && this.network.pending; n--) await this.stepDone(this.network.deliverOne());
      } else if (action === 'settle') {
        this.log.push('(settle)');
        await this.settle();
      } else {
        await this.edit(pick(this.rng, this.peers));
      }
    }
  }

  private async edit(peer: Peer): Promise<void> {
    const before = peer.own.length;
    const done = peer.editor.edit();
    if (done === null) return;
    // Nothing can have been acknowledged yet: a change made this instant is unsaved.
    if (peer.own.length > before && peer.client.acks.current === 'saved') {
      const { ws, wsconnected } = peer.client.provider;
      this.violation(peer, `said saved right after a change (socket readyState ${ws?.readyState ?? 'none'}, wsconnected ${wsconnected})`);
      this.checkSaved(peer, 'right after a change');
    }
    await this.stepDone(`${peer.name}${peer.offline ? ' (offline)' : ''} ${done}`);
  }

  /** Every client online, synced, saved, and equal to the server's live document. */
  async settle(everyone = false): Promise<void> {
    if (everyone) {
      for (const peer of this.peers.filter((p) => p.offline)) {
        peer.offline = false;
        peer.client.provider.connect();
      }
    }
    const waiting = () => this.peers.filter((p) => !p.offline && !this.isSettled(p));
    await this.deliverUntil(
      () => waiting().length === 0,
      () => 'the clients to settle: ' + waiting().map(this.describe).join('; '),
    );
  }

  /** Delivers queued frames and events, one a step, until `done` holds once the network is quiet. */
  private async deliverUntil(done: () => boolean, what: string | (() => string)): Promise<void> {
    await this.quiet();
    for (let n = 0; !done(); n++) {
      if (!this.network.pending || n >= MAX_SETTLE_DELIVERIES) {
        const reason = this.network.pending ? `${n} deliveries` : 'nothing left to deliver';
        throw new Error(`gave up (${reason}) waiting for ${typeof what === 'string' ? what : what()}`);
      }
      await this.stepDone(this.network.deliverOne());
    }
  }

  private readonly describe = ({ name, client: { doc, provider, acks, closeCodes } }: Peer): string => {
    this.stored.readNew();
    const missing = missingFrom(this.stored.doc, doc) ?? 'nothing';
    return `${name} connected ${provider.wsconnected}, synced ${provider.synced}, ${acks.current} (the store lacks ${missing}), close codes [${closeCodes.join(',')}]`;
  };

  private isSettled(peer: Peer): boolean {
    const { provider, acks, doc } = peer.client;
    const room = this.srv.server.registry.peek(this.documentId);
    return provider.wsconnected && provider.synced && acks.current === 'saved' && room !== null && sameState(doc, room.doc);
  }

  /** Waits until the step's consequences are all in the clients' queues, then notes the step. */
  private async stepDone(what: string): Promise<void> {
    this.step++;
    await this.quiet();
    this.note(what);
    const prints = this.peers.map(
      ({ name, client: { doc, provider, acks } }) =>
        `${name} ${fingerprint(doc, this.names)} ${acks.current} ${provider.wsconnected ? 'connected' : 'disconnected'}${provider.synced ? ' synced' : ''}`,
    );
    this.trace.push(`${this.step}. ${what} | ${prints.join(' ')} | queued ${this.network.queues}`);
  }

  /** The network quiet, and the server too: no room loading, unloading or storing, no provider about to reconnect. */
  private quiet(): Promise<void> {
    return this.network.quiet(() => {
      const waiting = this.peers.find(({ client: { provider } }) => provider.shouldConnect && provider.ws === null);
      if (waiting) return `${waiting.name} to reconnect`;
      const { registry } = this.srv.server;
      if (!registry.holds(this.documentId)) return null;
      const room = registry.peek(this.documentId);
      if (room === null) return 'the room to load or unload';
      if (room.hasPendingWrites) return 'the server to store what it received';
      return room.connections.size === 0 ? 'the empty room to unload' : null;
    });
  }

  private note(line: string): void {
    this.log.push(`${this.step}. ${line}`);
  }

  /** Closes every client; may be called again. */
  close(): void {
    for (const peer of this.peers.splice(0)) {
      peer.editor.destroy();
      peer.client.destroy();
    }
    this.network.destroy();
  }
}
