// The typing scenario with the clients real users run: every person a stock
// WebsocketProvider (bench/client/StockPeer.ts), which re-sends every
// presence change it receives; against Yigao at its default limits, every
// person with an account of their own. Besides the typing scenario's figures
// (an edit counts as delivered when the receiving provider's Y.Doc emits the
// update holding it), the closes of their sockets that the clients saw.
import { StockPeer } from '../client/StockPeer.js';
import type { ServerUnderTest } from '../servers/ServerUnderTest.js';
import { runTyping, serverWiring, type TypingCase, type TypingResult } from './typing.js';

export interface Disconnects {
  /** Socket closes the clients saw (by the server or the network; not their own at the end). */
  closes: number;
  /** Those closes by close code. */
  byCode: Record<string, number>;
  /** Clients whose provider emitted 'closed' (a code in 4400–4499: it does not reconnect). */
  closedForGood: number;
  /** Clients that saw at least one close. */
  clientsClosed: number;
  /** The first close, in seconds from the start of the measured stretch (negative: before it); null when none. */
  firstCloseSeconds: number | null;
}

export interface StockTypingResult extends TypingResult {
  disconnects: Disconnects;
}

export async function runStockTyping(server: ServerUnderTest, spec: TypingCase, log: (line: string) => void = () => {}): Promise<StockTypingResult> {
  const peers: StockPeer[] = [];
  const result = await runTyping(server, spec, log, {
    ...serverWiring(server),
    connect: async (wire, user) => {
      const peer = await StockPeer.connect(wire, user);
      peers.push(peer);
      return peer;
    },
  });
  return { ...result, disconnects: disconnectsOf(peers, result.windowUs[0]) };
}

export function disconnectsOf(peers: readonly StockPeer[], measuredFromUs: number): Disconnects {
  const closes = peers.flatMap((p) => p.closes);
  const byCode: Record<string, number> = {};
  for (const c of closes) byCode[c.code] = (byCode[c.code] ?? 0) + 1;
  const first = closes.length ? Math.min(...closes.map((c) => c.atUs)) : null;
  return {
    closes: closes.length,
    byCode,
    closedForGood: peers.filter((p) => p.closedForGood).length,
    clientsClosed: peers.filter((p) => p.closes.length > 0).length,
    firstCloseSeconds: first === null ? null : (first - measuredFromUs) / 1e6,
  };
}
