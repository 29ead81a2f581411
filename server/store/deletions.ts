// Deletions are kept as Yjs snapshots with an empty state vector (just a delete set).
import * as Y from 'yjs';

export function mergeDeletions(encoded: Uint8Array[]): Uint8Array {
  const merged = Y.mergeDeleteSets(encoded.map((bytes) => Y.decodeSnapshot(bytes).ds));
  return Y.encodeSnapshot(Y.createSnapshot(merged, new Map()));
}

/** Who deleted the item with this id, given each account's deletions. */
export function deleterOf(id: Y.ID, deletionsByUser: Map<string, ReturnType<typeof Y.createDeleteSet>>): string | null {
  for (const [userId, ds] of deletionsByUser) if (Y.isDeleted(ds, id)) return userId;
  return null;
}
