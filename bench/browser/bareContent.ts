// The same summary for the bare stack (Tiptap StarterKit + TableKit +
// Collaboration + CollaborationCaret): what StarterKit cannot hold becomes
// what a team without Yigao would have typed. Headings carry their numbers
// as text (Yigao numbers them itself, so the page shows the same characters),
// guidance is plain text, alignment is dropped. The tables stay: the bare
// page includes @tiptap/extension-table so that both pages hold the same
// content, at the cost of a few KB of its JavaScript.
import type { JSONContent } from '@tiptap/core';
import { getSchema } from '@tiptap/core';
import { bareExtensions } from './bare/extensions.js';

const NUMERALS = '一二三四五六七八九十';

const chineseNumber = (n: number): string =>
  n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11]}` : `${NUMERALS[Math.floor(n / 10) - 1]}十${n % 10 ? NUMERALS[(n % 10) - 1] : ''}`;

/** The bare page's schema, to seed its documents with. */
export const bareSchema = getSchema(bareExtensions);

export function bareContent(doc: JSONContent): JSONContent {
  let section = 0;
  let subsection = 0;
  const convert = (node: JSONContent): JSONContent => {
    if (node.type === 'text') {
      const marks = node.marks?.filter((m) => bareSchema.marks[m.type]);
      return marks?.length ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text };
    }
    if (node.type === 'heading') {
      const level = Number(node.attrs?.level);
      let number = '';
      if (level === 2) {
        number = `${chineseNumber(++section)}、`;
        subsection = 0;
      } else if (level === 3) number = `（${chineseNumber(++subsection)}）`;
      const content = (node.content ?? []).map(convert);
      if (number) content.unshift({ type: 'text', text: number });
      return { type: 'heading', attrs: { level }, content };
    }
    const out: JSONContent = { type: node.type };
    if (node.content) out.content = node.content.map(convert);
    return out;
  };
  return convert(doc);
}
