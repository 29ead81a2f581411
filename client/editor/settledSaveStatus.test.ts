import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveStatus } from '../../shared/ackTracker.js';
import { SAVED_SETTLE_MS, SettledSaveStatus } from './settledSaveStatus.js';

describe('SettledSaveStatus', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const shown = (initial: SaveStatus) => {
    const seen: SaveStatus[] = [];
    return { status: new SettledSaveStatus(initial, (s) => seen.push(s)), seen };
  };

  it('shows an unstored change at once', () => {
    const { status, seen } = shown('saved');
    status.set('unsaved');
    expect(seen).toEqual(['unsaved']);
    expect(status.current).toBe('unsaved');
  });

  it('shows saved only once everything has stayed stored for a moment', () => {
    const { status, seen } = shown('unsaved');
    status.set('saved');
    vi.advanceTimersByTime(SAVED_SETTLE_MS - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual(['saved']);
  });

  it('stays saving while keystrokes are each stored within the moment', () => {
    const { status, seen } = shown('saved');
    for (let key = 0; key < 20; key++) {
      status.set('unsaved');
      vi.advanceTimersByTime(10);
      status.set('saved');
      vi.advanceTimersByTime(140);
    }
    expect(seen).toEqual(['unsaved']);
    vi.advanceTimersByTime(SAVED_SETTLE_MS);
    expect(seen).toEqual(['unsaved', 'saved']);
  });

  it('says nothing more once cancelled', () => {
    const { status, seen } = shown('unsaved');
    status.set('saved');
    status.cancel();
    vi.advanceTimersByTime(SAVED_SETTLE_MS * 2);
    expect(seen).toEqual([]);
  });
});
