import { describe, expect, it } from 'vitest';
import { saveStateOf } from './saveState.js';

describe('saveStateOf', () => {
  it('is saved whenever the server has acknowledged everything, connected or not', () => {
    expect(saveStateOf('saved', 'connected')).toBe('saved');
    expect(saveStateOf('saved', 'offline')).toBe('saved');
  });
  it('is saving while unacknowledged changes can reach the server', () => {
    expect(saveStateOf('unsaved', 'connected')).toBe('saving');
    expect(saveStateOf('unsaved', 'connecting')).toBe('saving');
  });
  it('is unsaved while unacknowledged changes wait for the network', () => {
    expect(saveStateOf('unsaved', 'offline')).toBe('unsaved');
  });
});
