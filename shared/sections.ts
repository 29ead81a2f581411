// The document's sections (分工): each heading of the first two 公文 levels
// (一、 and （一）) at the top of the body, with its number as shown, its
// title, and its body: what follows it up to the next heading of its level or
// above (a first-level section holds its second-level ones). The editor's
// outline and the server's sections API both read them here, so that 字数 and
// open threads agree between them.
import type { Node as PMNode } from '@tiptap/pm/model';
import { numberedHeadings } from './numberedDoc.js';
import { isSectionHeadingLevel, SECTION_ID_ATTR } from './SectionIdentity.js';
import { charactersOfBlocks } from './blockCounts.js';

export interface SectionShape {
  /** The heading's section id; null until one is given (a moment after it was written). */
  id: string | null;
  /** 1 for 一、, 2 for （一）. */
  level: 1 | 2;
  /** As shown in front of the heading (`一、`); '' when unnumbered. */
  number: string;
  title: string;
  /** The heading's position, and where the section's body ends (both in the document). */
  pos: number;
  end: number;
  /** Index of the heading among the body's top-level blocks, and of the first block after the section. */
  index: number;
  endIndex: number;
  /**
   * 字数 of the body (the heading's own text not counted), as the status bar
   * counts: the agreed text, a proposed insertion not counted until accepted,
   * a proposed deletion counted until then.
   */
  chars: number;
}

/** Heading level (2 or 3) → section level (1 or 2). */
const sectionLevel = (headingLevel: number): 1 | 2 => (headingLevel === 2 ? 1 : 2);

export function sectionsOf(doc: PMNode): SectionShape[] {
  const numbers = new Map(numberedHeadings(doc).map(({ node, number }) => [node, number]));
  const starts: { node: PMNode; pos: number; index: number; headingLevel: number }[] = [];
  /** Top-level positions of every heading that ends a section (any heading of level 1–3). */
  const breaks: { pos: number; index: number; headingLevel: number }[] = [];
  doc.forEach((node, pos, index) => {
    if (node.type.name !== 'heading') return;
    const headingLevel = Number(node.attrs.level);
    if (headingLevel <= 3) breaks.push({ pos, index, headingLevel });
    if (isSectionHeadingLevel(headingLevel)) starts.push({ node, pos, index, headingLevel });
  });
  return starts.map(({ node, pos, index, headingLevel }) => {
    const next = breaks.find((b) => b.index > index && b.headingLevel <= headingLevel);
    const end = next ? next.pos : doc.content.size;
    const bodyFrom = pos + node.nodeSize;
    return {
      id: (node.attrs[SECTION_ID_ATTR] as string | null) ?? null,
      level: sectionLevel(headingLevel),
      number: numbers.get(node) ?? '',
      title: node.textContent,
      pos,
      end,
      index,
      endIndex: next ? next.index : doc.childCount,
      // block by block, each kept until it changes: the outline reads this a frame after every keystroke
      chars: bodyFrom < end ? charactersOfBlocks(doc, { index: index + 1, pos: bodyFrom }, next ? next.index : doc.childCount, '\n') : 0,
    };
  });
}

/** The section (the innermost: a （一） before its 一、) that holds top-level block `index`; null before the first. */
export function sectionAtIndex<T extends Pick<SectionShape, 'index' | 'endIndex'>>(sections: readonly T[], index: number): T | null {
  let found: T | null = null;
  for (const section of sections) if (section.index <= index && index < section.endIndex) found = section;
  return found;
}
