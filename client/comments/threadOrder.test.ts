import { describe, expect, it } from 'vitest';
import { insertionIndex, layoutThreads } from './threadOrder.js';

const thread = (id: string, createdAt: string, extra: { resolved?: boolean; orphaned?: boolean } = {}) => ({
  id,
  createdAt: `2026-11-28T10:${createdAt}:00.000Z`,
  resolved: extra.resolved ?? false,
  orphaned: extra.orphaned ?? false,
});

const starts: Record<string, number | null> = { a: 40, b: 12, c: 12, d: null, e: 99 };
const startOf = (id: string) => starts[id] ?? null;

describe('layoutThreads', () => {
  it('orders threads by where their passage starts, the older first on the same passage, unplaceable ones last', () => {
    const threads = [thread('a', '01'), thread('c', '05'), thread('d', '00'), thread('b', '02')];
    expect(layoutThreads(threads, startOf, false).placed.map((t) => t.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('puts threads whose passage was deleted apart, oldest first, even when an old position is still known', () => {
    const threads = [thread('e', '09', { orphaned: true }), thread('a', '01'), thread('x', '03', { orphaned: true })];
    const layout = layoutThreads(threads, startOf, false);
    expect(layout.placed.map((t) => t.id)).toEqual(['a']);
    expect(layout.orphaned.map((t) => t.id)).toEqual(['x', 'e']);
  });

  it('folds resolved threads away unless asked, and counts them', () => {
    const threads = [thread('a', '01', { resolved: true }), thread('b', '02'), thread('x', '03', { orphaned: true, resolved: true })];
    const hidden = layoutThreads(threads, startOf, false);
    expect(hidden.placed.map((t) => t.id)).toEqual(['b']);
    expect(hidden.orphaned).toEqual([]);
    expect(hidden).toMatchObject({ hiddenResolved: 2, resolvedCount: 2, openCount: 1 });
    const shown = layoutThreads(threads, startOf, true);
    expect(shown.placed.map((t) => t.id)).toEqual(['b', 'a']);
    expect(shown.orphaned.map((t) => t.id)).toEqual(['x']);
    expect(shown.hiddenResolved).toBe(0);
  });
});

describe('insertionIndex', () => {
  it('places a new comment before the first thread starting after it', () => {
    const placed = [thread('b', '02'), thread('a', '01'), thread('d', '00')];
    expect(insertionIndex(placed, startOf, 0)).toBe(0);
    expect(insertionIndex(placed, startOf, 12)).toBe(1);
    expect(insertionIndex(placed, startOf, 50)).toBe(2);
    expect(insertionIndex([], startOf, 5)).toBe(0);
  });
});
