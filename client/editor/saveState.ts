// Whether the user's changes have reached the server. Until the server
// acknowledges stored updates, "saved" means: no local change was made while
// the connection was down, or the connection has synced since.

export type SaveState = 'saved' | 'unsaved';

export type SaveEvent = { type: 'localChange'; live: boolean } | { type: 'synced' };

export function nextSaveState(state: SaveState, event: SaveEvent): SaveState {
  switch (event.type) {
    case 'localChange':
      return event.live ? state : 'unsaved';
    case 'synced':
      return 'saved';
  }
}
