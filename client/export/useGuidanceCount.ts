// How many unfilled 〔…〕 placeholders the export will mark or leave out,
// counted in the content it exports (the draft or a version), as the server
// holds it. Undefined while it is not known, or when it could not be loaded.
import type { JSONContent } from '@tiptap/core';
import { useCallback } from 'react';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { getContent } from '../http/documentsApi.js';
import { getVersion } from '../http/versionsApi.js';
import { useResource } from '../lib/useResource.js';
import type { ExportSource } from './exportChoice.js';

/** `content`: 'current', a version's id, or null while it is not known which. */
export function useGuidanceCount(documentId: string, content: ExportSource | null): number | undefined {
  const load = useCallback(async (): Promise<number | null> => {
    if (content === null) return null;
    const { json } = content === 'current' ? await getContent(documentId) : await getVersion(documentId, content);
    return guidancePlaceholders(json as JSONContent).length;
  }, [documentId, content]);
  const count = useResource(load, `${documentId}/${content ?? ''}`);
  return count.error === undefined ? (count.data ?? undefined) : undefined;
}
