// Shared set-up for the DOCX export tests (docx.*.test.ts): export a document
// and read the body back, and look up the run and paragraph properties the
// tests check; comments on a passage and the text each comment covers.
import type { JSONContent } from '@tiptap/core';
import { parseContent } from '../content.js';
import { withHeadingNumbers } from '../../../shared/numberedDoc.js';
import { exportDocx } from '../docx.js';
import type { ExportComment, ExportInput } from '../types.js';
import { readDocx, type DocxParts } from './docx.js';
import { child, find, findAll, type XmlElement } from './xml.js';

export const W = (name: string) => `w:${name}`;
export const attr = (el: XmlElement | undefined, name: string) => el?.attrs[W(name)];

export async function exported(input: ExportInput): Promise<{ parts: DocxParts; body: XmlElement }> {
  const parts = await readDocx(await exportDocx(input));
  const body = find(await parts.xml('word/document.xml'), W('body'))!;
  return { parts, body };
}

/** The body's paragraphs (also those in tables), in order. */
export const paragraphs = (body: XmlElement) => findAll(body, W('p'));

export const runFonts = (run: XmlElement) => child(child(run, W('rPr')), W('rFonts'));
export const runSize = (run: XmlElement) => attr(child(child(run, W('rPr')), W('sz')), 'val');
export const runSpacing = (run: XmlElement) => attr(child(child(run, W('rPr')), W('spacing')), 'val');
export const isBold = (run: XmlElement) => {
  const b = child(child(run, W('rPr')), W('b'));
  return b !== undefined && !['false', '0', 'off'].includes(attr(b, 'val') ?? 'true');
};
export const highlight = (run: XmlElement) => attr(child(child(run, W('rPr')), W('highlight')), 'val');
export const textRuns = (p: XmlElement) => findAll(p, W('r')).filter((r) => find(r, W('t')));
export const pPr = (p: XmlElement) => child(p, W('pPr'));

/** The text of every textblock the exporter should have written, in order. */
/** Each textblock's text as a reader sees it (numbered headings with their numbers). */
export function textblockTexts(content: JSONContent): string[] {
  const out: string[] = [];
  withHeadingNumbers(parseContent(content)).descendants((node) => {
    if (!node.isTextblock) return true;
    out.push(node.textContent.replace(/[\x00-\x08\x0b-\x1f\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/g, ''));
    return false;
  });
  return out;
}

export function comment(from: number, to: number, extra: Partial<ExportComment> = {}): ExportComment {
  return {
    id: `thread-${from}-${to}`,
    author: '张委员',
    date: new Date('2026-12-01T02:30:00Z'),
    body: `请核实 ${from}–${to}`,
    replies: [],
    from,
    to,
    ...extra,
  };
}

/** The text between each comment's range start and end, in document order, with paragraph and line breaks as "\n". */
export function commentedText(body: XmlElement): Map<string, string> {
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const add = (text: string) => {
    for (const [id, value] of open) open.set(id, value + text);
  };
  const visit = (el: XmlElement, first: { value: boolean }) => {
    if (el.name === W('p')) {
      if (!first.value) add('\n');
      first.value = false;
    }
    if (el.name === W('commentRangeStart')) open.set(attr(el, 'id')!, '');
    if (el.name === W('commentRangeEnd')) {
      done.set(attr(el, 'id')!, open.get(attr(el, 'id')!) ?? '<no start>');
      open.delete(attr(el, 'id')!);
    }
    if (el.name === W('br')) add('\n');
    if (el.name === W('t') || el.name === W('delText')) add(el.children.join(''));
    for (const c of el.children) if (typeof c !== 'string') visit(c, first);
  };
  visit(body, { value: true });
  return new Map([...done].map(([id, text]) => [id, text.replace(/\n+/g, '\n')]));
}
