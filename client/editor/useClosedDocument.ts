// When the server closes the document's socket for good: an expired session
// is told to the app (which asks to log in again); a document the user has no
// access to any more, or that was deleted, stops retrying and leaves no copy
// of it on this computer.
import { useEffect } from 'react';
import { CloseCode } from '../../shared/collab.js';
import { notifyUnauthorized } from '../http/request.js';
import type { Unavailability } from './DocumentUnavailable.js';
import type { Collaboration } from './useCollaboration.js';

export function useClosedDocument(closeCode: number | null, unavailable: Unavailability | null, collaboration: Collaboration | null): void {
  useEffect(() => {
    if (closeCode === CloseCode.unauthorized) notifyUnauthorized();
  }, [closeCode]);

  useEffect(() => {
    if (!unavailable || !collaboration) return;
    collaboration.provider.disconnect();
    void collaboration.persistence.clearData();
    collaboration.unsavedFlag.set(false);
  }, [unavailable, collaboration]);
}
