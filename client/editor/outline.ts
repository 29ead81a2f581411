// The document's outline (大纲): its headings in order, each with its
// automatic number as the page shows it (shared/numberedDoc.ts).
import type { Node as PMNode } from '@tiptap/pm/model';
import { numberedHeadings } from '../../shared/numberedDoc.js';

export interface OutlineItem {
  /** The heading's position in the document (the caret goes just inside it). */
  pos: number;
  level: number;
  /** As shown in front of the heading; '' when unnumbered. */
  number: string;
  text: string;
}

export function outlineOf(doc: PMNode): OutlineItem[] {
  const numbers = new Map(numberedHeadings(doc).map(({ pos, number }) => [pos, number]));
  const items: OutlineItem[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') items.push({ pos, level: node.attrs.level as number, number: numbers.get(pos) ?? '', text: node.textContent });
    return !node.isTextblock;
  });
  return items;
}
