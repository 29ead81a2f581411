// How a version is named on screen: its name, or for an automatic one its time.
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

export function labelOf(version: Pick<VersionDto, 'name' | 'kind' | 'createdAt'>, approvedFallback: string): VersionLabel {
  const date = new Date(version.createdAt);
  const prominent = version.kind !== 'auto';
  const name = version.name ?? (version.kind === 'approved' ? approvedFallback : null);
  return { name, time: formatVersionTime(date), clock: formatClockTime(date), prominent };
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
