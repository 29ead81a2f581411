// What the status bar says about saving. The server's acknowledgements decide
// whether changes are stored (AckTracker); the connection decides whether
// unstored changes are on their way ("saving") or waiting here ("unsaved").
import type { SaveStatus } from '../../shared/ackTracker.js';
import type { ConnectionState } from './connectionState.js';

export type SaveState = 'saved' | 'saving' | 'unsaved';

/** The status bar's save indicator: a save state, or "read-only" for those who cannot change the text. */
export type SaveIndicator = SaveState | 'readonly';

export function saveStateOf(status: SaveStatus, connection: ConnectionState): SaveState {
  if (status === 'saved') return 'saved';
  return connection === 'offline' ? 'unsaved' : 'saving';
}
