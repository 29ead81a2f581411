// The live document: a Y.Doc synced with the server over y-websocket and kept
// in IndexedDB, so edits made offline survive a closed tab, with a tracker of
// the server's acknowledgements saying whether they are stored. Created in an
// effect and kept in state (not useMemo), so React StrictMode's double mount
// gets a fresh, connected provider instead of a destroyed one.
import { useEffect, useState } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AckTracker, countingWebSocket, type DirtyFlagStore } from '../../shared/ackTracker.js';
import { ACK_PARAM, COLLAB_PATH } from '../../shared/collab.js';
import { QuietProvider } from './quietProvider.js';
import { localStorageFlag, unsavedFlagKey } from './unsavedFlag.js';

export interface Collaboration {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  /** Whether every local change has been durably stored by the server. */
  acks: AckTracker;
  /** The tracker's "unsaved" flag as stored for a reload; cleared when the local copy is dropped. */
  unsavedFlag: DirtyFlagStore;
  /**
   * Throws this computer's copy away (the IndexedDB copy and the unsaved flag too)
   * and builds the collaboration again from the server: for changes the server refused.
   */
  discardLocalCopy: () => Promise<void>;
}

// One class for every provider: its sockets count the update frames they send, which the tracker compares with the acks.
const CountingWebSocket = countingWebSocket(WebSocket);

export function collabUrl(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`;
}

export function useCollaboration(documentId: string, userId: string): Collaboration | null {
  const [collaboration, setCollaboration] = useState<Collaboration | null>(null);
  /** Counts the rebuilds after discardLocalCopy. */
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const provider = new QuietProvider(collabUrl(), documentId, ydoc, {
      params: { [ACK_PARAM]: '1' },
      WebSocketPolyfill: CountingWebSocket,
    });
    // Per user: someone else signing in on this computer must not see this copy.
    const persistence = new IndexeddbPersistence(`yigao:${userId}:${documentId}`, ydoc);
    const unsavedFlag = localStorageFlag(unsavedFlagKey(userId, documentId));
    // Loading the stored copy into the doc is not an edit: the flag says whether that copy holds unsaved ones.
    const acks = new AckTracker(provider, unsavedFlag, [persistence]);

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
    // Back online: try at once rather than when the provider's back-off timer next fires.
    const onOnline = () => {
      if (finallyClosed || provider.wsconnected) return;
      provider.disconnect();
      provider.connect();
    };
    provider.on('closed', onClosed);
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);

    const discardLocalCopy = async () => {
      // Nothing of this copy may reach the server again, or the new IndexedDB copy.
      provider.disconnect();
      unsavedFlag.set(false);
      // The database is deleted before the next copy opens it: IndexedDB runs the two in order.
      await persistence.clearData();
      setGeneration((n) => n + 1);
    };

    setCollaboration({ ydoc, provider, persistence, acks, unsavedFlag, discardLocalCopy });
    return () => {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      provider.off('closed', onClosed);
      // The tracker before the provider it listens to; then persistence, then the doc, whose destroy ends the awareness timer.
      acks.destroy();
      provider.destroy();
      void persistence.destroy();
      ydoc.destroy();
      setCollaboration(null);
    };
  }, [documentId, userId, generation]);

  return collaboration;
}
