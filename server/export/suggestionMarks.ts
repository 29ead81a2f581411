// 修订 (suggestions) as the exporters show them: who proposed a change
// (their display name where the export knows it, else their username) and
// when, for the HTML title, the Markdown and the Word revisions.
import type { Mark } from '@tiptap/pm/model';
import { SUGGESTION_DELETE, SUGGESTION_FORMAT, SUGGESTION_INSERT } from '../../shared/Suggestion.js';
import { cleanText, formatDate } from './content.js';

/** Username → display name, for the people who made suggestions. */
export type AuthorNames = Readonly<Record<string, string>>;

export interface SuggestionMarks {
  insert: Mark | null;
  delete: Mark | null;
  format: Mark | null;
}

/** A text's suggestion marks, one of each kind (the first, where several suggestions of one kind cover it). */
export function suggestionMarks(marks: readonly Mark[]): SuggestionMarks {
  const find = (name: string) => marks.find((mark) => mark.type.name === name) ?? null;
  return { insert: find(SUGGESTION_INSERT), delete: find(SUGGESTION_DELETE), format: find(SUGGESTION_FORMAT) };
}

export const suggestionUsername = (mark: Mark): string => cleanText(String(mark.attrs.author ?? '')).trim();

/** The author as a reader knows them: their display name, else their username, else a question mark. */
export function suggestionAuthor(mark: Mark, authors: AuthorNames = {}): string {
  const username = suggestionUsername(mark);
  const name = Object.hasOwn(authors, username) ? cleanText(authors[username]).trim() : '';
  return name || username || '?';
}

/** When it was made, or null when the mark has no sane time. */
export function suggestionDate(mark: Mark): Date | null {
  const ms = Number(mark.attrs.createdAt);
  if (!Number.isFinite(ms) || ms <= 0) return null;
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "author · 2026年12月7日 19:43" (China's time), or the author alone. */
export function suggestionTitle(mark: Mark, authors: AuthorNames = {}): string {
  const date = suggestionDate(mark);
  const author = suggestionAuthor(mark, authors);
  return date ? `${author} · ${formatDate(date)}` : author;
}

/** The time as Word's w:date wants it (ISO 8601, UTC, whole seconds); the epoch when unknown. */
export function suggestionIsoDate(mark: Mark): string {
  return (suggestionDate(mark) ?? new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
