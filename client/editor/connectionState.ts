// What the status bar says about the connection, from the provider's events.
// "offline" lasts from a lost connection until the next successful sync, so
// retries in the background don't make the status flicker.

export type ConnectionState = 'connected' | 'connecting' | 'offline';

export type ConnectionEvent =
  /** The socket opened; the first sync is under way. */
  | 'socketOpen'
  /** A socket closed, failed to open, or we closed it because the browser went offline. */
  | 'socketClosed'
  /** The server's state has arrived: the document is live. */
  | 'synced';

export function nextConnectionState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event) {
    case 'socketOpen':
      return state === 'connected' ? state : 'connecting';
    case 'socketClosed':
      return 'offline';
    case 'synced':
      return 'connected';
  }
}
