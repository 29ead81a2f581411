// The stored state of a document only ever grows: a compaction may replace
// log entries only by a state that contains all of them.
//
// The check reads every update lazily (Yjs's struct reader, no integration)
// and never merges them: merging hundreds of small updates from many clients
// costs Yjs far more than reading each once, and a compaction runs while
// people type (in slices, between their keystrokes).
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

interface Range {
  clock: number;
  len: number;
}

/** What a state holds: per client, the clocks it has from 0 without a gap, and its deletions. */
interface Holdings {
  clocks: Map<number, number>;
  deletes: Map<number, Range[]>;
}

function encodeStateVector(clocks: Map<number, number>): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, clocks.size);
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}

/**
 * The deletions of an update whose insertions reach `stateVector`: the diff
 * against it keeps (next to no) structs and the whole delete set, which is
 * then cheap to decode.
 */
function deletions(update: Uint8Array, stateVector: Uint8Array): Map<number, Range[]> {
  const ranges = new Map<number, Range[]>();
  for (const [client, items] of Y.decodeUpdate(Y.diffUpdate(update, stateVector)).ds.clients) {
    const sorted = items.map((d) => ({ clock: d.clock, len: d.len })).sort((a, b) => a.clock - b.clock);
    const merged: Range[] = [];
    for (const r of sorted) {
      const last = merged[merged.length - 1];
      if (last && r.clock <= last.clock + last.len) last.len = Math.max(last.len, r.clock + r.len - last.clock);
      else merged.push({ ...r });
    }
    ranges.set(client, merged);
  }
  return ranges;
}

function holdings(state: Uint8Array): Holdings {
  // Only what runs from clock 0 without a gap counts as held (pending structs do not).
  const stateVector = Y.encodeStateVectorFromUpdate(state);
  return { clocks: Y.decodeStateVector(stateVector), deletes: deletions(state, stateVector) };
}

/** Whether `range` lies inside one of the sorted, merged `ranges`. */
function deleted(range: Range, ranges: Range[]): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid];
    if (r.clock + r.len <= range.clock) lo = mid + 1;
    else if (r.clock > range.clock) hi = mid - 1;
    else return range.clock + range.len <= r.clock + r.len;
  }
  return false;
}

function holds(have: Holdings, update: Uint8Array): boolean {
  // Everything the update inserts, up to its last clock per client (gaps included, to be safe).
  const { to } = Y.parseUpdateMeta(update);
  for (const [client, clock] of to) if ((have.clocks.get(client) ?? 0) < clock) return false;
  for (const [client, ranges] of deletions(update, encodeStateVector(to))) {
    const by = have.deletes.get(client) ?? [];
    if (!ranges.every((r) => deleted(r, by))) return false;
  }
  return true;
}

/** How long the check runs before it lets the event loop have a turn (typing goes on meanwhile). */
const SLICE_MS = 4;

/** An entry a compaction's snapshot does not hold: one Yjs cannot read, or one with changes the snapshot lacks. */
export interface UncoveredEntry {
  /** Its index in the entries checked. */
  index: number;
  reason: 'unreadable' | 'not in the snapshot';
}

/**
 * The entries of `updates` whose insertions or deletions `state` does not
 * hold. Checking thousands of updates takes tens of milliseconds, so the
 * check gives way to the event loop every few milliseconds: nobody's
 * keystroke waits behind it for longer than that. `firstOnly`: stop at the
 * first one.
 */
export async function uncoveredEntries(state: Uint8Array, updates: Uint8Array[], firstOnly = false, sliceMs = SLICE_MS): Promise<UncoveredEntry[]> {
  const uncovered: UncoveredEntry[] = [];
  if (updates.length === 0) return uncovered;
  let sliceStart = performance.now();
  const have = holdings(state);
  for (let index = 0; index < updates.length; index++) {
    let held: boolean;
    try {
      held = holds(have, updates[index]);
    } catch {
      uncovered.push({ index, reason: 'unreadable' });
      held = true;
    }
    if (!held) uncovered.push({ index, reason: 'not in the snapshot' });
    if (firstOnly && uncovered.length > 0) return uncovered;
    if (performance.now() - sliceStart >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return uncovered;
}

/** Whether `state` holds every insertion and every deletion of `updates` (see uncoveredEntries). */
export async function stateCovers(state: Uint8Array, updates: Uint8Array[], sliceMs = SLICE_MS): Promise<boolean> {
  return (await uncoveredEntries(state, updates, true, sliceMs)).length === 0;
}

/** A stored entry a compaction set aside (see DocumentStore.compact). */
export interface SetAsideEntry {
  seq: number;
  reason: UncoveredEntry['reason'];
}

/** Thrown by a compaction whose snapshot would lose stored content. */
export class StateRegressionError extends Error {
  constructor(
    readonly documentId: string,
    /** The entries the snapshot does not hold. */
    readonly uncovered: SetAsideEntry[] = [],
  ) {
    super(`refusing to compact ${documentId}: the snapshot lacks stored changes`);
    this.name = 'StateRegressionError';
  }
}
