import type { DocumentSummaryDto, SectionProgressDto } from '../../shared/api.js';

/** The share of sections done, 0 to 1 (0 when there are none). */
export function progressShare({ done, total }: SectionProgressDto): number {
  return total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
}

/** Whether any document in the list uses 分工: the list shows its column only then. */
export function anyProgress(documents: readonly DocumentSummaryDto[]): boolean {
  return documents.some((document) => document.progress !== null && document.progress.total > 0);
}
