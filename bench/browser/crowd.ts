// Ten other people typing in the document while the typist's browser is
// measured: each the stock WebsocketProvider (bench/client/StockPeer.ts, with
// the caret as presence as CollaborationCaret keeps it) driven by the server
// benchmark's Typist, in a paragraph of their own, at 2 edits a second with
// jitter, as in `npm run bench`'s typing cases. They run in the benchmark's
// Node process, not in the browser.
import { StockPeer } from '../client/StockPeer.js';
import { Typist } from '../client/typist.js';
import type { SeededDocument, Stack } from './stacks.js';

const COLORS = ['#e5484d', '#30a46c', '#0090ff', '#f76b15', '#8e4ec6'];

export interface CrowdReport {
  people: number;
  edits: number;
  /** Socket closes the providers saw (by the server or the network). */
  closes: number;
}

export class Crowd {
  private edits = 0;
  private stopped = false;
  private readonly loops: Promise<void>[] = [];

  private constructor(private readonly peers: StockPeer[]) {}

  /** Connects `people` providers and starts them typing at `editsPerSecond` each. */
  static async start(stack: Stack, document: SeededDocument, people: number, editsPerSecond: number): Promise<Crowd> {
    const peers = await Promise.all(
      Array.from({ length: people }, (_, i) => StockPeer.connect(stack.crowdWire(document, i), { name: `委员${i + 1}`, color: COLORS[i % COLORS.length] })),
    );
    const crowd = new Crowd(peers);
    peers.forEach((peer, i) => {
      const typist = new Typist(peer, { name: `委员${i + 1}`, color: COLORS[i % COLORS.length], presence: true, seed: 1000 + i });
      typist.begin();
      crowd.loops.push(crowd.typeUntilStopped(typist, 1000 / editsPerSecond, i / people));
    });
    return crowd;
  }

  private async typeUntilStopped(typist: Typist, intervalMs: number, offset: number): Promise<void> {
    await new Promise((r) => setTimeout(r, offset * intervalMs));
    while (!this.stopped) {
      typist.type();
      this.edits++;
      // Uniform jitter of ±50 %, so the people do not type in lockstep.
      await new Promise((r) => setTimeout(r, intervalMs * (0.5 + Math.random())));
    }
  }

  async stop(): Promise<CrowdReport> {
    this.stopped = true;
    await Promise.all(this.loops);
    const report = { people: this.peers.length, edits: this.edits, closes: this.peers.reduce((n, p) => n + p.closes.length, 0) };
    for (const peer of this.peers) peer.destroy();
    return report;
  }
}
