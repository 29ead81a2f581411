// exportDocx: the text and structure of the body, and the input it accepts.
import { describe, expect, it } from 'vitest';
import { documentTexts } from './documentTexts.js';
import { exportDocx } from './docx.js';
import { W, attr, exported, paragraphs, runFonts, runSize, isBold, textRuns, pPr, textblockTexts, comment } from './testing/docxQuery.js';
import { approvedSummary, CONTROL_TEXT_CLEAN, longDocument, richDocument, XSS_TEXT } from './testing/fixtures.js';
import { child, find, findAll, wordText } from './testing/xml.js';

describe('exportDocx: text and structure', async () => {
  const content = richDocument();
  const { parts, body } = await exported({ ...approvedSummary(content), signature: null });
  const ps = paragraphs(body);
  const byText = (text: string) => ps.find((p) => wordText(p) === text)!;
  const xml = (await parts.text('word/document.xml'))!;

  it('keeps the text of every textblock, in tables and lists too', () => {
    expect(ps.map(wordText).filter(Boolean)).toEqual(textblockTexts(content).filter(Boolean));
  });

  it('escapes markup in text', () => {
    expect(byText(XSS_TEXT)).toBeDefined();
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
  });

  it('removes characters Word cannot hold', () => {
    expect(byText(CONTROL_TEXT_CLEAN)).toBeDefined();
    expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\uFFFE\uFFFF]/);
  });

  it('keeps http, https and mailto links and makes the others plain text', async () => {
    const rels = await parts.xml('word/_rels/document.xml.rels');
    const targets = findAll(rels, 'Relationship')
      .filter((r) => r.attrs.TargetMode === 'External')
      .map((r) => r.attrs.Target);
    expect(targets.sort()).toEqual(['https://www.cppcc.gov.cn/', 'mailto:office@example.org']);
    expect(findAll(body, W('hyperlink')).map(wordText)).toEqual(['政协网站', '邮箱']);
    expect(wordText(ps[2])).toContain('坏链接，数据');
  });

  it('carries bold, italic, underline and strike', () => {
    const runs = findAll(ps[2], W('r'));
    const run = (text: string) => runs.find((r) => wordText(r) === text)!;
    const props = (text: string) => child(run(text), W('rPr'))!;
    expect(isBold(run('加粗'))).toBe(true);
    expect(child(props('斜体'), W('i'))).toBeDefined();
    expect(attr(child(props('下划线'), W('u')), 'val')).toBe('single');
    expect(child(props('删除线'), W('strike'))).toBeDefined();
    expect(isBold(run('斜')) && child(props('斜'), W('i')) !== undefined).toBe(true);
  });

  it('writes hard breaks as line breaks', () => {
    expect(findAll(ps[2], W('br'))).toHaveLength(1);
  });

  it('numbers lists with Word numbering, nested lists one level down', async () => {
    const numbered = (text: string) => child(pPr(byText(text)), W('numPr'));
    const level = (text: string) => attr(child(numbered(text), W('ilvl')), 'val');
    const num = (text: string) => attr(child(numbered(text), W('numId')), 'val');
    expect(level('第一项')).toBe('0');
    expect(level('嵌套三')).toBe('1');
    expect(num('第一项')).toBe(num('第二项'));
    expect(num('嵌套三')).not.toBe(num('第一项'));
    expect(num('步骤一')).not.toBe(num('嵌套三'));
    expect(numbered('步骤二的说明')).toBeUndefined();
    const numbering = (await parts.text('word/numbering.xml'))!;
    expect(numbering).toContain('<w:start w:val="3"/>');
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(numbering).toMatch(/<w:numFmt w:val="decimal"\/>(<w:suff [^>]*\/>)?<w:lvlText w:val="%1."\/>/);
  });

  it('writes tables with single borders and cell text as the body without first-line indent', () => {
    const table = find(body, W('tbl'))!;
    const borders = find(table, W('tblBorders'))!;
    for (const side of ['top', 'bottom', 'left', 'right', 'insideH', 'insideV']) expect(attr(child(borders, W(side)), 'val')).toBe('single');
    const cell = findAll(table, W('p')).find((p) => wordText(p) === '委员')!;
    expect(attr(child(pPr(cell), W('ind')), 'firstLine')).toBe('0');
    expect(textRuns(cell).every((r) => attr(runFonts(r), 'eastAsia') === '仿宋_GB2312' && runSize(r) === '32')).toBe(true);
    const header = findAll(table, W('p')).find((p) => wordText(p) === '项目')!;
    expect(textRuns(header).every(isBold)).toBe(true);
    expect(find(table, W('gridSpan'))?.attrs['w:val']).toBe('2');
    expect(findAll(table, W('vMerge')).map((v) => attr(v, 'val'))).toEqual(['restart', 'continue']);
  });

  it('indents quotes and writes a horizontal rule as a bottom-bordered empty paragraph', () => {
    expect(Number(attr(child(pPr(byText('引用的话。')), W('ind')), 'left'))).toBe(640);
    const rule = ps.find((p) => find(pPr(p) ?? p, W('pBdr')))!;
    expect(wordText(rule)).toBe('');
    expect(attr(find(rule, W('bottom')), 'val')).toBe('single');
  });

  it('honours the alignment the writer set', () => {
    const jc = (text: string) => attr(child(pPr(byText(text)), W('jc')), 'val');
    expect([jc('右对齐'), jc('居中'), jc('左对齐'), jc('两端对齐'), jc(XSS_TEXT)]).toEqual(['right', 'center', 'left', 'both', 'both']);
    expect(attr(child(pPr(byText('居中')), W('ind')), 'firstLine')).toBe('0');
  });
});

describe('exportDocx: input', () => {
  it('rejects content the schema does not allow', async () => {
    await expect(exportDocx({ ...approvedSummary(), content: { type: 'doc', content: [{ type: 'codeBlock' }] } })).rejects.toThrow(
      /does not match the document schema/,
    );
  });

  it('exports a 30-page document (time printed, not asserted)', async () => {
    const content = longDocument(30);
    const started = performance.now();
    const buffer = await exportDocx({ ...approvedSummary(content), comments: [comment(10, 200)] });
    const ms = performance.now() - started;
    const chars = documentTexts(content).join('').length;
    console.log(`[export] DOCX of about 30 pages (${chars} characters, ${buffer.length} bytes): ${ms.toFixed(0)} ms`);
    expect(buffer.length).toBeGreaterThan(0);
  });
});
