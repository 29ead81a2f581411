// What the export dialog offers and starts with: the formats, which content
// (the approved version, the current draft or a version from the history),
// whether the file will carry the 草稿 mark, and where its guidance is counted.
import type { VersionDto } from '../../shared/api.js';

export const EXPORT_FORMATS = ['docx', 'md', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The latest approved version, the current draft, or a version's id (ids are never these two words). */
export type ExportSource = 'approved' | 'current' | (string & {});

export interface ExportOptions {
  format: ExportFormat;
  source: ExportSource;
  withComments: boolean;
  /** The issuing body for the signature block (Word only); empty for none. */
  issuer: string;
  /** The date under the signature, YYYY-MM-DD. */
  date: string;
  /** Unfilled 〔…〕 guidance left out of the file, rather than marked in it. */
  omitGuidance: boolean;
}

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

/**
 * What to export unless the member chooses otherwise: the version being looked
 * at, else the approved version when there is one (it is what gets sent), else the draft.
 */
export function defaultExportSource(hasApproved: boolean, viewingVersionId: string | null = null): ExportSource {
  if (viewingVersionId) return viewingVersionId;
  return hasApproved ? 'approved' : 'current';
}

/** Whether the exported file will be marked 草稿: everything but an approved version. */
export function isDraftExport(source: ExportSource, versions: readonly Pick<VersionDto, 'id' | 'kind'>[]): boolean {
  if (source === 'approved') return false;
  if (source === 'current') return true;
  return versions.find((version) => version.id === source)?.kind !== 'approved';
}

/**
 * The content an export of `source` writes: 'current' (the draft), or a
 * version's id: the approved version's once it is known (null until then).
 */
export function contentOfExport(source: ExportSource, approvedVersionId: string | null | undefined): ExportSource | null {
  if (source === 'approved') return approvedVersionId ?? null;
  return source;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The local calendar day as YYYY-MM-DD, the default 成文日期. */
export function isoDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Whether a YYYY-MM-DD string names a real day (2026-02-30 does not). */
export function isValidDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
