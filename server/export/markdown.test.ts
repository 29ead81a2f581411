import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { templateContent } from '../../shared/templates.js';
import { documentTexts } from './documentTexts.js';
import { exportMarkdown } from './markdown.js';
import { approvedSummary, filledSummary, richDocument, SUMMARY_TITLE, summaryTemplate } from './testing/fixtures.js';
import type { ExportInput } from './types.js';

const md = (content: JSONContent, extra: Partial<ExportInput> = {}) => exportMarkdown({ ...approvedSummary(content), signature: null, ...extra });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const p = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string, ...types: string[]): JSONContent =>
  types.length ? { type: 'text', text: value, marks: types.map((type) => ({ type })) } : { type: 'text', text: value };

describe('exportMarkdown: the summary', () => {
  const out = exportMarkdown(approvedSummary(summaryTemplate()));

  it('writes the title as #, sections as ##, and the bold leads as **', () => {
    const lines = out.split('\n');
    expect(lines[0]).toBe(`# ${SUMMARY_TITLE}`);
    expect(lines).toContain('## 一、参政议政更主动');
    expect(lines).toContain('## 五、委员活动更多样');
    expect(out).toContain('**一是围绕中心工作建言献策。**<mark>〔围绕哪些中心工作');
    // Filled in, the lead runs on into text: its full stop goes outside the delimiters, where CommonMark still reads them.
    const filled = exportMarkdown(approvedSummary());
    expect(filled).toContain('**一是围绕中心工作建言献策**。围绕乡村振兴');
    expect(filled).toContain('**一是招商引资当好“桥梁”**。通过');
  });

  it('marks every unfilled placeholder with <mark>, its text and brackets unchanged', () => {
    expect(out).toContain('<mark>〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕</mark>');
    expect(out).toContain('## 三、民主监督更有效');
    const marked = [...out.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]);
    expect(marked).toEqual(guidancePlaceholders(summaryTemplate()));
    expect(md(doc(p(text('〔调研', 'guidance'), text('题目〕', 'guidance', 'bold'))))).toContain('\n\n<mark>〔调研**题目〕**</mark>\n');
  });

  it('ends with the signature on the right', () => {
    expect(out.trimEnd().endsWith('<p align="right">青山镇政协联工委<br>\n2026年12月20日</p>')).toBe(true);
  });

  it('starts a draft with a 草稿 line, and an approved version without', () => {
    expect(exportMarkdown({ ...approvedSummary(), draft: true }).split('\n')[0]).toBe('> 草稿');
    expect(out).not.toContain('草稿');
  });

  it('uses the document title when the body has no level-1 heading', () => {
    expect(md(doc(p(text('正文'))), { title: '关于*某事*的报告' })).toBe('# 关于\\*某事\\*的报告\n\n正文\n');
  });
});

describe('exportMarkdown: guidance left out', () => {
  const out = md(templateContent('year-end-summary-three-part', SUMMARY_TITLE), { guidance: 'omit' });

  it('writes no placeholder and no mark', () => {
    expect(out).not.toContain('〔');
    expect(out).not.toContain('<mark>');
  });

  it('keeps the text around the guidance, and drops a paragraph that held only guidance, leaving no blank lines', () => {
    expect(out).toContain('\n\n年，政协联工委在县政协的精心指导和镇党委的坚强领导下，。现将一年来工作总结如下：\n\n');
    expect(out).toContain('### （一）加强思想政治引领，提升委员履职能力\n\n### （二）围绕中心服务大局，积极协商议政');
    expect(out).not.toContain('\n\n\n');
    expect(md(doc(p(text('一是', 'bold'), text('〔提示〕', 'guidance')), p(text('〔只有提示〕', 'guidance')), p(text('正文'))), { guidance: 'omit' })).toBe(
      `# ${SUMMARY_TITLE}\n\n**一是**\n\n正文\n`,
    );
  });
});

describe('exportMarkdown: structure', () => {
  const out = md(richDocument());

  it('writes headings by level', () => {
    expect(out).toMatch(/^# 综合测试文档$/m);
    expect(out).toMatch(/^## 一、格式与链接$/m);
    expect(out).toMatch(/^### （一）列表$/m);
    expect(out).toMatch(/^#### 1\\\.引用、分隔线与表格$/m);
  });

  it('writes marks, links and hard breaks', () => {
    expect(out).toContain('普通文本，**加粗**、*斜体*、~~删除线~~、<u>下划线</u>、<strong>粗*斜*</strong>。');
    expect(out).toContain('[政协网站](https://www.cppcc.gov.cn/)，[邮箱](mailto:office@example.org)，坏链接，数据\\\n第二行 Times New Roman 2026');
  });

  it('writes nested lists with their numbers, tight where CommonMark allows', () => {
    const item = (...content: JSONContent[]): JSONContent => ({ type: 'listItem', content });
    const tight = md(
      doc({
        type: 'bulletList',
        content: [
          item(p(text('甲'))),
          item(p(text('乙')), {
            type: 'orderedList',
            attrs: { start: 1 },
            content: [item(p(text('一'))), item(p(text('二')), { type: 'bulletList', content: [item(p(text('子')))] })],
          }),
        ],
      }),
    );
    expect(tight).toContain('- 甲\n- 乙\n  1. 一\n  2. 二\n     - 子\n');
    // An ordered list from 3 cannot interrupt a paragraph: a blank line, so a loose list.
    expect(out).toContain('- 第一项\n\n- 第二项\n\n  3. 嵌套三\n  4. 嵌套四');
    expect(out).toContain('1. 步骤一\n\n2. 步骤二\n\n   步骤二的说明');
  });

  it('writes quotes, rules and GFM tables', () => {
    expect(out).toContain('\n\n> 引用的话。\n\n---\n\n');
    expect(out).toContain(
      ['| 项目 | 数量 | 备注 |', '| --- | --- | --- |', '| 委员 | 35 | 含新任 |', '|  | 36 | 年底 |', '| 合计 |  | \\|竖线\\| |'].join('\n'),
    );
  });

  it('is complete: every text of the document is in it', () => {
    const summary = exportMarkdown(approvedSummary()).replace(/\*\*/g, '');
    for (const t of documentTexts(filledSummary())) expect(summary).toContain(t);
    const plain = out.replace(/\\(.)/g, '$1');
    for (const t of ['第一项', '嵌套四', '步骤二的说明', '引用的话。', '合计', '右对齐', '两端对齐']) expect(plain).toContain(t);
  });
});

describe('exportMarkdown: escaping', () => {
  it('keeps text that looks like Markdown as text', () => {
    const out = md(
      doc(
        p(text('*不是强调* [不是链接](x) `代码` ~~波浪~~ | 竖线 \\ 反斜杠 _下划_ &amp; <b>标签</b> C# 语言 #标签')),
        p(text('# 不是标题')),
        p(text('1. 不是列表'), { type: 'hardBreak' }, text('- 也不是'), { type: 'hardBreak' }, text('> 不是引用'), { type: 'hardBreak' }, text('+ 不是')),
        p(text('===')),
        p(text('    不是代码')),
      ),
    );
    expect(out).toContain(
      '\\*不是强调\\* \\[不是链接\\](x) \\`代码\\` \\~\\~波浪\\~\\~ \\| 竖线 \\\\ 反斜杠 \\_下划\\_ \\&amp; \\<b\\>标签\\</b\\> C# 语言 \\#标签',
    );
    expect(out).toContain('\n\\# 不是标题\n');
    expect(out).toContain('1\\. 不是列表\\\n\\- 也不是\\\n\\> 不是引用\\\n\\+ 不是');
    expect(out).toContain('\n\\===\n');
    expect(out).toContain('&#32;&#32;&#32;&#32;不是代码');
  });

  it('keeps <script> as text and drops control characters', () => {
    const out = md(doc(p(text('<script>alert(1)</script>\u0001\uFFFF'))));
    expect(out).toContain('\\<script\\>alert(1)\\</script\\>\n');
    expect(out).not.toMatch(/(^|[^\\])<\/?script/); // every < of it escaped
    expect(out).not.toMatch(/[\u0001\uFFFF]/);
  });

  it('keeps only http, https and mailto links', () => {
    const link = (href: string) => ({ type: 'text', text: '点此', marks: [{ type: 'link', attrs: { href } }] });
    expect(md(doc(p(link('javascript:alert(1)'))))).toContain('\n\n点此\n');
    expect(md(doc(p(link('data:text/html,x'))))).toContain('\n\n点此\n');
    expect(md(doc(p(link('https://example.org/a (b)'))))).toContain('[点此](https://example.org/a%20%28b%29)');
    // a | would end a table cell
    expect(md(doc(p(link('https://example.org/a|b'))))).toContain('[点此](https://example.org/a%7Cb)');
  });

  it('escapes a ! before a link, which would make it an image', () => {
    const out = md(doc(p(text('看!'), { type: 'text', text: '点此', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }] })));
    expect(out).toContain('看\\![点此](https://example.org/)');
  });

  it('leaves _ between two letters or digits as it is, where it cannot be emphasis', () => {
    expect(md(doc(p(text('file_name 下_划 _x_ a_ 2_3'))))).toContain('file_name 下_划 \\_x\\_ a\\_ 2_3');
  });

  it('falls back to inline HTML where a delimiter would not be read as one', () => {
    expect(md(doc(p(text('强调', 'bold'), text('斜体', 'italic'))))).toContain('**强调**<em>斜体</em>');
    expect(md(doc(p(text('a '), text(' spaced ', 'bold'), text(' b'))))).toContain('a <strong> spaced </strong> b');
    expect(md(doc(p(text('前'), text('。', 'bold'), text('后'))))).toContain('前<strong>。</strong>后');
    expect(md(doc(p(text('前'), text('(a)', 'bold'), text('后'))))).toContain('前<strong>(a)</strong>后');
    expect(md(doc(p(text('强调', 'bold', 'italic'))))).toContain('<strong>*强调*</strong>');
  });

  it('keeps a mark open across a link inside it', () => {
    const linked = { type: 'text', text: '链接', marks: [{ type: 'link', attrs: { href: 'https://example.org/' } }, { type: 'bold' }] };
    expect(md(doc(p(text('前', 'bold'), linked, text('后', 'bold'))))).toContain('\n\n**前[链接](https://example.org/)后**\n');
    expect(md(doc(p(text('前', 'bold'), linked, text('。'))))).toContain('\n\n**前[链接](https://example.org/)**。\n');
  });
});

describe('exportMarkdown: comments', () => {
  it('lists each comment with its quote, author, date, body and replies in a final 批注 section', () => {
    const content = filledSummary();
    const all = documentTexts(content).join('\n');
    const from = all.indexOf('围绕中心工作建言献策');
    const out = exportMarkdown({
      ...approvedSummary(content),
      comments: [
        {
          id: 't1',
          author: '张*委员',
          date: new Date('2026-12-01T02:30:00Z'),
          body: '建议改为“围绕中心大局”\n# 第二段',
          replies: [{ author: '李主任', date: new Date('2026-12-02T01:00:00Z'), body: '同意' }],
          from,
          to: from + 10,
        },
      ],
    });
    const section = out.slice(out.indexOf('## 批注'));
    expect(out.indexOf('## 批注')).toBeGreaterThan(out.indexOf('2026年12月20日'));
    expect(section).toBe(
      [
        '## 批注',
        '### 1. 张\\*委员（2026年12月1日 10:30）',
        '> 围绕中心工作建言献策',
        '建议改为“围绕中心大局”\n\n\\# 第二段',
        '- **李主任**（2026年12月2日 09:00）：同意\n',
      ].join('\n\n'),
    );
  });
});
