// The comments pane's list: threads in the order of their passages in the
// document, those whose passage was deleted apart at the end, and resolved
// ones folded away unless asked for.
import type { ThreadDto } from '../../shared/api.js';

type Placeable = Pick<ThreadDto, 'id' | 'createdAt' | 'resolved' | 'orphaned'>;

export interface ThreadLayout<T> {
  /** Threads on a passage, in document order; those this editor cannot place yet at the end. */
  placed: T[];
  /** Threads whose whole passage was deleted, oldest first. */
  orphaned: T[];
  /** Resolved threads not shown. */
  hiddenResolved: number;
  resolvedCount: number;
  openCount: number;
}

/** Threads not resolved: what the 批注 button counts. */
export function openCount(threads: readonly Pick<ThreadDto, 'resolved'>[]): number {
  return threads.filter((thread) => !thread.resolved).length;
}

const byCreation = (a: Placeable, b: Placeable) => a.createdAt.localeCompare(b.createdAt);

/** `startOf` gives where a thread's passage starts in the editor now (null when it cannot be placed). */
export function layoutThreads<T extends Placeable>(threads: readonly T[], startOf: (id: string) => number | null, showResolved: boolean): ThreadLayout<T> {
  const shown = threads.filter((thread) => showResolved || !thread.resolved);
  const at = new Map(shown.map((thread) => [thread.id, thread.orphaned ? null : startOf(thread.id)]));
  const placed = shown
    .filter((thread) => !thread.orphaned)
    .sort((a, b) => {
      const pa = at.get(a.id) ?? Infinity;
      const pb = at.get(b.id) ?? Infinity;
      return pa === pb ? byCreation(a, b) : pa - pb;
    });
  const open = openCount(threads);
  const resolvedCount = threads.length - open;
  return {
    placed,
    orphaned: shown.filter((thread) => thread.orphaned).sort(byCreation),
    hiddenResolved: showResolved ? 0 : resolvedCount,
    resolvedCount,
    openCount: open,
  };
}

/** Where a new comment on a passage starting at `start` goes among the placed threads: before the first that starts later. */
export function insertionIndex<T extends Pick<ThreadDto, 'id'>>(placed: readonly T[], startOf: (id: string) => number | null, start: number): number {
  const index = placed.findIndex((thread) => (startOf(thread.id) ?? Infinity) > start);
  return index === -1 ? placed.length : index;
}
