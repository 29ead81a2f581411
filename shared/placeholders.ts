// Guidance left in a draft: template placeholders (the guidance mark) and
// any 〔…〕 text. Approval lists them so that a summary is not approved with
// them unnoticed; the export dialog counts those it will mark or leave out.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from './guidanceMark.js';

const BRACKETED = /〔[^〔〕]*〕/g;

const isGuidance = (node: JSONContent): boolean => node.type === 'text' && (node.marks?.some((m) => m.type === GUIDANCE_MARK) ?? false);

/** Calls `visit` with the inline content of every textblock, in document order. */
function forEachTextblock(node: JSONContent, visit: (inline: JSONContent[]) => void): void {
  if (node.type === 'paragraph' || node.type === 'heading') {
    visit(node.content ?? []);
    return;
  }
  node.content?.forEach((child) => forEachTextblock(child, visit));
}

/** The guidance of one textblock: consecutive marked runs are one placeholder (a part of it may be bold). */
function guidanceRuns(inline: JSONContent[]): string[] {
  const found: string[] = [];
  let run = '';
  // A node that is no guidance (here also the block's end) closes the run before it.
  for (const child of [...inline, { type: 'end' }]) {
    if (isGuidance(child)) {
      run += child.text ?? '';
      continue;
    }
    if (run.trim()) found.push(run);
    run = '';
  }
  return found;
}

/**
 * Every guidance placeholder still in the text, in document order, a repeated
 * one each time it occurs: what an export marks, or leaves out when asked.
 * Ordinary text in 〔〕 is not one (a document number like 镇政发〔2026〕1号).
 */
export function guidancePlaceholders(content: JSONContent): string[] {
  const found: string[] = [];
  forEachTextblock(content, (inline) => found.push(...guidanceRuns(inline)));
  return found;
}

/** The unfilled placeholders of a document, in order, each once; also 〔…〕 typed or pasted as ordinary text. */
export function unfilledPlaceholders(content: JSONContent): string[] {
  const found: string[] = [];
  forEachTextblock(content, (inline) => {
    found.push(...guidanceRuns(inline));
    for (const m of inline
      .map((child) => child.text ?? '')
      .join('')
      .matchAll(BRACKETED))
      found.push(m[0]);
  });
  return [...new Set(found.map((s) => s.trim()).filter(Boolean))];
}
