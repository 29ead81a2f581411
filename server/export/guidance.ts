// What an export does with unfilled 〔…〕 guidance: each exporter marks it
// (its mapping of the guidance mark); asked to leave it out, the text is taken
// out of the document before any exporter sees it, so that all formats drop
// the same words. A paragraph or heading left without text goes too, so no
// blank line stands where a placeholder was; comment passages move with the
// words around them.
import { Fragment, type Node as PMNode } from '@tiptap/pm/model';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';
import { parseContent, withoutTrailingBlanks } from './content.js';
import { indexTexts } from './documentTexts.js';
import type { ExportComment, ExportInput } from './types.js';

/** The document and comments an exporter writes: `input.guidance` applied, no blank lines at the end. */
export function contentToWrite(input: ExportInput): { doc: PMNode; comments: ExportComment[] | null } {
  const doc = parseContent(input.content);
  const written = input.guidance === 'omit' ? omitGuidance(doc, input.comments) : { doc, comments: input.comments };
  return { ...written, doc: withoutTrailingBlanks(written.doc) };
}

const isGuidance = (node: PMNode): boolean => node.isText && node.marks.some((mark) => mark.type.name === GUIDANCE_MARK);

// Containers that must stay where they are for the structure around them to hold.
const KEPT_WHEN_EMPTY = new Set(['doc', 'table', 'tableRow', 'tableCell', 'tableHeader']);

/** The document without guidance, and the comments' offsets in its document string (documentTexts.ts). */
export function omitGuidance(doc: PMNode, comments: ExportComment[] | null): { doc: PMNode; comments: ExportComment[] | null } {
  const index = indexTexts(doc);
  // Which characters of the old document string are still there; joining "\n"s are decided below.
  const kept = new Uint8Array(index.length).fill(1);
  const drop = (block: PMNode, child: number) => {
    const from = index.childOffsets.get(block)?.[child];
    if (from != null) kept.fill(0, from, from + block.child(child).nodeSize);
  };

  const omit = (node: PMNode): PMNode | null => {
    if (node.isTextblock) {
      const inline: PMNode[] = [];
      node.forEach((child, _offset, i) => (isGuidance(child) ? drop(node, i) : inline.push(child)));
      if (inline.length === node.childCount) return node;
      if (inline.some((child) => child.isText && child.text!.trim() !== '')) return node.copy(Fragment.fromArray(inline));
      node.forEach((_child, _offset, i) => drop(node, i));
      return null;
    }
    if (node.isLeaf) return node;
    const children: PMNode[] = [];
    node.forEach((child) => {
      const out = omit(child);
      if (out) children.push(out);
    });
    if (children.length === 0 && !KEPT_WHEN_EMPTY.has(node.type.name)) return null;
    const content = Fragment.fromArray(children);
    if (node.type.validContent(content)) return node.copy(content);
    // A list item whose first paragraph went, an emptied cell: the schema's empty paragraph fills the gap.
    return node.type.createAndFill(node.attrs, content, node.marks) ?? node.copy(content);
  };
  const out = omit(doc) ?? doc;

  if (!comments) return { doc: out, comments };
  // A text's joining "\n" stays when some of the text does and some text before it does.
  let anyBefore = false;
  index.texts.forEach((text, t) => {
    const start = index.starts[t];
    const any = kept.subarray(start, start + text.length).includes(1);
    if (t > 0) kept[start - 1] = any && anyBefore ? 1 : 0;
    anyBefore ||= any;
  });
  // The new offset of an old one: how many kept characters come before it.
  const before = new Uint32Array(index.length + 1);
  for (let i = 0; i < index.length; i += 1) before[i + 1] = before[i] + kept[i];
  const map = (offset: number) => before[Math.min(Math.max(Number.isFinite(offset) ? Math.trunc(offset) : 0, 0), index.length)];
  return { doc: out, comments: comments.map((comment) => ({ ...comment, from: map(comment.from), to: map(comment.to) })) };
}
