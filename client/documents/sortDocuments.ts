import type { DocumentSummaryDto } from '../../shared/api.js';

/** Most recently changed first, as in Word's recent files. */
export function sortDocuments(documents: readonly DocumentSummaryDto[]): DocumentSummaryDto[] {
  return [...documents].sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt) || a.title.localeCompare(b.title, 'zh-CN'));
}
