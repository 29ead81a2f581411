import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presentUsers, type PresenceUser } from './presence.js';

/** Everyone with the document open now, one entry per person. */
export function usePresence(provider: WebsocketProvider | null, selfUsername: string): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const { awareness } = provider;
    const update = () => setUsers(presentUsers(awareness.getStates().entries(), awareness.clientID, selfUsername));
    update();
    // 'change' fires when someone arrives, leaves or moves; not for the periodic keep-alive.
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [provider, selfUsername]);
  return users;
}
