// What a request may change in a section, and the dates it speaks in.
import type { SectionStatus } from '../../shared/api.js';

export interface SectionInput {
  assignees?: string[];
  status?: SectionStatus;
  due?: string | null;
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The server's calendar date at `ms` (YYYY-MM-DD, local time): what "overdue" is measured against. */
export function localDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
