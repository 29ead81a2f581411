// readDocxContent: a Word file read into the shared schema — the signature, the all-正文 summary, inline content, tables, lists, and what is left out.
import { describe, expect, it } from 'vitest';
import { readDocxContent } from './readDocxContent.js';
import { p, table } from './testing/makeDocx.js';
import { markedTexts } from './testing/outline.js';
import { body, LONG, read } from './testing/readDocx.js';
import { InvalidDocxError } from './types.js';

describe('readDocxContent: 署名 and 成文日期', () => {
  it('reads the right-aligned issuer and date at the end as one signature block', async () => {
    const { lines, json } = await read([
      p('标题', { align: 'center' }),
      body('正文。'),
      p(''),
      p('某某镇政协联工委', { align: 'right' }),
      p('2026年12月7日', { align: 'right' }),
    ]);
    expect(lines).toEqual(['h1 标题', 'p 正文。', 'sig 某某镇政协联工委|2026-12-07']);
    expect(json.content!.at(-1)).toEqual({ type: 'signature', attrs: { issuer: '某某镇政协联工委', date: '2026-12-07' } });
  });

  it('reads dates in Chinese numerals and with spaces, lines indented far right or pushed by spaces', async () => {
    const chinese = await read([body('正文。'), p('某某镇人民政府', { indentLeft: 5000 }), p('二〇二六年十二月七日', { indentLeft: 5000 })]);
    expect(chinese.lines.slice(-1)).toEqual(['sig 某某镇人民政府|2026-12-07']);
    const spaced = await read([body('正文。'), p('　　　　　　　　某某镇政协联工委'), p('　　　　　　　　2026年12月 7日')]);
    expect(spaced.lines.slice(-1)).toEqual(['sig 某某镇政协联工委|2026-12-07']);
    const oneParagraph = await read([body('正文。'), p(['某某镇政协联工委', { break: true }, '2026年12月20日'], { align: 'right' })]);
    expect(oneParagraph.lines.slice(-1)).toEqual(['sig 某某镇政协联工委|2026-12-20']);
  });

  it('takes a date alone; leaves a left-aligned date, a sentence and an impossible date as paragraphs', async () => {
    expect((await read([body('正文。'), p('2026年12月7日', { align: 'right' })])).lines.slice(-1)).toEqual(['sig |2026-12-07']);
    expect((await read([body('正文。'), p('2026年12月7日')])).lines.slice(-1)).toEqual(['p 2026年12月7日']);
    expect((await read([body('正文。'), p('特此报告。', { align: 'right' }), p('2026年2月30日', { align: 'right' })])).lines.slice(-2)).toEqual([
      'p 特此报告。',
      'p 2026年2月30日',
    ]);
    expect((await read([body('正文。'), p('特此报告。', { align: 'right' }), p('2026年2月3日', { align: 'right' })])).lines.slice(-2)).toEqual([
      'p 特此报告。',
      'sig |2026-02-03',
    ]);
  });
});

describe('readDocxContent: the all-正文 summary', () => {
  it('is structured by its text: Normal paragraphs with bold and 黑体/楷体 runs, no heading styles', async () => {
    const hei = (text: string) => ({ text, font: '黑体', size: 16 });
    const kai = (text: string) => ({ text, font: '楷体_GB2312', size: 16 });
    const plain = (text: string) => ({ text, font: '仿宋_GB2312', size: 16 });
    const { title, lines, json } = await read([
      p(''),
      p({ text: '某某镇政协联工委2026年工作总结', font: '方正小标宋简体', size: 22 }),
      p(''),
      body(plain('2026年，我镇政协联工委在县政协的悉心指导下，认真履行职能。现将一年来的工作总结如下：')),
      body(hei('一、参政议政更主动')),
      body([{ text: '一是围绕中心工作建言献策。', bold: true, size: 16 }, plain('全年提出建议十条。')]),
      body([kai('（一）加强学习，提升能力。'), plain('组织委员集中学习四次，参加人数一百余人次。')]),
      body(plain('二、存在的问题')),
      body(plain('调查研究不够深入。')),
      body(plain('三、下一年工作打算')),
      body([{ text: '1.加强学习。', bold: true, size: 16 }, plain(LONG)]),
      body(plain(`2.${LONG}`)),
      p(''),
      p(plain('某某镇政协联工委'), { align: 'right' }),
      p(plain('2026年12月7日'), { align: 'right' }),
    ]);
    expect(title).toBe('某某镇政协联工委2026年工作总结');
    expect(lines).toEqual([
      'h1 某某镇政协联工委2026年工作总结',
      'p 2026年，我镇政协联工委在县政协的悉心指导下，认真履行职能。现将一年来的工作总结如下：',
      'h2 参政议政更主动',
      'p 一是围绕中心工作建言献策。全年提出建议十条。',
      'h3 加强学习，提升能力',
      'p 组织委员集中学习四次，参加人数一百余人次。',
      'h2 存在的问题',
      'p 调查研究不够深入。',
      'h2 下一年工作打算',
      'h4 加强学习',
      `p ${LONG}`,
      `p 2.${LONG}`,
      'sig 某某镇政协联工委|2026-12-07',
    ]);
    expect(json.content![2].attrs).toEqual({ level: 2, textAlign: null, numbering: 'auto' });
  });
});

describe('readDocxContent: paragraphs, marks, tables, lists, links', () => {
  it('keeps bold, italic, underline, strike, hard breaks, and centre/right alignment (justified is the default)', async () => {
    const { json } = await read([
      p('标题', { align: 'center' }),
      body([
        { text: '粗', bold: true },
        { text: '斜', italics: true },
        { text: '下划线', underline: true },
        { text: '删除', strike: true },
        { break: true },
        '下一行',
      ]),
      body('居中', { align: 'center' }),
      body('靠右', { align: 'right' }),
      body('两端', { align: 'both' }),
      body('靠左', { align: 'left' }),
    ]);
    const [, marked, center, right, justify, left] = json.content!;
    expect(marked.content).toEqual([
      { type: 'text', text: '粗', marks: [{ type: 'bold' }] },
      { type: 'text', text: '斜', marks: [{ type: 'italic' }] },
      { type: 'text', text: '下划线', marks: [{ type: 'underline' }] },
      { type: 'text', text: '删除', marks: [{ type: 'strike' }] },
      { type: 'hardBreak' },
      { type: 'text', text: '下一行' },
    ]);
    expect([center, right, justify, left].map((block) => block.attrs?.textAlign)).toEqual(['center', 'right', null, null]);
  });

  it('keeps highlighted 〔…〕 as guidance and drops other highlights', async () => {
    const { json } = await read([body([{ text: '〔年份〕', highlight: 'yellow' }, '年，', { text: '重点', highlight: 'green' }])]);
    expect(markedTexts(json)).toEqual([
      ['〔年份〕', ['guidance']],
      ['年，重点', []],
    ]);
  });

  it('keeps http, https and mailto links; other links become text', async () => {
    const { json } = await read([
      body([
        { link: 'https://www.cppcc.gov.cn/', text: '政协网站' },
        '、',
        { link: 'mailto:office@example.org', text: '邮箱' },
        '、',
        { link: 'file:///etc/passwd', text: '文件' },
      ]),
    ]);
    expect(markedTexts(json)).toEqual([
      ['政协网站', ['link']],
      ['、', []],
      ['邮箱', ['link']],
      ['、文件', []],
    ]);
  });

  it('reads tables with spans and a bold first row as header cells', async () => {
    const { lines } = await read([
      p('标题', { align: 'center' }),
      table([
        [
          { text: '项目', bold: true },
          { text: '数量', bold: true },
        ],
        [{ text: '提案', rowSpan: 2 }, '12'],
        ['8'],
        [{ text: '合计20件', colSpan: 2 }],
      ]),
      table([['甲', '乙']], { header: true }),
    ]);
    expect(lines).toEqual(['h1 标题', 'table', '| *项目* | *数量* |', '| 提案{1x2} | 12 |', '| 8 |', '| 合计20件{2x1} |', 'table', '| *甲* | *乙* |']);
  });

  it('reads Word numbering of body paragraphs as bullet and ordered lists, nested by level', async () => {
    const { lines } = await read([
      p('标题', { align: 'center' }),
      body('第一项', { bullet: 0 }),
      body('第一项之一', { bullet: 1 }),
      body('第二项', { bullet: 0 }),
      body('中间段落。'),
      body('甲', { ordered: 0 }),
      body('乙', { ordered: 0 }),
    ]);
    expect(lines).toEqual(['h1 标题', '- 第一项', '  - 第一项之一', '- 第二项', 'p 中间段落。', '1. 甲', '1. 乙']);
  });
});

describe('readDocxContent: what is left out, and files it cannot read', () => {
  it('counts pictures, note references and equations', async () => {
    const { warnings, lines } = await read([body(['图', { image: true }, '见注', { footnote: 1 }, '，公式', { math: 'x+1' }]), body({ image: true })]);
    expect(lines).toEqual(['h1 ', 'p 图见注，公式']);
    expect(warnings).toEqual(
      expect.arrayContaining([
        { code: 'images', count: 2 },
        { code: 'notes', count: 1 },
        { code: 'objects', count: 1 },
      ]),
    );
    expect(warnings).toHaveLength(3);
  });

  it('throws InvalidDocxError for a file that is not a .docx', async () => {
    await expect(readDocxContent(new TextEncoder().encode('not a zip'))).rejects.toBeInstanceOf(InvalidDocxError);
  });
});
