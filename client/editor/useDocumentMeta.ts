// The document's title, status and the user's role, fetched again when the
// window regains focus and every 30 s, so a rename or a role change shows up
// (and at once when the server says so: the 'document' event).
import { useCallback } from 'react';
import { getDocument } from '../http/documentsApi.js';
import { useRefreshOnFocus } from '../lib/useRefreshOnFocus.js';
import { useResource, type Resource } from '../lib/useResource.js';
import type { DocumentDto } from '../../shared/api.js';

const REFRESH_INTERVAL_MS = 30_000;

export function useDocumentMeta(documentId: string): Resource<DocumentDto> {
  const load = useCallback(() => getDocument(documentId), [documentId]);
  const meta = useResource(load, documentId);
  const { reload } = meta;
  useRefreshOnFocus(() => void reload(), REFRESH_INTERVAL_MS);
  return meta;
}
