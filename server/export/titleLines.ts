// A title wider than a line breaks into lines of about equal length, so that
// it wraps into a symmetric shape (GONGWEN.md) rather than one full line and a
// short tail.
import { schema } from '../../shared/schema.js';
import { TITLE_CHARS_PER_LINE } from './gongwen.js';
import type { InlineItem } from './inline.js';

/** Width in characters of the type: full-width (CJK) one, Latin letters, digits and spaces half. */
export function widthInChars(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u0000-\u024F\u2000-\u206F]/.test(char) && !/[\u2014\u2018-\u201F\u2026]/.test(char) ? 0.5 : 1;
  return width;
}

/** The title's inline items with hard breaks between its lines. A title the writer broke by hand is left alone. */
export function balanceTitle(items: InlineItem[], charsPerLine = TITLE_CHARS_PER_LINE): InlineItem[] {
  const nodes = items.flatMap((item) => (item.kind === 'node' ? [item.node] : []));
  if (nodes.some((node) => !node.isText)) return items;
  const text = nodes.map((node) => node.text ?? '').join('');
  const total = widthInChars(text);
  if (total <= charsPerLine) return items;
  const lines = Math.ceil(total / charsPerLine);
  // Break (as UTF-16 offsets) where the running width first reaches k/lines of the total.
  const breaks: number[] = [];
  let width = 0;
  let offset = 0;
  for (const char of text) {
    width += widthInChars(char);
    offset += char.length;
    if (breaks.length < lines - 1 && width >= ((breaks.length + 1) * total) / lines - 0.25 && offset < text.length) breaks.push(offset);
  }
  const hardBreak: InlineItem = { kind: 'node', node: schema.nodes.hardBreak.create() };
  const out: InlineItem[] = [];
  let position = 0;
  for (const item of items) {
    if (item.kind !== 'node') {
      out.push(item);
      continue;
    }
    const { node } = item;
    const end = position + node.nodeSize;
    let from = position;
    for (const at of breaks.filter((b) => b > position && b < end)) {
      out.push({ kind: 'node', node: node.cut(from - position, at - position) }, hardBreak);
      from = at;
    }
    out.push({ kind: 'node', node: from === position ? node : node.cut(from - position) });
    if (breaks.includes(end)) out.push(hardBreak);
    position = end;
  }
  return out;
}
