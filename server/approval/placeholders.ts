// Guidance left in a draft: template placeholders (the guidance mark) and
// any 〔…〕 text, which a summary must not be approved with unnoticed.
import type { JSONContent } from '@tiptap/core';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';

const BRACKETED = /〔[^〔〕]*〕/g;

/** The unfilled placeholders of a document, in order, each once. */
export function unfilledPlaceholders(content: JSONContent): string[] {
  const found: string[] = [];
  const visit = (node: JSONContent) => {
    if (node.type === 'paragraph' || node.type === 'heading') {
      let marked = '';
      let all = '';
      const flush = () => {
        if (marked) found.push(marked);
        marked = '';
      };
      for (const child of node.content ?? []) {
        const text = child.text ?? '';
        all += text;
        if (child.type === 'text' && child.marks?.some((m) => m.type === GUIDANCE_MARK)) marked += text;
        else flush();
      }
      flush();
      for (const m of all.matchAll(BRACKETED)) found.push(m[0]);
      return;
    }
    node.content?.forEach(visit);
  };
  visit(content);
  return [...new Set(found.map((s) => s.trim()).filter(Boolean))];
}
