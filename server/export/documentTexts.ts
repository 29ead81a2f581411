// The document string that comment anchors are offsets into, and where each
// comment's passage starts and ends in it.
//
// Walk the textblocks in document order (also inside lists, tables and
// quotes); split each one's inline content at every non-text inline node
// (hardBreak); every non-empty run of consecutive text nodes is one text; the
// document string is the texts joined by "\n".
import type { JSONContent } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { parseContent } from './content.js';
import type { ExportComment } from './types.js';

/** The texts of the document string, in order: `documentTexts(content).join('\n')` is the string. */
export function documentTexts(content: JSONContent): string[] {
  return indexTexts(parseContent(content)).texts;
}

export interface TextIndex {
  texts: string[];
  /** Offset in the document string where each text starts. */
  starts: number[];
  /** For each textblock, the document-string offset of each inline child (null for a non-text one). */
  childOffsets: Map<PMNode, (number | null)[]>;
  /** The document string's length. */
  length: number;
}

export function indexTexts(doc: PMNode): TextIndex {
  const texts: string[] = [];
  const starts: number[] = [];
  const childOffsets = new Map<PMNode, (number | null)[]>();
  let offset = 0;
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    const offsets: (number | null)[] = [];
    let inText = false;
    node.forEach((child) => {
      if (!child.isText) {
        inText = false;
        offsets.push(null);
        return;
      }
      if (!inText) {
        if (texts.length > 0) offset += 1; // the "\n" that joins this text to the one before
        texts.push('');
        starts.push(offset);
        inText = true;
      }
      offsets.push(offset);
      texts[texts.length - 1] += child.text ?? '';
      offset += child.nodeSize;
    });
    childOffsets.set(node, offsets);
    return false;
  });
  return { texts, starts, childOffsets, length: offset };
}

/**
 * A comment's passage as offsets that fall inside texts: the start moves
 * forward off a joining "\n" onto the next text, the end moves back onto the
 * previous one, and a passage that covers no text at all collapses to its start.
 */
export interface Anchor {
  /** Index of the comment in the input. */
  index: number;
  from: number;
  to: number;
}

export function anchorComments(comments: readonly ExportComment[], index: TextIndex): Anchor[] {
  const { texts, starts } = index;
  if (texts.length === 0) return [];
  const ends = starts.map((start, i) => start + texts[i].length);
  const clamp = (value: number): number => Math.min(Math.max(Number.isFinite(value) ? Math.trunc(value) : 0, 0), index.length);
  return comments.map((comment, i) => {
    const rawFrom = clamp(comment.from);
    const rawTo = Math.max(clamp(comment.to), rawFrom);
    // Start: the text holding the character at rawFrom, or the end of the last text.
    const startText = ends.findIndex((end) => end > rawFrom);
    const from = startText === -1 ? index.length : Math.max(rawFrom, starts[startText]);
    // End: the text holding the character before rawTo.
    let endText = -1;
    for (let t = texts.length - 1; t >= 0; t -= 1) {
      if (starts[t] < rawTo) {
        endText = t;
        break;
      }
    }
    const to = endText === -1 ? from : Math.min(rawTo, ends[endText]);
    return { index: i, from, to: Math.max(to, from) };
  });
}

/** The passage's text as a reader sees it quoted (texts joined by newlines). */
export function passageText(index: TextIndex, anchor: Anchor): string {
  return index.texts.join('\n').slice(anchor.from, anchor.to);
}
