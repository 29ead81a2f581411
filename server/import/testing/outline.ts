// The import's result in short, for tests to compare: one line per block.
import type { JSONContent } from '@tiptap/core';
import { Node } from '@tiptap/pm/model';
import { schema } from '../../../shared/schema.js';

/** The text of inline content; hard breaks as "⏎". */
export function inlineText(node: JSONContent): string {
  return (node.content ?? []).map((child) => (child.type === 'hardBreak' ? '⏎' : (child.text ?? inlineText(child)))).join('');
}

/**
 * One line per block: "h2 text" (a heading of level 2; "h2! text" when
 * numbering is 'none'), "p text", "sig issuer|date", "table" with its rows as
 * "| a | b |" ("th" cells as "*a*"), lists as "- text" / "1. text", nested
 * items indented by two spaces.
 */
export function outline(doc: JSONContent, indent = ''): string[] {
  const out: string[] = [];
  for (const block of doc.content ?? []) {
    switch (block.type) {
      case 'heading':
        out.push(`${indent}h${block.attrs?.level}${block.attrs?.numbering === 'none' ? '!' : ''} ${inlineText(block)}`);
        break;
      case 'paragraph':
        out.push(`${indent}p ${inlineText(block)}`);
        break;
      case 'signature':
        out.push(`${indent}sig ${block.attrs?.issuer}|${block.attrs?.date}`);
        break;
      case 'table':
        out.push(`${indent}table`);
        for (const row of block.content ?? []) {
          const cells = (row.content ?? []).map((cell) => {
            const text = (cell.content ?? []).map(inlineText).join('/');
            const span = (cell.attrs?.colspan ?? 1) > 1 || (cell.attrs?.rowspan ?? 1) > 1 ? `{${cell.attrs?.colspan}x${cell.attrs?.rowspan}}` : '';
            return (cell.type === 'tableHeader' ? `*${text}*` : text) + span;
          });
          out.push(`${indent}| ${cells.join(' | ')} |`);
        }
        break;
      case 'bulletList':
      case 'orderedList':
        for (const item of block.content ?? []) {
          const [first, ...rest] = item.content ?? [];
          out.push(`${indent}${block.type === 'bulletList' ? '-' : '1.'} ${inlineText(first)}`);
          out.push(...outline({ content: rest }, `${indent}  `));
        }
        break;
      default:
        out.push(`${indent}${block.type}`);
    }
  }
  return out;
}

/** Throws unless the JSON is a valid document of the shared schema. */
export function checkSchema(json: JSONContent): void {
  Node.fromJSON(schema, json).check();
}

/** The text of a document with its marks' names, in order: adjacent text nodes with the same marks as one. */
export function markedTexts(json: JSONContent): [string, string[]][] {
  const out: [string, string[]][] = [];
  const walk = (node: JSONContent) => {
    let previous: [string, string[]] | null = null;
    for (const child of node.content ?? []) {
      if (child.type !== 'text') {
        previous = null;
        walk(child);
        continue;
      }
      const marks = (child.marks ?? []).map((mark) => mark.type);
      if (previous && previous[1].join() === marks.join()) previous[0] += child.text ?? '';
      else out.push((previous = [child.text ?? '', marks]));
    }
  };
  walk(json);
  return out;
}
