// readDocxContent: a Word file read into the shared schema, each 公文 rule on a small file.
import { describe, expect, it } from 'vitest';
import { readDocxContent } from './readDocxContent.js';
import { docxFile, p, table, type ParagraphSpec, type RunSpec } from './testing/makeDocx.js';
import { checkSchema, markedTexts, outline } from './testing/outline.js';
import { InvalidDocxError } from './types.js';

async function read(children: Parameters<typeof docxFile>[0]) {
  const result = await readDocxContent(await docxFile(children));
  checkSchema(result.json);
  return { ...result, lines: outline(result.json) };
}

const body = (runs: RunSpec | RunSpec[], spec?: ParagraphSpec) => p(runs, spec);
const LONG = '全年共组织委员开展视察调研活动十二次，形成调研报告五篇，其中两篇得到县委主要领导批示，有关部门据此出台了具体措施。';

describe('readDocxContent: the title', () => {
  it('is the first paragraph when centred, and is centred as a level-1 heading', async () => {
    const { title, json, lines } = await read([p('某某镇政协联工委2026年工作总结', { align: 'center' }), body('正文。')]);
    expect(title).toBe('某某镇政协联工委2026年工作总结');
    expect(json.content![0].attrs).toMatchObject({ level: 1, textAlign: 'center' });
    expect(lines).toEqual(['h1 某某镇政协联工委2026年工作总结', 'p 正文。']);
  });

  it('is the first paragraph when styled Title, or in a clearly larger font', async () => {
    expect((await read([p('标题样式', { style: 'Title' }), body('正文。')])).title).toBe('标题样式');
    const larger = await read([p({ text: '大字标题', size: 22 }), body({ text: '正文一。', size: 16 }), body({ text: '正文二。', size: 16 })]);
    expect(larger.title).toBe('大字标题');
    const same = await read([p({ text: '不是标题', size: 16 }), body({ text: '正文。', size: 16 })]);
    expect(same.title).toBeNull();
  });

  it('is none when the first paragraph is body text: the document starts with an empty title', async () => {
    const { title, json, lines } = await read([body('今年以来，我镇政协联工委认真履职。')]);
    expect(title).toBeNull();
    expect(lines).toEqual(['h1 ', 'p 今年以来，我镇政协联工委认真履职。']);
    expect(json.content![0]).not.toHaveProperty('content');
  });

  it('is never a centred 一、 line', async () => {
    expect((await read([p('一、主要工作', { align: 'center' }), body('正文。')])).lines).toEqual(['h1 ', 'h2 主要工作', 'p 正文。']);
  });

  it('skips a leading empty title and empty paragraphs', async () => {
    const { title, lines } = await read([p('', { style: 'Title' }), p('　'), p('真正的标题', { align: 'center' }), p(''), body('正文。'), p('')]);
    expect(title).toBe('真正的标题');
    expect(lines).toEqual(['h1 真正的标题', 'p 正文。']);
  });

  it('joins a title set on two centred lines in the same large font, and a title broken by line breaks', async () => {
    const twoLines = await read([
      p({ text: '某某镇政协联工委', size: 22 }, { align: 'center' }),
      p({ text: '2026年工作总结', size: 22 }, { align: 'center' }),
      body({ text: '正文。', size: 16 }),
    ]);
    expect(twoLines.title).toBe('某某镇政协联工委2026年工作总结');
    expect(twoLines.lines).toEqual(['h1 某某镇政协联工委2026年工作总结', 'p 正文。']);
    const broken = await read([p(['某某镇政协联工委', { break: true }, '2026年工作总结'], { style: 'Title' }), body('正文。')]);
    expect(broken.lines[0]).toBe('h1 某某镇政协联工委2026年工作总结');
  });
});

describe('readDocxContent: headings from the text', () => {
  it('reads 一、 （一） 1. 1． 1、 （1） as levels 2 to 5, numbered automatically, without the typed number', async () => {
    const { json, lines } = await read([
      p('标题', { align: 'center' }),
      body('一、参政议政更主动'),
      body('（一）围绕中心建言献策'),
      body('1.召开协商会'),
      body('2．开展视察'),
      body('3、组织调研'),
      body('(1) 走访企业'),
      body('（2）座谈交流'),
      body('十一、其他'),
      body('１２．全角数字'),
    ]);
    expect(lines).toEqual([
      'h1 标题',
      'h2 参政议政更主动',
      'h3 围绕中心建言献策',
      'h4 召开协商会',
      'h4 开展视察',
      'h4 组织调研',
      'h5 走访企业',
      'h5 座谈交流',
      'h2 其他',
      'h4 全角数字',
    ]);
    for (const heading of json.content!.slice(1)) expect(heading.attrs).toMatchObject({ numbering: 'auto' });
  });

  it('takes a run-on 一、 heading up to its first 。 and the rest as a paragraph', async () => {
    const { lines, json } = await read([
      p('标题', { align: 'center' }),
      body([{ text: '一、参政议政更主动。', bold: true }, '全年召开协商会三次，提出建议十条。']),
      body('（二）服务发展更务实。委员们积极投身经济建设。'),
      body(['二、民主监督更有效', { break: true }, '全年组织视察两次。']),
    ]);
    expect(lines).toEqual([
      'h1 标题',
      'h2 参政议政更主动',
      'p 全年召开协商会三次，提出建议十条。',
      'h3 服务发展更务实',
      'p 委员们积极投身经济建设。',
      'h2 民主监督更有效',
      'p 全年组织视察两次。',
    ]);
    // the heading's bold is its level's look, not a mark
    expect(markedTexts(json).find(([text]) => text === '参政议政更主动')![1]).toEqual([]);
  });

  it('keeps a long 1. paragraph as a paragraph unless its short first sentence is bold', async () => {
    const { lines } = await read([
      p('标题', { align: 'center' }),
      body(`1.${LONG}`),
      body(`2.开展调研。${LONG}`),
      body([{ text: '3.开展视察。', bold: true }, LONG]),
      body([{ text: '（4）', bold: true }, { text: '走访企业。', font: '黑体' }, LONG]),
    ]);
    expect(lines).toEqual(['h1 标题', `p 1.${LONG}`, `p 2.开展调研。${LONG}`, 'h4 开展视察', `p ${LONG}`, 'h5 走访企业', `p ${LONG}`]);
  });

  it('keeps a short 1. sentence as a level-4 heading, a long first sentence as a paragraph', async () => {
    const longFirst = '一、全年共组织委员开展视察调研活动十二次并形成调研报告五篇其中两篇得到县委主要领导批示。后续跟进落实。';
    const { lines } = await read([p('标题', { align: 'center' }), body('1.加强理论学习。'), body(longFirst), body(LONG.replace(/^/, '二、'))]);
    expect(lines).toEqual(['h1 标题', 'h4 加强理论学习。', `p ${longFirst}`, `p 二、${LONG}`]);
  });

  it('does not take numbers in sentences for headings', async () => {
    const texts = ['2026、2027年连续两年获评先进。', '1.5万元用于委员培训。', '100. 这一条不是标题', '一是围绕中心工作建言献策。'];
    const { lines } = await read([p('标题', { align: 'center' }), ...texts.map((text) => body(text))]);
    expect(lines).toEqual(['h1 标题', ...texts.map((text) => `p ${text}`)]);
  });

  it('keeps 一是、二是 leads as bold runs in ordinary paragraphs', async () => {
    const { lines, json } = await read([
      p('标题', { align: 'center' }),
      body([{ text: '一是围绕中心工作建言献策。', bold: true }, '全年提出建议十条。']),
      body([{ text: '二是结合重点产业开展调研。', bold: true }, '形成报告三篇。']),
    ]);
    expect(lines).toEqual(['h1 标题', 'p 一是围绕中心工作建言献策。全年提出建议十条。', 'p 二是结合重点产业开展调研。形成报告三篇。']);
    expect(markedTexts(json).slice(1, 3)).toEqual([
      ['一是围绕中心工作建言献策。', ['bold']],
      ['全年提出建议十条。', []],
    ]);
  });
});

describe('readDocxContent: Word heading styles', () => {
  it('maps Heading 1–4 to levels 2–5 and takes over their typed numbers', async () => {
    const { lines } = await read([
      p('标题', { style: 'Title' }),
      p('一、参政议政', { style: 1 }),
      p('（一）建言献策', { style: 2 }),
      p('1. 协商', { style: 3 }),
      p('（1）走访', { style: 4 }),
      p('结束语', { style: 1 }),
      p('Word 编号的标题', { style: 1, ordered: 0 }),
    ]);
    // without a typed number: numbered when Word numbered it, else left unnumbered as the file shows it
    expect(lines).toEqual(['h1 标题', 'h2 参政议政', 'h3 建言献策', 'h4 协商', 'h5 走访', 'h2! 结束语', 'h2 Word 编号的标题']);
  });

  it('takes the level a typed number shows over the style (numbers are automatic: the reader sees the same)', async () => {
    const { lines } = await read([p('标题', { style: 'Title' }), p('一、主要工作', { style: 2 }), p('1. 召开协商会', { style: 2 })]);
    expect(lines).toEqual(['h1 标题', 'h2 主要工作', 'h4 召开协商会']);
  });

  it('leaves numbered 正文 paragraphs of a styled file as paragraphs, unless their number and first sentence are bold', async () => {
    const { lines } = await read([
      p('标题', { style: 'Title' }),
      p('一、主要工作', { style: 1 }),
      body('1. 召开协商会'),
      body('（二）加强学习。组织委员学习四次。'),
      body({ text: '（一）加强学习', bold: true }),
      body([{ text: '（二）开展调研。', bold: true }, '形成报告三篇。']),
    ]);
    expect(lines).toEqual([
      'h1 标题',
      'h2 主要工作',
      'p 1. 召开协商会',
      'p （二）加强学习。组织委员学习四次。',
      'h3 加强学习',
      'h3 开展调研',
      'p 形成报告三篇。',
    ]);
  });
});

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
