// The document's title, status and the user's role, fetched again when the
// window regains focus and every 30 s, so a rename or a role change shows up.
import { useCallback, useEffect } from 'react';
import { getDocument } from '../http/documentsApi.js';
import { useResource, type Resource } from '../lib/useResource.js';
import type { DocumentDto } from '../../shared/api.js';

const REFRESH_INTERVAL_MS = 30_000;

export function useDocumentMeta(documentId: string): Resource<DocumentDto> {
  const load = useCallback(() => getDocument(documentId), [documentId]);
  const meta = useResource(load, documentId);
  const { reload } = meta;

  useEffect(() => {
    const refresh = () => void reload();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', refresh);
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(refresh, REFRESH_INTERVAL_MS);
    return () => {
      window.removeEventListener('focus', refresh);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [reload]);

  return meta;
}
