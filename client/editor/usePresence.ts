import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presentUsers, sameOrNew, type PresenceUser } from './presence.js';

/** Everyone with the document open now, one entry per person. */
export function usePresence(provider: WebsocketProvider | null, selfUsername: string): PresenceUser[] {
  const [users, setUsers] = useState<PresenceUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const { awareness } = provider;
    // the same list while the same people are there: carets move at every keystroke, and the page need not draw for it
    const update = () => setUsers((current) => sameOrNew(current, presentUsers(awareness.getStates().entries(), awareness.clientID, selfUsername)));
    update();
    // 'change' fires when someone arrives, leaves or moves; not for the periodic keep-alive.
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [provider, selfUsername]);
  return users;
}
