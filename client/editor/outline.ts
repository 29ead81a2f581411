// The document's outline (大纲): its headings in order, each with its
// automatic number as the page shows it (shared/numberedDoc.ts).
import type { Node as PMNode } from '@tiptap/pm/model';
import { numberedHeadings } from '../../shared/numberedDoc.js';
import { SECTION_ID_ATTR } from '../../shared/SectionIdentity.js';

export interface OutlineItem {
  level: number;
  /** As shown in front of the heading; '' when unnumbered. */
  number: string;
  text: string;
  /** Index of the body's top-level block that is the heading or holds it (a table). */
  block: number;
  /** Whether the heading is that block itself (a section's heading can only be). */
  topLevel: boolean;
  /** Where the heading starts within that block (0 for a top-level heading). */
  offset: number;
  sectionId: string | null;
}

export function outlineOf(doc: PMNode): OutlineItem[] {
  const numbers = new Map(numberedHeadings(doc).map(({ pos, number }) => [pos, number]));
  const items: OutlineItem[] = [];
  doc.forEach((top, start, block) => {
    const visit = (node: PMNode, pos: number) => {
      if (node.type.name !== 'heading') return;
      items.push({
        level: node.attrs.level as number,
        number: numbers.get(pos) ?? '',
        text: node.textContent,
        block,
        topLevel: pos === start,
        offset: pos - start,
        sectionId: (node.attrs[SECTION_ID_ATTR] as string | null | undefined) ?? null,
      });
    };
    visit(top, start);
    if (!top.isTextblock)
      top.descendants((node, pos) => {
        visit(node, start + 1 + pos);
        return !node.isTextblock;
      });
  });
  return items;
}

/**
 * Whether `next` has the same headings as `previous` where they were: every top-level block is the same
 * node, or a paragraph in both. Typing into a paragraph changes nothing the outline shows, and a long
 * document's outline is not read again for it (only the headings' positions move).
 */
export function sameHeadings(previous: PMNode, next: PMNode): boolean {
  if (previous === next) return true;
  if (previous.childCount !== next.childCount) return false;
  for (let i = 0; i < next.childCount; i++) {
    const a = previous.child(i);
    const b = next.child(i);
    if (a !== b && !(a.type.name === 'paragraph' && b.type.name === 'paragraph')) return false;
  }
  return true;
}

/** Where each item's heading is in `doc` now (the outline read from this document, or one with the same headings). */
export function headingPositions(doc: PMNode, items: readonly OutlineItem[]): number[] {
  const starts: number[] = [];
  doc.forEach((_node, start) => void starts.push(start));
  return items.map((item) => (starts[item.block] ?? 0) + item.offset);
}
