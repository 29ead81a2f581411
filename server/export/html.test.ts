import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { templateContent } from '../../shared/templates.js';
import { documentTexts } from './documentTexts.js';
import { exportHtml } from './html.js';
import { approvedSummary, filledSummary, richDocument, SUMMARY_TITLE, summaryTemplate } from './testing/fixtures.js';
import type { ExportInput } from './types.js';

const html = (content: JSONContent, extra: Partial<ExportInput> = {}) => exportHtml({ ...approvedSummary(content), signature: null, ...extra });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string): JSONContent => ({ type: 'text', text: value });

/** Every start tag's name and attribute names. */
function tags(out: string): { name: string; attrs: Record<string, string> }[] {
  return [...out.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: Object.fromEntries([...m[2].matchAll(/([^\s=]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ''])),
  }));
}

const ALLOWED_ATTRIBUTES = new Set(['class', 'lang', 'charset', 'name', 'content', 'href', 'style', 'start', 'type', 'colspan', 'rowspan']);

/** The contents of every <style> element. */
const styles = (out: string): string[] => [...out.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);

describe('exportHtml: the page', () => {
  const out = exportHtml({ ...approvedSummary(richDocument()), draft: true, comments: [comment()] });

  it('is a complete standalone document', () => {
    expect(out.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n')).toBe(true);
    expect(out).toContain(`<title>${SUMMARY_TITLE}</title>`);
    expect(out.trimEnd().endsWith('</body>\n</html>')).toBe(true);
  });

  it("holds no script, data attribute or class but the placeholders' one, and no style but the page's own: only what a reader wrote", () => {
    for (const tag of tags(out + html(summaryTemplate()))) {
      expect(['script', 'iframe', 'object', 'img', 'link']).not.toContain(tag.name);
      for (const name of Object.keys(tag.attrs)) expect(ALLOWED_ATTRIBUTES.has(name), `${tag.name} ${name}`).toBe(true);
      if (tag.attrs.style !== undefined) expect(tag.attrs.style).toMatch(/^text-align: (left|center|right|justify)$/);
      if (tag.attrs.class !== undefined) expect(`${tag.name}.${tag.attrs.class}`).toBe('mark.guidance');
    }
  });

  it('has one <style> element, in <head>, the same static sheet whatever the document holds', () => {
    const head = out.slice(0, out.indexOf('</head>'));
    expect(styles(out)).toHaveLength(1);
    expect(styles(head)).toHaveLength(1);
    const hostile = exportHtml({
      ...approvedSummary(doc(p(text('</style><style>body{display:none}</style>')))),
      title: '</style><script>alert(1)</script>',
      draft: true,
      comments: [comment()],
      signature: { issuer: '}</style>', date: '*{color:red}' },
    });
    expect(styles(hostile)).toEqual(styles(out));
    expect(styles(html(richDocument()))).toEqual(styles(exportHtml({ ...approvedSummary(summaryTemplate()), title: '别的标题' })));
    expect(styles(out)[0]).not.toContain('<');
  });

  it('is an A4 page with the margins of GB/T 9704, 3号 仿宋 on a 22-line grid, "— N —" page numbers on the outer side', () => {
    const [sheet] = styles(out);
    expect(sheet).toMatch(/@page \{\s*size: A4;\s*margin: 37mm 26mm 35mm 28mm;/);
    expect(sheet).toMatch(
      /html \{\s*font-family: "公文西文", "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC"[^;]*;\s*font-size: 16pt;\s*line-height: 28.95pt;\s*letter-spacing: -0.25pt;/,
    );
    expect(sheet).toMatch(/@page :right \{\s*@bottom-right \{\s*content: "— " counter\(page\) " —";/);
    expect(sheet).toMatch(/@page :left \{\s*@bottom-left \{\s*content: "— " counter\(page\) " —";/);
    expect(sheet).toContain('@media screen');
  });

  it('sets text-align only where the writer set an alignment', () => {
    expect(out).toContain('<h1 style="text-align: center">综合测试文档</h1>');
    expect(out).toContain('<p style="text-align: right">右对齐</p>');
    expect(out).toContain('<p style="text-align: justify">两端对齐</p>');
    expect(out).toContain('<h2>一、格式与链接</h2>');
    expect(out).toContain('<p>ABCDEFGH</p>');
  });

  it('marks a draft 草稿: at the top of the page on screen, at the top right of every printed page', () => {
    expect(out).toContain('<body>\n<header>草稿</header>\n<h1');
    expect(styles(out)[0]).toMatch(/@top-right \{\s*content: "草稿";/);
    expect(html(richDocument())).not.toContain('草稿');
  });
});

describe('exportHtml: content', () => {
  const out = html(richDocument());

  it('writes semantic elements for every node and mark', () => {
    expect(out).toContain('<p>普通文本，<strong>加粗</strong>、<em>斜体</em>、<s>删除线</s>、<u>下划线</u>、<strong>粗<em>斜</em></strong>。');
    expect(out).toContain('数据<br>第二行 Times New Roman 2026</p>');
    expect(out).toContain('<h3>（一）列表</h3>');
    expect(out).toContain('<h4>1.引用、分隔线与表格</h4>');
    expect(out).toContain('<ul><li><p>第一项</p></li><li><p>第二项</p><ol start="3"><li><p>嵌套三</p></li>');
    expect(out).toContain('<blockquote><p>引用的话。</p></blockquote>\n<hr>\n<table><tbody><tr><th><p>项目</p></th>');
    expect(out).toContain('<td rowspan="2"><p>委员</p></td>');
    expect(out).toContain('<td colspan="2"><p>合计</p></td>');
  });

  it('escapes text, so <script> in it stays text', () => {
    expect(out).toContain('<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;不是标签&lt;/b&gt;</p>');
    expect(out).not.toMatch(/<script/i);
    const hostile = exportHtml({
      ...approvedSummary(doc(p(text('x')))),
      title: '</title><script>alert(1)</script>',
      signature: { issuer: '<img src=x onerror=alert(1)>', date: '"日期"' },
    });
    expect(hostile).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(hostile).toContain('<footer style="text-align: right"><p>&lt;img src=x onerror=alert(1)&gt;</p><p>&quot;日期&quot;</p></footer>');
    expect(hostile).not.toMatch(/<script|<img/i);
  });

  it('keeps only http, https and mailto links', () => {
    expect(out).toContain('<a href="https://www.cppcc.gov.cn/">政协网站</a>');
    expect(out).toContain('<a href="mailto:office@example.org">邮箱</a>');
    expect(out).toContain('，坏链接，数据<br>');
    expect(out).not.toMatch(/javascript:|data:/);
    const quoted = html(doc(p({ type: 'text', text: 'q', marks: [{ type: 'link', attrs: { href: 'https://example.org/?a="b"&c=<d>' } }] })));
    expect(quoted).toContain('<a href="https://example.org/?a=%22b%22&amp;c=%3Cd%3E">q</a>');
  });

  it('drops characters XML cannot hold', () => {
    expect(out).toContain('<p>ABCDEFGH</p>');
    expect(out).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFE\uFFFF]/);
  });

  it('is complete: every text of the summary is in it', () => {
    const summary = exportHtml(approvedSummary()).replace(/<[^>]+>/g, '');
    for (const t of documentTexts(filledSummary())) expect(summary).toContain(t);
  });

  it('writes the template with its title, sections and signature', () => {
    const summary = exportHtml(approvedSummary(summaryTemplate()));
    expect(summary).toContain(`<h1 style="text-align: center">${SUMMARY_TITLE}</h1>`);
    expect(summary).toContain('<h2>一、参政议政更主动</h2>');
    expect(summary).toContain('<p><strong>一是围绕中心工作建言献策。</strong><mark class="guidance">〔围绕哪些中心工作');
    expect(summary).toContain('<footer style="text-align: right"><p>青山镇政协联工委</p><p>2026年12月20日</p></footer>\n</body>');
  });
});

function comment(): NonNullable<ExportInput['comments']>[number] {
  return {
    id: 't1',
    author: '张<委员>',
    date: new Date('2026-12-01T02:30:00Z'),
    body: '<script>alert(1)</script>\n第二段',
    replies: [{ author: '李主任', date: new Date('2026-12-02T01:00:00Z'), body: '同意 & 附议' }],
    from: 0,
    to: 6,
  };
}

describe('exportHtml: guidance', () => {
  const out = html(summaryTemplate());

  it('marks every unfilled placeholder, its text unchanged', () => {
    expect(out).toContain('<strong>一是围绕中心工作建言献策。</strong><mark class="guidance">〔围绕哪些中心工作；');
    const marked = [...out.matchAll(/<mark class="guidance">(.*?)<\/mark>/g)].map((m) => m[1]);
    expect(marked).toEqual(guidancePlaceholders(summaryTemplate()));
  });

  it('marks a placeholder written in several runs once', () => {
    const guidance = (value: string, ...marks: string[]): JSONContent => ({
      type: 'text',
      text: value,
      marks: [{ type: 'guidance' }, ...marks.map((type) => ({ type }))],
    });
    expect(html(doc(p(guidance('〔调研'), guidance('题目〕', 'bold'))))).toContain('<p><mark class="guidance">〔调研<strong>题目〕</strong></mark></p>');
  });
});

describe('exportHtml: guidance left out', () => {
  const out = html(templateContent('year-end-summary-three-part', SUMMARY_TITLE), { guidance: 'omit' });

  it('writes no placeholder and no mark', () => {
    expect(out).not.toContain('〔');
    expect(out).not.toContain('<mark');
  });

  it('keeps the text around the guidance, and drops a paragraph that held only guidance', () => {
    expect(out).toContain('<p>年，政协联工委在县政协的精心指导和镇党委的坚强领导下，。现将一年来工作总结如下：</p>');
    expect(out).toContain('<h3>（一）加强思想政治引领，提升委员履职能力</h3>\n<h3>（二）围绕中心服务大局，积极协商议政</h3>');
    expect(out).not.toMatch(/<p[^>]*><\/p>/);
  });
});

describe('exportHtml: comments', () => {
  it('lists the comments in a final section, as escaped plain text', () => {
    const out = html(richDocument(), { comments: [comment()] });
    const section = out.slice(out.indexOf('<section>'), out.indexOf('</section>') + '</section>'.length);
    expect(out.indexOf('<section>')).toBeGreaterThan(out.indexOf('两端对齐'));
    expect(section).toBe(
      [
        '<section>',
        '<h2>批注</h2>',
        '<ol>',
        '<li><p><strong>张&lt;委员&gt;</strong>（2026年12月1日 10:30）</p><blockquote><p>综合测试文档</p></blockquote>' +
          '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>第二段</p>' +
          '<ul><li><strong>李主任</strong>（2026年12月2日 09:00）：同意 &amp; 附议</li></ul></li>',
        '</ol>',
        '</section>',
      ].join('\n'),
    );
  });

  it('has no comments section without comments', () => {
    expect(html(richDocument(), { comments: null })).not.toContain('批注');
    expect(html(richDocument(), { comments: [] })).not.toContain('批注');
  });
});
