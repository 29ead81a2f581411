// The server's events on the document's socket (comments, document, notifications, sections),
// and, after a reconnection, all of them: anything may have changed meanwhile.
// A restore is told once: the server repeats the last one to every editor that
// connects, which is news only to a page that was open before it and away when
// it happened.
import { useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type { DocumentEvent } from '../../shared/collab.js';
import { listenToEvents } from '../../shared/documentEvents.js';

const EVERYTHING: DocumentEvent[] = [{ type: 'comments' }, { type: 'document' }, { type: 'notifications' }, { type: 'sections' }];

export function useDocumentEvents(provider: WebsocketProvider | null, onEvent: (event: DocumentEvent) => void): void {
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;
  // Kept across providers: the page rebuilds its provider after discarding a refused local copy.
  const syncedBeforeRef = useRef(false);
  const restoresSeen = useRef(new Set<string>()).current;
  useEffect(() => {
    if (!provider) return;
    const stop = listenToEvents(provider, (event) => {
      if (event.type === 'restored') {
        if (restoresSeen.has(event.id)) return;
        restoresSeen.add(event.id);
        // repeated on this page's first connection: it happened before the page was opened
        if (event.replayed && !syncedBeforeRef.current) return;
      }
      onEventRef.current(event);
    });
    const onSync = (synced: boolean) => {
      if (!synced) return;
      // The first sync follows the page's own loads; a later one is a reconnection.
      if (syncedBeforeRef.current) for (const event of EVERYTHING) onEventRef.current(event);
      syncedBeforeRef.current = true;
    };
    provider.on('sync', onSync);
    return () => {
      provider.off('sync', onSync);
      stop();
    };
  }, [provider, restoresSeen]);
}
