// The document's outline (大纲): its headings in order, each with its
// automatic number as the page shows it (shared/numberedDoc.ts).
import type { Node as PMNode } from '@tiptap/pm/model';
import { numberedHeadings } from '../../shared/numberedDoc.js';
import { SECTION_ID_ATTR } from '../../shared/SectionIdentity.js';

export interface OutlineItem {
  /** The heading's position in the document (the caret goes just inside it). */
  pos: number;
  level: number;
  /** As shown in front of the heading; '' when unnumbered. */
  number: string;
  text: string;
  /** A top-level heading's index among the body's blocks (null inside a table); with its section id, what finds its section. */
  block: number | null;
  sectionId: string | null;
}

export function outlineOf(doc: PMNode): OutlineItem[] {
  const numbers = new Map(numberedHeadings(doc).map(({ pos, number }) => [pos, number]));
  const items: OutlineItem[] = [];
  doc.forEach((top, offset, block) => {
    const visit = (node: PMNode, pos: number, topLevel: boolean) => {
      if (node.type.name === 'heading')
        items.push({
          pos,
          level: node.attrs.level as number,
          number: numbers.get(pos) ?? '',
          text: node.textContent,
          block: topLevel ? block : null,
          sectionId: (node.attrs[SECTION_ID_ATTR] as string | null | undefined) ?? null,
        });
    };
    visit(top, offset, true);
    if (!top.isTextblock)
      top.descendants((node, pos) => {
        visit(node, offset + 1 + pos, false);
        return !node.isTextblock;
      });
  });
  return items;
}
