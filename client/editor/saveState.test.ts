import { describe, expect, it } from 'vitest';
import { nextSaveState } from './saveState.js';

describe('nextSaveState', () => {
  it('stays saved for changes made while the connection is live', () => {
    expect(nextSaveState('saved', { type: 'localChange', live: true })).toBe('saved');
  });
  it('becomes unsaved for a change made while offline', () => {
    expect(nextSaveState('saved', { type: 'localChange', live: false })).toBe('unsaved');
  });
  it('keeps unsaved changes unsaved until the next sync, even if more changes follow online', () => {
    expect(nextSaveState('unsaved', { type: 'localChange', live: true })).toBe('unsaved');
    expect(nextSaveState('unsaved', { type: 'synced' })).toBe('saved');
  });
});
