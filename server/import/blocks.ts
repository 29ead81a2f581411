// Word's tables and list paragraphs as the schema's tables and lists.
import type { JSONContent } from '@tiptap/core';
import { MAX_TABLE_SPAN } from '../../shared/schema.js';
import type { MammothBlock, MammothParagraph, MammothTable, MammothTableRow } from './docxModel.js';
import { Dropped, inlineJSON, isBlank, readInline, type Piece } from './inline.js';

type TextAlign = 'center' | 'right';

/**
 * The alignment the paragraph itself sets, when it is one the schema keeps:
 * left is the default, and justified is how every export sets a 公文's body
 * anyway (Word files, our own among them, mark every body paragraph so).
 */
export function textAlign(paragraph: MammothParagraph): TextAlign | null {
  switch (paragraph.alignment) {
    case 'center':
      return 'center';
    case 'right':
    case 'end':
      return 'right';
    default:
      return null;
  }
}

export function paragraphJSON(paragraph: MammothParagraph, pieces: Piece[], align = textAlign(paragraph), bold = true): JSONContent {
  const content = inlineJSON(pieces, bold ? {} : { without: ['bold'] });
  return { type: 'paragraph', attrs: { textAlign: align }, ...(content.length ? { content } : {}) };
}

const span = (n: number): number => Math.min(Math.max(Math.trunc(n) || 1, 1), MAX_TABLE_SPAN);

/** Whether a row reads as a header: marked so, or (the first of several) with every cell's text bold. */
function isHeaderRow(row: MammothTableRow, index: number, rows: number): boolean {
  if (row.isHeader) return true;
  if (index !== 0 || rows < 2 || row.children.length === 0) return false;
  return row.children.every((cell) => {
    // read for its look only: what it drops is counted when the cell is read
    const pieces = cell.children.flatMap((block) => (block.type === 'paragraph' ? readInline(block.children, new Dropped()) : []));
    const texts = pieces.filter((piece) => piece.kind === 'text' && piece.text.trim() !== '');
    return texts.length > 0 && texts.every((piece) => piece.kind === 'text' && piece.marks.includes('bold'));
  });
}

/** A table; null when it has no cells. Cells hold paragraphs (and tables), each at least an empty paragraph. */
export function tableJSON(table: MammothTable, dropped: Dropped): JSONContent | null {
  const rows = table.children.filter((row) => row.type === 'tableRow' && row.children.some((cell) => cell.type === 'tableCell'));
  const headers = rows.map((row, i) => isHeaderRow(row, i, rows.length));
  const content = rows.map((row, i) => ({
    type: 'tableRow',
    content: row.children
      .filter((cell) => cell.type === 'tableCell')
      .map((cell) => {
        const blocks = cellBlocks(cell.children, dropped, headers[i]);
        return {
          type: headers[i] ? 'tableHeader' : 'tableCell',
          attrs: { colspan: span(cell.colSpan), rowspan: span(cell.rowSpan) },
          content: blocks.length ? blocks : [{ type: 'paragraph', attrs: { textAlign: null } }],
        };
      }),
  }));
  return content.length ? { type: 'table', content } : null;
}

function cellBlocks(children: MammothBlock[], dropped: Dropped, header: boolean): JSONContent[] {
  const out: JSONContent[] = [];
  for (const block of children) {
    if (block.type === 'table') {
      const table = tableJSON(block, dropped);
      if (table) out.push(table);
    } else if (block.type === 'paragraph') {
      const pieces = readInline(block.children, dropped);
      if (isBlank(pieces)) continue;
      // a header cell is bold and centred by its kind
      const align = textAlign(block);
      out.push(paragraphJSON(block, pieces, header && align === 'center' ? null : align, !header));
    }
  }
  return out;
}

export interface ListEntry {
  /** Word's list level, 0 outermost. */
  level: number;
  ordered: boolean;
  paragraph: JSONContent;
}

/** Consecutive list paragraphs as lists: deeper levels nest in the item before them; a change of kind starts a new list. */
export function listsJSON(entries: ListEntry[]): JSONContent[] {
  const out: JSONContent[] = [];
  let i = 0;
  const build = (level: number): JSONContent[] => {
    const lists: JSONContent[] = [];
    let current: JSONContent | null = null;
    while (i < entries.length && entries[i].level >= level) {
      const entry = entries[i];
      if (entry.level > level && current) {
        const items = current.content!;
        items[items.length - 1].content!.push(...build(entry.level));
        continue;
      }
      const type = entry.ordered ? 'orderedList' : 'bulletList';
      if (!current || current.type !== type) {
        current = { type, content: [] };
        lists.push(current);
      }
      current.content!.push({ type: 'listItem', content: [entry.paragraph] });
      i++;
    }
    return lists;
  };
  while (i < entries.length) out.push(...build(entries[i].level));
  return out;
}
