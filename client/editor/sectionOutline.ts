// The sections (分工) as the outline shows them: the live document's 一、 and
// （一） (number, title and 字数 as typed, shared/sections.ts), each with its
// assignment from the server and the comment threads still open in it.
import type { Node as PMNode } from '@tiptap/pm/model';
import type { EditorState } from '@tiptap/pm/state';
import type { SectionDto } from '../../shared/api.js';
import { sectionsOf, type SectionShape } from '../../shared/sections.js';
import { commentHighlightsKey, DRAFT_PASSAGE_ID } from './CommentHighlights.js';

export interface OutlineSection extends SectionShape {
  /** Open threads whose passage is in the section (its （一） included). */
  openThreads: number;
  /** Its assignment, once the server knows the section. */
  record: SectionDto | null;
}

/** Where the passages of the open (unresolved) comment threads start, as the editor highlights them. */
export function openThreadStarts(state: EditorState): number[] {
  const highlights = commentHighlightsKey.getState(state);
  if (!highlights) return [];
  const starts: number[] = [];
  for (const passage of highlights.passages) {
    if (passage.resolved || passage.id === DRAFT_PASSAGE_ID) continue;
    const range = highlights.ranges.get(passage.id);
    if (range) starts.push(range.from);
  }
  return starts;
}

export function outlineSections(doc: PMNode, threadStarts: readonly number[], records: readonly SectionDto[] | undefined): OutlineSection[] {
  const byId = new Map((records ?? []).filter((record) => !record.removed).map((record) => [record.id, record]));
  const threadIndexes = threadStarts.filter((pos) => pos >= 0 && pos <= doc.content.size).map((pos) => doc.resolve(pos).index(0));
  return sectionsOf(doc).map((section) => ({
    ...section,
    openThreads: threadIndexes.filter((index) => section.index <= index && index < section.endIndex).length,
    record: (section.id && byId.get(section.id)) || null,
  }));
}

const sameSection = (a: OutlineSection, b: OutlineSection): boolean =>
  (Object.keys(b) as (keyof OutlineSection)[]).every((key) => a[key] === b[key]) && Object.keys(a).length === Object.keys(b).length;

/**
 * `next` with every section equal to the one at its place in `previous` replaced by that same object (the
 * whole list too when nothing changed), so that what shows a section draws again only when it changed:
 * the list is read a frame after every keystroke, and a keystroke changes one section's 字数 and moves the rest.
 */
export function keepUnchanged(previous: readonly OutlineSection[], next: OutlineSection[]): OutlineSection[] {
  const kept = next.map((section, i) => (previous[i] && sameSection(previous[i], section) ? previous[i] : section));
  return kept.length === previous.length && kept.every((section, i) => section === previous[i]) ? (previous as OutlineSection[]) : kept;
}

/** Whether `username` is one of the section's assignees. */
export const isAssignedTo = (section: Pick<OutlineSection, 'record'>, username: string): boolean => section.record?.assignees.includes(username) ?? false;
