import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { renderContent } from '../documents/renderContent.js';
import { parseContent } from './content.js';
import { exportHtml } from './html.js';
import { htmlBody } from './htmlBody.js';
import { approvedSummary, filledSummary, richDocument, summaryTemplate } from './testing/fixtures.js';

const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, ...marks: JSONContent['marks'] & object): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const link = (href: unknown) => ({ type: 'link', attrs: { href } });

/** The content API's answer for `content`, read from a Yjs document as the server stores it. */
const contentApi = (content: JSONContent) => renderContent(prosemirrorJSONToYDoc(schema, content, BODY_FRAGMENT).getXmlFragment(BODY_FRAGMENT));
const contentHtml = (content: JSONContent): string => contentApi(content).html;

/** What the HTML export writes between <body> and </body> (with no document title to write where the content has none). */
function exportedBody(content: JSONContent): string {
  const out = exportHtml({ ...approvedSummary(content), title: '', signature: null });
  return out.slice(out.indexOf('<body>\n') + '<body>\n'.length, out.indexOf('\n</body>'));
}

describe('htmlBody: the one HTML serializer', () => {
  it("gives the content API exactly the HTML export's body", () => {
    for (const content of [richDocument(), summaryTemplate(), filledSummary()]) {
      // the export reads the stored document as the content API's json gives it
      const { json, html } = contentApi(content);
      expect(html).toBe(exportedBody(json as JSONContent));
    }
  });

  it('links only http, https and mailto, in the content API as in the export; other links are their text', () => {
    const content = doc(
      p(
        text('官网', link('https://www.cppcc.gov.cn/')),
        text('空格', link('https://example.org/a b')),
        text('脚本', link('javascript:alert(1)')),
        text('数据', link('data:text/html,<script>alert(1)</script>')),
        text('相对', link('/api/x')),
      ),
    );
    const expected = '<p><a href="https://www.cppcc.gov.cn/">官网</a><a href="https://example.org/a%20b">空格</a>脚本数据相对</p>';
    expect(contentHtml(content)).toBe(expected);
    expect(exportedBody(content)).toBe(expected);
  });

  it('writes no stored attribute value as it is: alignment, list type and start, cell widths, numbering', () => {
    const out = htmlBody(
      parseContent(
        doc(
          { type: 'heading', attrs: { level: 2, numbering: 'none', textAlign: 'center' }, content: [text('结语')] },
          { type: 'paragraph', attrs: { textAlign: 'left; background: url(https://evil.example/)' }, content: [text('段落')] },
          { type: 'orderedList', attrs: { start: '2" onclick="x', type: 'disc' }, content: [{ type: 'listItem', content: [p(text('项'))] }] },
          { type: 'orderedList', attrs: { start: 4, type: 'i' }, content: [{ type: 'listItem', content: [p(text('项'))] }] },
          {
            type: 'table',
            content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: [120] }, content: [p(text('格'))] }] }],
          },
        ),
      ),
    );
    expect(out).toBe(
      [
        '<h2 style="text-align: center">结语</h2>',
        '<p>段落</p>',
        '<ol><li><p>项</p></li></ol>',
        '<ol start="4" type="i"><li><p>项</p></li></ol>',
        '<table><tbody><tr><td><p>格</p></td></tr></tbody></table>',
      ].join('\n'),
    );
    expect(out).not.toMatch(/data-|class=|colgroup|min-width/);
  });

  it('nests marks: a link partly bold is one link, bold text partly italic one <strong>', () => {
    const href = 'https://example.org/';
    const out = htmlBody(
      parseContent(doc(p(text('前', link(href)), text('粗', link(href), { type: 'bold' }), text('后', { type: 'bold' }, { type: 'italic' })))),
    );
    expect(out).toBe('<p><a href="https://example.org/">前<strong>粗</strong></a><strong><em>后</em></strong></p>');
  });

  it('writes the signature block once, after the body, wherever it stands', () => {
    const signature = { type: 'signature', attrs: { issuer: '青山镇政协联工委', date: '2026-12-20' } };
    const content = doc(p(text('正文')), signature, p(text('后记')));
    const expected = '<p>正文</p>\n<p>后记</p>\n<footer style="text-align: right"><p>青山镇政协联工委</p><p>2026年12月20日</p></footer>';
    expect(contentHtml(content)).toBe(expected);
    expect(exportedBody(content)).toBe(expected);
  });

  it('writes the headings with their automatic numbers, and leaves the title rule to the export', () => {
    const content = doc({ type: 'heading', attrs: { level: 1 } }, { type: 'heading', attrs: { level: 2, numbering: 'auto' }, content: [text('工作')] });
    expect(contentHtml(content)).toBe('<h1></h1>\n<h2>一、工作</h2>');
    expect(htmlBody(parseContent(content), { documentTitle: '标题' })).toBe('<h1>标题</h1>\n<h2>一、工作</h2>');
  });
});
