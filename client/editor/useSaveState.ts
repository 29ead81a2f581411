// Whether there are local changes the server may not have yet. When the server
// sends a durable acknowledgement, only this hook needs to learn to listen to it.
import { useEffect, useState } from 'react';
import type { Collaboration } from './useCollaboration.js';
import { nextSaveState, type SaveEvent, type SaveState } from './saveState.js';

export function useSaveState(collaboration: Collaboration | null): SaveState {
  const [state, setState] = useState<SaveState>('saved');

  useEffect(() => {
    if (!collaboration) return;
    const { ydoc, provider, persistence } = collaboration;
    const apply = (event: SaveEvent) => setState((current) => nextSaveState(current, event));
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      // Changes that came from the server or from this computer's stored copy are not new edits.
      if (origin === provider || origin === persistence) return;
      apply({ type: 'localChange', live: provider.wsconnected && provider.synced });
    };
    const onSync = (synced: boolean) => {
      if (synced && provider.wsconnected) apply({ type: 'synced' });
    };
    ydoc.on('update', onUpdate);
    provider.on('sync', onSync);
    return () => {
      ydoc.off('update', onUpdate);
      provider.off('sync', onSync);
    };
  }, [collaboration]);

  return state;
}
