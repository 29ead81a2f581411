// exportDocx: type: the title, headings and body in their fonts and sizes, East Asian fonts on every run.
import { describe, expect, it } from 'vitest';
import {
  W,
  attr,
  exported,
  paragraphs,
  runFonts,
  runSize,
  runSpacing,
  isBold,
  highlight,
  textRuns,
  pPr,
  textblockTexts,
  comment,
} from './testing/docxQuery.js';
import { approvedSummary, richDocument, SUMMARY_TITLE, summaryTemplate } from './testing/fixtures.js';
import { child, find, findAll, wordText } from './testing/xml.js';

describe('exportDocx: type (GONGWEN.md)', async () => {
  const content = summaryTemplate();
  const { body } = await exported(approvedSummary(content));
  const ps = paragraphs(body);
  const byText = (text: string) => ps.find((p) => wordText(p) === text)!;

  it('writes the title in 2号 方正小标宋简体, centred, with a blank line under it', () => {
    const title = ps[0];
    expect(wordText(title)).toBe(SUMMARY_TITLE);
    expect(attr(child(pPr(title), W('jc')), 'val')).toBe('center');
    expect(attr(child(pPr(title), W('spacing')), 'after')).toBe('579');
    for (const run of textRuns(title)) {
      expect(attr(runFonts(run), 'eastAsia')).toBe('方正小标宋简体');
      expect(runSize(run)).toBe('44');
      expect(runSpacing(run)).toBeUndefined(); // 2号 keeps its own width, not the grid's
      expect(isBold(run)).toBe(false);
    }
  });

  it('writes 一、 headings in 3号 黑体, indented two characters, not bold', () => {
    const heading = byText('一、参政议政更主动');
    expect(child(pPr(heading), W('ind'))?.attrs).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    for (const run of textRuns(heading)) {
      expect(attr(runFonts(run), 'eastAsia')).toBe('黑体');
      expect(runSize(run)).toBe('32');
      expect(runSpacing(run)).toBe('-5');
      expect(isBold(run)).toBe(false);
    }
  });

  it('writes the body in 3号 仿宋_GB2312, justified, first line indented two characters, on the grid', () => {
    const lead = ps.find((p) => wordText(p).startsWith('一是围绕中心工作建言献策。'))!;
    expect(attr(child(pPr(lead), W('jc')), 'val')).toBe('both');
    expect(child(pPr(lead), W('ind'))?.attrs).toMatchObject({ 'w:firstLineChars': '200', 'w:firstLine': '640' });
    expect(child(pPr(lead), W('spacing'))?.attrs).toMatchObject({ 'w:line': '579', 'w:lineRule': 'exact' });
    const [leadRun, guidanceRun] = textRuns(lead);
    expect(wordText(leadRun)).toBe('一是围绕中心工作建言献策。');
    expect(isBold(leadRun)).toBe(true); // the run-in lead
    expect(isBold(guidanceRun)).toBe(false);
    expect(highlight(leadRun)).toBeUndefined();
    expect(highlight(guidanceRun)).toBe('yellow'); // a placeholder, not written text
    for (const run of [leadRun, guidanceRun]) {
      expect(runFonts(run)?.attrs).toMatchObject({
        'w:ascii': 'Times New Roman',
        'w:hAnsi': 'Times New Roman',
        'w:cs': 'Times New Roman',
        'w:eastAsia': '仿宋_GB2312',
        'w:hint': 'eastAsia',
      });
      expect(runSize(run)).toBe('32');
      expect(runSpacing(run)).toBe('-5'); // 15.75 pt a character: 28 to the line (gongwen.ts)
      expect(attr(child(child(run, W('rPr')), W('lang')), 'eastAsia')).toBe('zh-CN');
    }
  });

  it('keeps the text of every textblock, then the signature', () => {
    expect(ps.map(wordText).filter(Boolean)).toEqual([...textblockTexts(content).filter(Boolean), '青山镇政协联工委', '2026年12月20日']);
  });

  it('writes (一) headings in 楷体_GB2312 bold and 1. headings in 仿宋_GB2312', async () => {
    const { body: rich } = await exported({ ...approvedSummary(richDocument()), signature: null });
    const find3 = paragraphs(rich).find((p) => wordText(p) === '（一）列表')!;
    const find4 = paragraphs(rich).find((p) => wordText(p) === '1.引用、分隔线与表格')!;
    expect(textRuns(find3).every((r) => attr(runFonts(r), 'eastAsia') === '楷体_GB2312' && isBold(r) && runSize(r) === '32')).toBe(true);
    expect(textRuns(find4).every((r) => attr(runFonts(r), 'eastAsia') === '仿宋_GB2312' && !isBold(r) && runSize(r) === '32')).toBe(true);
  });
});

describe('exportDocx: every run has its East Asian font', () => {
  it('in the body, headers, footers and comments', async () => {
    const { parts } = await exported({ ...approvedSummary(richDocument()), draft: true, comments: [comment(0, 4)] });
    const xmlParts = parts.names.filter((name) => /^word\/(document|header\d*|footer\d*|comments)\.xml$/.test(name));
    expect(xmlParts).toEqual(expect.arrayContaining(['word/document.xml', 'word/header1.xml', 'word/footer1.xml', 'word/footer2.xml', 'word/comments.xml']));
    for (const name of xmlParts) {
      const runs = findAll(await parts.xml(name), W('r'));
      expect(runs.length, name).toBeGreaterThan(0);
      const missing = runs.filter((run) => !attr(runFonts(run), 'eastAsia'));
      expect(missing, `${name}: runs without w:eastAsia`).toEqual([]);
    }
  });

  it('with Latin letters and digits in Times New Roman in the body', async () => {
    const { body } = await exported(approvedSummary(richDocument()));
    const latin = findAll(body, W('r')).filter((run) => /[A-Za-z0-9]/.test(wordText(run)));
    expect(latin.length).toBeGreaterThan(0);
    for (const run of latin) expect(runFonts(run)?.attrs).toMatchObject({ 'w:ascii': 'Times New Roman', 'w:hAnsi': 'Times New Roman' });
  });
});

describe('exportDocx: the title', () => {
  it('is the document title when the body has no level-1 heading', async () => {
    const content = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '正文' }] }] };
    const { body } = await exported({ ...approvedSummary(content), title: '关于<某事>的报告', signature: null });
    const [title, text] = paragraphs(body);
    expect(wordText(title)).toBe('关于<某事>的报告');
    expect(attr(find(title, W('rFonts')), 'eastAsia')).toBe('方正小标宋简体');
    expect(wordText(text)).toBe('正文');
  });

  it('breaks a title longer than a line into lines of about equal length', async () => {
    const long = '青山镇政协联工委关于开展委员履职能力提升年活动情况和下一步工作打算的报告';
    const content = { type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: long }] }] };
    const { body } = await exported({ ...approvedSummary(content), signature: null });
    const title = paragraphs(body)[0];
    expect(wordText(title)).toBe(long);
    const lines: string[] = [''];
    for (const el of find(title, W('r')) ? findAll(title, W('r')) : []) {
      if (find(el, W('br'))) lines.push('');
      lines[lines.length - 1] += wordText(el);
    }
    expect(lines).toHaveLength(2);
    expect(Math.abs(lines[0].length - lines[1].length)).toBeLessThanOrEqual(1);
  });
});
