// An approved document takes no change from anyone. Whatever a member typed
// after the freeze (before the lock reached their window), or an old local copy
// kept in IndexedDB, never became part of it: this compares the local copy with
// the server's once the document is approved, and when the local one holds
// changes the server does not have, throws it away and builds it again from the
// server, so that refused text is never shown as if it were the document.
// The same is done when the server refuses a change while the document is open
// (the `refused` event): someone who may only suggest (修订) sent a plain edit,
// typically typed just as the owner asked for suggestions or the draft went to
// review. Yjs numbers a client's changes in order, so everything typed after a
// refused change would wait on the server for good: the copy is rebuilt from
// the server at once, and the member told.
import { useEffect, useState } from 'react';
import type { Collaboration } from '../editor/useCollaboration.js';
import { readServerCopy } from '../editor/serverCopy.js';
import { docHasChangesBeyond } from './localChanges.js';

export interface RefusedChanges {
  /**
   * The copy on screen has not been compared with the server's yet, and was
   * approved when it was opened: the page hides the body until it has been.
   */
  concealed: boolean;
  /** Local changes were thrown away: the member is told, until dismissed or reopened. */
  discarded: boolean;
  /** Why: the document was approved, or the server refused a change (the member may only suggest now). */
  reason: 'approved' | 'refused';
  dismiss: () => void;
  /** The server refused a change of this copy: rebuilds it from the server's. */
  discardRefused: () => void;
}

/** `frozen`: whether the document is approved; null while that is not known yet. */
export function useRefusedChanges(documentId: string, collaboration: Collaboration | null, frozen: boolean | null): RefusedChanges {
  const [verified, setVerified] = useState<Collaboration | null>(null);
  /** The copies that were on screen, editable, before the document was approved: they are not hidden while checked. */
  const [shownOpen] = useState(() => new WeakSet<Collaboration>());
  /** A check could not reach the server (offline): what this computer has is shown meanwhile. */
  const [unreachable, setUnreachable] = useState<Collaboration | null>(null);
  const [discarded, setDiscarded] = useState(false);
  const [refusedDiscard, setRefusedDiscard] = useState(false);

  useEffect(() => {
    if (collaboration && frozen === false) shownOpen.add(collaboration);
    if (frozen === false) setDiscarded(false);
  }, [collaboration, frozen, shownOpen]);

  useEffect(() => {
    if (!frozen || !collaboration) return;
    const { ydoc, provider, persistence } = collaboration;
    const abort = new AbortController();
    let running = false;
    let done = false;

    const check = async () => {
      if (running || done || abort.signal.aborted) return;
      running = true;
      try {
        // The copy kept in IndexedDB must be in the doc before it is compared.
        await persistence.whenSynced;
        const server = await readServerCopy(documentId, abort.signal);
        try {
          if (abort.signal.aborted) return;
          done = true;
          if (docHasChangesBeyond(ydoc, server)) {
            setDiscarded(true);
            await collaboration.discardLocalCopy();
          } else {
            setVerified(collaboration);
          }
        } finally {
          server.destroy();
        }
      } catch {
        // Offline, or the server is restarting: show what there is, and try again at the next sync.
        if (!abort.signal.aborted) setUnreachable(collaboration);
      } finally {
        running = false;
      }
    };
    const onSync = (synced: boolean) => {
      if (synced) void check();
    };
    provider.on('sync', onSync);
    void check();
    return () => {
      abort.abort();
      provider.off('sync', onSync);
    };
  }, [documentId, collaboration, frozen]);

  const pending = frozen === true && collaboration !== null && verified !== collaboration;
  return {
    concealed: pending && collaboration !== null && !shownOpen.has(collaboration) && unreachable !== collaboration,
    discarded: discarded || refusedDiscard,
    reason: refusedDiscard ? 'refused' : 'approved',
    dismiss: () => {
      setDiscarded(false);
      setRefusedDiscard(false);
    },
    discardRefused: () => {
      if (!collaboration) return;
      setRefusedDiscard(true);
      void collaboration.discardLocalCopy();
    },
  };
}
