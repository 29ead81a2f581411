// The live document: a Y.Doc synced with the server over y-websocket and kept
// in IndexedDB, so edits made offline survive a closed tab. Created in an effect
// and kept in state (not useMemo), so React StrictMode's double mount gets a
// fresh, connected provider instead of a destroyed one.
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { COLLAB_PATH } from '../../shared/collab.js';

export interface Collaboration {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
}

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

export function useCollaboration(documentId: string, userId: string): Collaboration | null {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const provider = new WebsocketProvider(collabUrl(), documentId, ydoc);
    // Per user: someone else signing in on this computer must not see this copy.
    const persistence = new IndexeddbPersistence(`yigao:${userId}:${documentId}`, ydoc);

    // After a final close code (no access, deleted) coming back online must not reconnect.
    let finallyClosed = false;
    const onClosed = () => {
      finallyClosed = true;
    };
    // A socket to a vanished network lingers until a watchdog notices; the
    // browser knows sooner. Closing it at once makes "offline" show at once.
    const onOffline = () => {
      if (provider.shouldConnect) provider.disconnect();
    };
    const onOnline = () => {
      if (!provider.shouldConnect && !finallyClosed) provider.connect();
    };
    provider.on('closed', onClosed);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    setCollaboration({ ydoc, provider, persistence });
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.off('closed', onClosed);
      // Provider first, then persistence, then the doc: the doc's destroy ends the awareness timer.
      provider.destroy();
      void persistence.destroy();
      ydoc.destroy();
      setCollaboration(null);
    };
  }, [documentId, userId]);

  return collaboration;
}
