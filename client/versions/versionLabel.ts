// How a version is named on screen: its name, or for an automatic one its
// time; the versions the server makes (an approval's, a restore's) in the
// UI's own words, from their kind and what a restore brought back.
import type { TFunction } from 'i18next';
import type { PersonDto, VersionDto } from '../../shared/api.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-11-28 10:20", local time: how a committee's minutes write a time. */
export function formatVersionTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${formatClockTime(date)}`;
}

/** "10:20", local time. */
export function formatClockTime(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export interface VersionLabel {
  /** What people called it; null for an automatic version, which is known by its time. */
  name: string | null;
  /** "2026-11-28 10:20" */
  time: string;
  /** "10:20", for a list already grouped by day. */
  clock: string;
  /** Named and approved versions stand out in the list; automatic ones stay quiet. */
  prominent: boolean;
}

/** The UI's words for the versions the server makes. */
export interface LabelWords {
  /** An approval's version: "定稿" / "Approved". */
  approved: string;
  /** A restore's version, given the name (or time) of what it brought back: "恢复到“…”" / "Restored “…”". */
  restored: (from: string) => string;
  /** The first version of a document imported from Word, given the file's name: "导入：…" / "Imported from …". */
  imported: (file: string) => string;
}

export const labelWords = (t: TFunction): LabelWords => ({
  approved: t('versions.approvedLabel'),
  restored: (from) => t('versions.restoredLabel', { name: from }),
  imported: (file) => t('versions.importedLabel', { name: file }),
});

type Labelled = Pick<VersionDto, 'name' | 'kind' | 'createdAt'> & { restoredFrom?: VersionDto['restoredFrom']; importedFrom?: VersionDto['importedFrom'] };

/** A version's name in the UI's words; null for an automatic version. */
export function nameOf(version: Pick<Labelled, 'name' | 'kind' | 'restoredFrom' | 'importedFrom'>, words: LabelWords): string | null {
  // The server names the versions it makes in Chinese for the API; the UI words them itself.
  if (version.kind === 'approved') return words.approved;
  const from = version.restoredFrom;
  if (from) return words.restored(from.name ?? (from.kind === 'approved' ? words.approved : formatVersionTime(new Date(from.createdAt))));
  if (version.importedFrom) return words.imported(version.importedFrom);
  return version.name;
}

export function labelOf(version: Labelled, words: LabelWords): VersionLabel {
  const date = new Date(version.createdAt);
  const prominent = version.kind !== 'auto';
  return { name: nameOf(version, words), time: formatVersionTime(date), clock: formatClockTime(date), prominent };
}

export interface AuthorWords {
  /** "、" in Chinese, ", " in English. */
  separator: string;
  /** "{{names}}等 {{count}} 人": the names shown and how many people in all. */
  andOthers: (names: string, count: number) => string;
}

/** "张丽、王明", or "张丽、王明、李红等 5 人" when there are more than `max`. */
export function authorNames(authors: Pick<PersonDto, 'displayName'>[], words: AuthorWords, max = 3): string {
  const names = authors.map((author) => author.displayName);
  if (names.length <= max) return names.join(words.separator);
  return words.andOthers(names.slice(0, max).join(words.separator), names.length);
}
