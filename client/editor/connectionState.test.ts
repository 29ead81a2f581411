import { describe, expect, it } from 'vitest';
import { nextConnectionState, type ConnectionEvent, type ConnectionState } from './connectionState.js';

const run = (events: ConnectionEvent[], start: ConnectionState = 'connecting') => events.reduce(nextConnectionState, start);

describe('nextConnectionState', () => {
  it('is connected once the first sync is done', () => {
    expect(run(['socketOpen'])).toBe('connecting');
    expect(run(['socketOpen', 'synced'])).toBe('connected');
  });
  it('goes offline when the connection is lost and stays so while retries fail', () => {
    expect(run(['socketOpen', 'synced', 'socketClosed'])).toBe('offline');
    expect(run(['socketOpen', 'synced', 'socketClosed', 'socketClosed'])).toBe('offline');
  });
  it('shows connecting while a reconnected socket syncs, then connected', () => {
    expect(run(['socketClosed', 'socketOpen'], 'connected')).toBe('connecting');
    expect(run(['socketClosed', 'socketOpen', 'synced'], 'connected')).toBe('connected');
  });
  it('is offline when the server cannot be reached at all', () => {
    expect(run(['socketClosed'])).toBe('offline');
  });
});
