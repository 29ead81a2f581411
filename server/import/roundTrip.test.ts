// A document exported by Yigao itself and imported again: the same structure
// and text (title, heading levels and texts, leads, guidance, tables, lists,
// links, signature).
import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { GUIDANCE_MARK } from '../../shared/Guidance.js';
import { templateContent, type TemplateId } from '../../shared/templates.js';
import { exportDocx } from '../export/index.js';
import { readDocxContent } from './readDocxContent.js';
import { checkSchema, markedTexts, outline } from './testing/outline.js';

const text = (value: string, marks?: string[]): JSONContent =>
  marks ? { type: 'text', text: value, marks: marks.map((type) => ({ type })) } : { type: 'text', text: value };
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', attrs: { textAlign: null }, content });
const heading = (level: number, value: string): JSONContent => ({
  type: 'heading',
  attrs: { level, textAlign: null, numbering: 'auto' },
  content: [text(value)],
});
const cell = (type: 'tableCell' | 'tableHeader', value: string, colspan = 1, rowspan = 1): JSONContent => ({
  type,
  attrs: { colspan, rowspan },
  content: [paragraph(text(value))],
});

/** Each guidance run filled with written text, except every third, which stays a placeholder. */
function fill(node: JSONContent, counter = { n: 0 }): JSONContent {
  if (node.type === 'text' && node.marks?.some((mark) => mark.type === GUIDANCE_MARK)) {
    counter.n += 1;
    return counter.n % 3 === 0 ? node : text(`填写内容${counter.n}`);
  }
  return node.content ? { ...node, content: node.content.map((child) => fill(child, counter)) } : node;
}

/** A template filled in, with what a summary adds: deeper headings, a table, lists, a link, a line break, the signature. */
function filledSummary(id: TemplateId): JSONContent {
  const doc = fill(templateContent(id, '某某镇政协联工委2026年工作总结'));
  const content = doc.content!.filter((block) => block.type !== 'signature');
  content.push(
    heading(2, '主要数据'),
    heading(3, '提案和社情民意'),
    heading(4, '提案办理'),
    heading(5, '办结情况'),
    paragraph(text('全年提案情况见下表'), { type: 'hardBreak' }, text('（单位：件）。')),
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [cell('tableHeader', '类别'), cell('tableHeader', '数量')] },
        { type: 'tableRow', content: [cell('tableCell', '提案', 1, 2), cell('tableCell', '12')] },
        { type: 'tableRow', content: [cell('tableCell', '8')] },
        { type: 'tableRow', content: [cell('tableCell', '合计20件', 2)] },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [paragraph(text('走访委员三十人次。'))] },
        { type: 'listItem', content: [paragraph(text('召开座谈会两次。'))] },
      ],
    },
    { type: 'orderedList', attrs: { start: 1, type: null }, content: [{ type: 'listItem', content: [paragraph(text('加强学习。'))] }] },
    paragraph(text('详见'), { type: 'text', text: '县政协网站', marks: [{ type: 'link', attrs: { href: 'https://www.cppcc.gov.cn/' } }] }, text('。')),
    paragraph(text('一是', ['bold']), text('坚持学习。')),
    { type: 'signature', attrs: { issuer: '某某镇政协联工委', date: '2026-12-07' } },
  );
  return { ...doc, content };
}

describe.each(['year-end-summary', 'year-end-summary-three-part'] as const)('export to Word and import again: %s', (id) => {
  it('gives the same structure, text, marks and signature', async () => {
    const original = filledSummary(id);
    checkSchema(original);
    const file = await exportDocx({ title: '年终总结', content: original, draft: true, guidance: 'mark', comments: null, signature: null });
    const imported = await readDocxContent(file);
    checkSchema(imported.json);

    expect(imported.title).toBe('某某镇政协联工委2026年工作总结');
    expect(outline(imported.json)).toEqual(outline(original));
    // bold leads, guidance placeholders, links; text otherwise unmarked
    expect(markedTexts(imported.json)).toEqual(markedTexts(original));
    expect(imported.json.content!.at(-1)).toEqual({ type: 'signature', attrs: { issuer: '某某镇政协联工委', date: '2026-12-07' } });
    // the draft header is the archive's to warn about; the body has nothing left out
    expect(imported.warnings).toEqual([]);
  });
});
