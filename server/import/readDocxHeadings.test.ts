// readDocxContent: a Word file read into the shared schema — the title and the section headings, each 公文 rule on a small file.
import { describe, expect, it } from 'vitest';
import { p } from './testing/makeDocx.js';
import { markedTexts } from './testing/outline.js';
import { body, LONG, read } from './testing/readDocx.js';

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

  it('takes a bold heading running on into plain text with no 。 between at the end of its bold', async () => {
    const { lines } = await read([
      p('标题', { align: 'center' }),
      body([{ text: '二、围绕中心，积极建言献策', bold: true }, '全年提出建议20条，其中12条被采纳。']),
      body([{ text: '（一）', bold: true }, { text: '深入调研：', font: '楷体', bold: true }, '走访企业十二家。']),
      body([{ text: '三、', bold: true }, '存在的不足是学习不够深入，调研不够扎实，作用发挥不够均衡，少数委员参加活动不够主动']),
    ]);
    expect(lines).toEqual([
      'h1 标题',
      'h2 围绕中心，积极建言献策',
      'p 全年提出建议20条，其中12条被采纳。',
      'h3 深入调研',
      'p 走访企业十二家。',
      'p 三、存在的不足是学习不够深入，调研不够扎实，作用发挥不够均衡，少数委员参加活动不够主动',
    ]);
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
