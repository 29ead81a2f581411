// The history panel's list: versions grouped by day, the named-only filter,
// and pages merged as newer versions appear at the top.
import type { VersionDto } from '../../shared/api.js';

export interface VersionDay<T> {
  /** "2026-11-28", local date: a stable React key. */
  key: string;
  /** Midnight of that day, local time. */
  date: Date;
  versions: T[];
}

const dayKeyOf = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

/** Groups versions (newest first) into local calendar days, keeping their order. */
export function groupByDay<T extends Pick<VersionDto, 'createdAt'>>(versions: T[]): VersionDay<T>[] {
  const days: VersionDay<T>[] = [];
  for (const version of versions) {
    const created = new Date(version.createdAt);
    const key = dayKeyOf(created);
    const last = days[days.length - 1];
    if (last?.key === key) last.versions.push(version);
    else days.push({ key, date: new Date(created.getFullYear(), created.getMonth(), created.getDate()), versions: [version] });
  }
  return days;
}

export interface DayWords {
  today: string;
  yesterday: string;
}

/** "今天", "昨天", "11月28日", or with the year when it is not this year's. */
export function dayLabel(day: Date, now: Date, locale: string, words: DayWords): string {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (dayKeyOf(day) === dayKeyOf(today)) return words.today;
  if (dayKeyOf(day) === dayKeyOf(yesterday)) return words.yesterday;
  const sameYear = day.getFullYear() === now.getFullYear();
  const options: Intl.DateTimeFormatOptions = sameYear
    ? { month: 'long', day: 'numeric', weekday: 'short' }
    : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, options).format(day);
}

export function shownVersions<T extends Pick<VersionDto, 'kind'>>(versions: T[], namedOnly: boolean): T[] {
  return namedOnly ? versions.filter((version) => version.kind !== 'auto') : versions;
}

export interface MergedPages<T> {
  versions: T[];
  /** False when the fresh first page did not reach the versions already loaded: older pages were dropped. */
  kept: boolean;
}

/**
 * Puts a freshly loaded first page on top of the versions already loaded
 * (newest first). Versions are never edited, so an id seen in both is the
 * same version; when the first page does not reach the loaded ones (many new
 * versions at once), the list starts again from that page.
 */
export function mergeNewest<T extends Pick<VersionDto, 'id'>>(loaded: T[], firstPage: T[]): MergedPages<T> {
  if (loaded.length === 0) return { versions: firstPage, kept: true };
  const last = firstPage[firstPage.length - 1];
  const at = last ? loaded.findIndex((version) => version.id === last.id) : -1;
  if (at === -1) return { versions: firstPage, kept: false };
  return { versions: [...firstPage, ...loaded.slice(at + 1)], kept: true };
}

/** The version just older than `id` in the list, else the one just newer: what to compare it with first. */
export function neighbourOf<T extends Pick<VersionDto, 'id'>>(versions: T[], id: string): T | null {
  const at = versions.findIndex((version) => version.id === id);
  if (at === -1) return null;
  return versions[at + 1] ?? versions[at - 1] ?? null;
}
