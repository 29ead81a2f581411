// What the export dialog needs to know of the content it exports (the draft
// or a version), as the server holds it: how many unfilled 〔…〕 placeholders
// the export will mark or leave out, and the document's own signature block.
// Undefined while it is not known, or when it could not be loaded.
import type { JSONContent } from '@tiptap/core';
import { useCallback } from 'react';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { documentSignature } from '../../shared/Signature.js';
import { getContent } from '../http/documentsApi.js';
import { getVersion } from '../http/versionsApi.js';
import { useResource } from '../lib/useResource.js';
import type { ExportSource } from './exportChoice.js';

/** `content`: 'current', a version's id, or null while it is not known which. */
export interface ExportedContent {
  guidanceCount: number;
  signature: { issuer: string; date: string } | null;
}

export function useExportedContent(documentId: string, content: ExportSource | null): ExportedContent | undefined {
  const load = useCallback(async (): Promise<ExportedContent | null> => {
    if (content === null) return null;
    const { json } = content === 'current' ? await getContent(documentId) : await getVersion(documentId, content);
    return { guidanceCount: guidancePlaceholders(json as JSONContent).length, signature: documentSignature(json as JSONContent) };
  }, [documentId, content]);
  const loaded = useResource(load, `${documentId}/${content ?? ''}`);
  return loaded.error === undefined ? (loaded.data ?? undefined) : undefined;
}
