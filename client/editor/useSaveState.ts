// The save state from the server's acknowledgements (Collaboration.acks) and
// the connection, "saved" shown once it has settled (SettledSaveStatus).
import { useEffect, useState } from 'react';
import type { SaveStatus } from '../../shared/ackTracker.js';
import type { ConnectionState } from './connectionState.js';
import { saveStateOf, type SaveState } from './saveState.js';
import { SettledSaveStatus } from './settledSaveStatus.js';
import type { Collaboration } from './useCollaboration.js';

export function useSaveState(collaboration: Collaboration | null, connection: ConnectionState): SaveState {
  const acks = collaboration?.acks ?? null;
  const [status, setStatus] = useState<SaveStatus>(() => acks?.current ?? 'saved');

  useEffect(() => {
    if (!acks) return;
    setStatus(acks.current);
    const settled = new SettledSaveStatus(acks.current, setStatus);
    const stop = acks.onChange((next) => settled.set(next));
    return () => {
      stop();
      settled.cancel();
    };
  }, [acks]);

  return saveStateOf(status, connection);
}
