// The document as a reader sees it: each numbered heading's number
// (numbering.ts) put in front of its text. For every rendering of the
// document (content text and HTML, versions, exports); the stored document
// never holds the numbers.
import type { Node as PMNode } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { headingNumbers, NUMBERING_ATTR, typedNumberLength, type Numbering } from './numbering.js';

/**
 * Each heading's position and number, in document order (numbered ones only).
 * A numbered heading whose text already starts with a number of its level
 * (typed by someone, or an older copy not yet taken over) counts, but its
 * number is not shown again: a number is never shown twice.
 */
export function numberedHeadings(doc: PMNode): { pos: number; number: string; node: PMNode }[] {
  const headings: { pos: number; node: PMNode }[] = [];
  doc.descendants((node, pos) => {
    if (node.type.name === 'heading') headings.push({ pos, node });
    return !node.isTextblock;
  });
  const numbers = headingNumbers(
    headings.map(({ node }) => ({ level: node.attrs.level as number, numbering: (node.attrs[NUMBERING_ATTR] ?? null) as Numbering | null })),
  );
  return headings.flatMap(({ pos, node }, i) =>
    numbers[i] === null || typedNumberLength(node.attrs.level as number, node.textContent) > 0 ? [] : [{ pos, node, number: numbers[i]! }],
  );
}

/** `doc` with the numbers written in front of the numbered headings' text. */
export function withHeadingNumbers(doc: PMNode): PMNode {
  const numbered = numberedHeadings(doc);
  if (numbered.length === 0) return doc;
  const tr = new Transform(doc);
  for (let i = numbered.length - 1; i >= 0; i--) tr.insert(numbered[i].pos + 1, doc.type.schema.text(numbered[i].number));
  return tr.doc;
}

/** Each numbered heading node's number (for renderers that write headings themselves). */
export function headingNumberMap(doc: PMNode): Map<PMNode, string> {
  return new Map(numberedHeadings(doc).map(({ node, number }) => [node, number]));
}
