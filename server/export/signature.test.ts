import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { exportHtml } from './html.js';
import { exportMarkdown } from './markdown.js';
import { readDocx } from './testing/docx.js';
import { approvedSummary, filledSummary } from './testing/fixtures.js';
import { findAll, wordText } from './testing/xml.js';

const W = (name: string) => `w:${name}`;

/** The filled summary ending in a signature block. */
function signed(issuer: string, date: string): JSONContent {
  const content = filledSummary();
  // as the editor keeps it: an empty paragraph after the block
  return { ...content, content: [...(content.content ?? []), { type: 'signature', attrs: { issuer, date } }, { type: 'paragraph' }] };
}

describe('the signature block in the exports', () => {
  it("prints the document's own 署名 and 成文日期 once, after the body, even when the export asks for another", async () => {
    const input = { ...approvedSummary(signed('青山镇政协联工委', '2026-12-20')), signature: { issuer: '别的机关', date: '2026年1月1日' } };
    const parts = await readDocx(await exportDocx(input));
    const texts = findAll(await parts.xml('word/document.xml'), W('p'))
      .map(wordText)
      .filter(Boolean);
    expect(texts.slice(-2)).toEqual(['青山镇政协联工委', '2026年12月20日']);
    expect(texts.filter((t) => t.includes('青山镇政协联工委') && !t.includes('2026年工作总结'))).toHaveLength(1);
    expect(texts.join()).not.toContain('别的机关');
    // kept on the page of the body's last lines: that paragraph, the blank line and the issuer each keep with the next
    const ps = findAll(await parts.xml('word/document.xml'), W('p'));
    const issuerAt = ps.findIndex((p) => wordText(p) === '青山镇政协联工委');
    // the last paragraph with text (the editor's empty one after it is not written), one blank line, the issuer
    expect(wordText(ps[issuerAt - 2])).not.toBe('');
    expect(wordText(ps[issuerAt - 1])).toBe('');
    expect([ps[issuerAt - 2], ps[issuerAt - 1], ps[issuerAt]].map((p) => findAll(p, W('keepNext')).length)).toEqual([1, 1, 1]);
    for (const out of [exportMarkdown(input), exportHtml(input)]) {
      expect(out.split('2026年12月20日').length - 1).toBe(1);
      expect(out).not.toContain('别的机关');
    }
  });

  it("leaves an empty block out, and prints the export's own signature then", async () => {
    const input = { ...approvedSummary(signed('', '')), signature: { issuer: '青山镇政协联工委', date: '2026年12月20日' } };
    expect(exportMarkdown(input)).toContain('青山镇政协联工委<br>\n2026年12月20日');
    const plain = { ...approvedSummary(signed('', '')), signature: null };
    expect(exportMarkdown(plain)).not.toContain('<p align="right">');
  });
});
