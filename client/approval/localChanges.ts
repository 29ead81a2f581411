// Whether this computer's copy of a document holds changes the server does not
// have: insertions it never stored, or deletions it never applied. Once a
// document is approved the server takes no change, so such changes are
// refused ones, and must not be shown as part of the document.
import * as Y from 'yjs';

type DeleteRanges = Y.Snapshot['ds']['clients'];

/** Whether every clock in [clock, clock + len) of `client` is deleted in `ranges` (sorted, merged, as Yjs builds them). */
function deletedIn(ranges: DeleteRanges, client: number, clock: number, len: number): boolean {
  let from = clock;
  const end = clock + len;
  for (const item of ranges.get(client) ?? []) {
    if (item.clock > from) return false;
    if (item.clock + item.len > from) from = item.clock + item.len;
    if (from >= end) return true;
  }
  return false;
}

/** True when `local` has an insertion or a deletion that `server` lacks (being behind the server is not a change). */
export function hasChangesBeyond(local: Y.Snapshot, server: Y.Snapshot): boolean {
  for (const [client, clock] of local.sv) {
    if (clock > (server.sv.get(client) ?? 0)) return true;
  }
  for (const [client, items] of local.ds.clients) {
    const known = server.sv.get(client) ?? 0;
    for (const item of items) {
      // Deleted items the server does not know at all were counted above.
      const len = Math.min(item.len, known - item.clock);
      if (len > 0 && !deletedIn(server.ds.clients, client, item.clock, len)) return true;
    }
  }
  return false;
}

/** hasChangesBeyond for two documents as they are now. */
export function docHasChangesBeyond(local: Y.Doc, server: Y.Doc): boolean {
  return hasChangesBeyond(Y.snapshot(local), Y.snapshot(server));
}
