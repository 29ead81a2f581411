// The export download's address. The browser fetches it itself (a link, not
// fetch()), so that the session cookie goes with it and its download UI shows
// the file name the server gives (the document's title).
import type { GuidanceExport } from '../../shared/api.js';
import type { ExportOptions } from '../export/exportChoice.js';

export function exportUrl(documentId: string, options: ExportOptions): string {
  const query = new URLSearchParams({ format: options.format, version: options.source });
  if (options.withComments) query.set('comments', '1');
  // Marking is the server's default, so only leaving guidance out is asked for.
  if (options.omitGuidance) query.set('guidance', 'omit' satisfies GuidanceExport);
  const issuer = options.issuer.trim();
  // The signature block is part of the official Word layout only.
  if (options.format === 'docx' && issuer) {
    query.set('signature', issuer);
    query.set('date', options.date);
  }
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query}`;
}
