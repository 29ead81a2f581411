// 修订 (suggestions) in the content API and the HTML and Markdown exports:
// the text as agreed so far, the markup showing who proposed what.
import type { JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { renderContent } from '../documents/renderContent.js';
import { exportHtml } from './html.js';
import { exportMarkdown } from './markdown.js';
import { approvedSummary } from './testing/fixtures.js';

// 2026-12-07 19:43 in China
const AT = Date.UTC(2026, 11, 7, 11, 43);
const ins = (id: string, author = 'alice') => ({ type: 'suggestionInsert', attrs: { id, author, createdAt: AT } });
const del = (id: string, author = 'bob') => ({ type: 'suggestionDelete', attrs: { id, author, createdAt: AT } });
const fmt = (id: string, add: string[], remove: string[] = []) => ({ type: 'suggestionFormat', attrs: { id, author: 'carol', createdAt: AT, add, remove } });
const text = (value: string, ...marks: NonNullable<JSONContent['marks']>): JSONContent =>
  marks.length ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });

const contentApi = (content: JSONContent) => renderContent(prosemirrorJSONToYDoc(schema, content, BODY_FRAGMENT).getXmlFragment(BODY_FRAGMENT));
const md = (content: JSONContent, authors?: Record<string, string>) => exportMarkdown({ ...approvedSummary(content), title: '', signature: null, authors });

const content = doc(
  p(text('会议'), text('于周五', del('d1')), text('在村委会', ins('i1')), text('召开', fmt('f1', ['bold']))),
  p(text('原有', { type: 'bold' }), text('加粗插入', ins('i2'), { type: 'bold' })),
  { type: 'table', content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [p(text('单元格'), text('删去', del('d2')))] }] }] },
);

describe('content API: the text as agreed so far', () => {
  it('leaves proposed insertions out, keeps proposed deletions, applies no proposed format', () => {
    const { text: plain, json } = contentApi(content);
    expect(plain).toBe('会议于周五召开\n原有\n单元格删去');
    // the json keeps every suggestion
    expect(JSON.stringify(json)).toContain('"suggestionInsert"');
    expect(JSON.stringify(json)).toContain('"suggestionFormat"');
  });

  it('brings stored absurd attributes into what renderers show', () => {
    const odd = doc(p(text('插入', { type: 'suggestionInsert', attrs: { id: 'x'.repeat(500), author: 'a'.repeat(100_000), createdAt: 'soon' } })));
    const { json, html } = contentApi(odd);
    const mark = (json as JSONContent).content![0].content![0].marks![0];
    expect(mark.attrs).toEqual({ id: 'x'.repeat(64), author: 'a'.repeat(64), createdAt: 0 });
    expect(html).toBe(`<p><ins data-author="${'a'.repeat(64)}" title="${'a'.repeat(64)}">插入</ins></p>`);
  });
});

describe('HTML: <ins> and <del> with the author and the time', () => {
  it('in the content API', () => {
    const { html } = contentApi(content);
    expect(html).toContain('<del data-author="bob" title="bob · 2026年12月7日 19:43">于周五</del>');
    expect(html).toContain('<ins data-author="alice" title="alice · 2026年12月7日 19:43">在村委会</ins>');
    // a proposed format change: the text as it stands
    expect(html).toContain('</ins>召开</p>');
    // a suggestion is one element around the marks inside it
    expect(html).toContain('<strong>原有</strong><ins data-author="alice" title="alice · 2026年12月7日 19:43"><strong>加粗插入</strong></ins>');
    expect(html).toContain('<td><p>单元格<del data-author="bob" title="bob · 2026年12月7日 19:43">删去</del></p></td>');
  });

  it('in the HTML export, with the display names it is given', () => {
    const out = exportHtml({ ...approvedSummary(content), authors: { alice: '王委员', bob: '李主任' } });
    expect(out).toContain('<ins data-author="alice" title="王委员 · 2026年12月7日 19:43">在村委会</ins>');
    expect(out).toContain('<del data-author="bob" title="李主任 · 2026年12月7日 19:43">于周五</del>');
  });

  it('escapes what an author name holds', () => {
    const { html } = contentApi(doc(p(text('x', ins('i', '"><script>')))));
    expect(html).toBe('<p><ins data-author="&quot;&gt;&lt;script&gt;" title="&quot;&gt;&lt;script&gt; · 2026年12月7日 19:43">x</ins></p>');
  });
});

describe('Markdown: <ins> and <del>', () => {
  it('writes insertions and deletions as inline HTML, and a proposed format change as the text stands', () => {
    const out = md(content);
    const T = 'title="alice · 2026年12月7日 19:43"';
    const B = 'title="bob · 2026年12月7日 19:43"';
    expect(out).toContain(`会议<del ${B}>于周五</del><ins ${T}>在村委会</ins>召开`);
    expect(out).not.toContain('**召开');
    expect(out).toContain(`**原有<ins ${T}>加粗插入</ins>**`);
    expect(out).toContain(`| 单元格<del ${B}>删去</del> |`);
  });

  it('tells a proposed deletion from a strikethrough, and escapes the title', () => {
    expect(md(doc(p(text('删'), text('划掉', { type: 'strike' }, del('d')))))).toBe('删<del><del title="bob · 2026年12月7日 19:43">划掉</del></del>\n');
    expect(md(doc(p(text('x', ins('i', '"><b>')))))).toBe('<ins title="&#34;&#62;&#60;b&#62; · 2026年12月7日 19:43">x</ins>\n');
  });
});
