// The stored state of a document only ever grows: a compaction may replace
// log entries only by a state that contains all of them.
import * as Y from 'yjs';

type Ranges = Map<number, { clock: number; len: number }[]>;

function deleteRanges(update: Uint8Array): Ranges {
  const ranges: Ranges = new Map();
  for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
    ranges.set(client, [...items].map((d) => ({ clock: d.clock, len: d.len })).sort((a, b) => a.clock - b.clock));
  }
  return ranges;
}

function covered(range: { clock: number; len: number }, by: { clock: number; len: number }[]): boolean {
  let from = range.clock;
  const to = range.clock + range.len;
  for (const r of by) {
    if (r.clock > from) break;
    from = Math.max(from, r.clock + r.len);
    if (from >= to) return true;
  }
  return from >= to;
}

/** Whether `state` holds every insertion and every deletion of `updates`. */
export function stateCovers(state: Uint8Array, updates: Uint8Array[]): boolean {
  if (updates.length === 0) return true;
  const merged = Y.mergeUpdates(updates);
  const have = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged))) {
    if ((have.get(client) ?? 0) < clock) return false;
  }
  const stateDeletes = deleteRanges(state);
  for (const [client, ranges] of deleteRanges(merged)) {
    const by = stateDeletes.get(client) ?? [];
    if (!ranges.every((r) => covered(r, by))) return false;
  }
  return true;
}

/** Thrown by a compaction whose snapshot would lose stored content. */
export class StateRegressionError extends Error {
  constructor(readonly documentId: string) {
    super(`refusing to compact ${documentId}: the snapshot lacks stored changes`);
    this.name = 'StateRegressionError';
  }
}
