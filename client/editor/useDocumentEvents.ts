// The server's events on the document's socket (comments, document, notifications),
// and, after a reconnection, all of them: anything may have changed meanwhile.
import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { DocumentEvent } from '../../shared/collab.js';
import { listenToEvents } from '../../shared/documentEvents.js';

const EVERYTHING: DocumentEvent[] = [{ type: 'comments' }, { type: 'document' }, { type: 'notifications' }];

export function useDocumentEvents(provider: WebsocketProvider | null, onEvent: (event: DocumentEvent) => void): void {
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  useEffect(() => {
    if (!provider) return;
    const stop = listenToEvents(provider, (event) => onEventRef.current(event));
    let syncedBefore = false;
    const onSync = (synced: boolean) => {
      if (!synced) return;
      // The first sync follows the page's own loads; a later one is a reconnection.
      if (syncedBefore) for (const event of EVERYTHING) onEventRef.current(event);
      syncedBefore = true;
    };
    provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      stop();
    };
  }, [provider]);
}
