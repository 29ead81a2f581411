import type { JSONContent } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { parseContent } from './content.js';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { guidancePlaceholders } from '../../shared/placeholders.js';
import { documentTexts } from './documentTexts.js';
import { exportDocx } from './docx.js';
import { readDocx, type DocxParts } from './testing/docx.js';
import {
  approvedSummary,
  CONTROL_TEXT_CLEAN,
  filledSummary,
  longDocument,
  richDocument,
  SUMMARY_TITLE,
  summaryTemplate,
  XSS_TEXT,
} from './testing/fixtures.js';
import { templateContent } from '../../shared/templates.js';
import { child, find, findAll, wordText, type XmlElement } from './testing/xml.js';
import type { ExportComment, ExportInput } from './types.js';

const W = (name: string) => `w:${name}`;
const attr = (el: XmlElement | undefined, name: string) => el?.attrs[W(name)];

async function exported(input: ExportInput): Promise<{ parts: DocxParts; body: XmlElement }> {
  const parts = await readDocx(await exportDocx(input));
  const body = find(await parts.xml('word/document.xml'), W('body'))!;
  return { parts, body };
}

/** The body's paragraphs (also those in tables), in order. */
const paragraphs = (body: XmlElement) => findAll(body, W('p'));

const runFonts = (run: XmlElement) => child(child(run, W('rPr')), W('rFonts'));
const runSize = (run: XmlElement) => attr(child(child(run, W('rPr')), W('sz')), 'val');
const runSpacing = (run: XmlElement) => attr(child(child(run, W('rPr')), W('spacing')), 'val');
const isBold = (run: XmlElement) => {
  const b = child(child(run, W('rPr')), W('b'));
  return b !== undefined && !['false', '0', 'off'].includes(attr(b, 'val') ?? 'true');
};
const highlight = (run: XmlElement) => attr(child(child(run, W('rPr')), W('highlight')), 'val');
const textRuns = (p: XmlElement) => findAll(p, W('r')).filter((r) => find(r, W('t')));
const pPr = (p: XmlElement) => child(p, W('pPr'));

/** The text of every textblock the exporter should have written, in order. */
/** Each textblock's text as a reader sees it (numbered headings with their numbers). */
function textblockTexts(content: JSONContent): string[] {
  const out: string[] = [];
  withHeadingNumbers(parseContent(content)).descendants((node) => {
    if (!node.isTextblock) return true;
    out.push(node.textContent.replace(/[\x00-\x08\x0b-\x1f\uFFFE\uFFFF]|[\uD800-\uDFFF](?![\uDC00-\uDFFF])/g, ''));
    return false;
  });
  return out;
}

describe('exportDocx: the page (GB/T 9704-2012)', async () => {
  const { parts, body } = await exported(approvedSummary(summaryTemplate()));
  const sectPr = child(body, W('sectPr'))!;

  it('is A4 with margins of 37, 35, 28 and 26 mm', () => {
    expect(child(sectPr, W('pgSz'))?.attrs).toMatchObject({ 'w:w': '11906', 'w:h': '16838' });
    expect(child(sectPr, W('pgMar'))?.attrs).toMatchObject({ 'w:top': '2098', 'w:bottom': '1984', 'w:left': '1587', 'w:right': '1474' });
  });

  it('has a grid of 22 lines and no character grid, which LibreOffice would draw 14 characters a line on', () => {
    expect(child(sectPr, W('docGrid'))?.attrs).toEqual({ 'w:type': 'lines', 'w:linePitch': '579' });
  });

  it('puts 3号 仿宋 without widow control in the document defaults and in Normal, with the grid spacing only on 3号 text', async () => {
    const styles = await parts.xml('word/styles.xml');
    const normal = findAll(styles, W('style')).find((s) => s.attrs['w:styleId'] === 'Normal')!;
    for (const [rPr, pPr] of [
      [find(find(styles, W('rPrDefault'))!, W('rPr'))!, find(find(styles, W('pPrDefault'))!, W('pPr'))!],
      [child(normal, W('rPr'))!, child(normal, W('pPr'))!],
    ]) {
      expect(attr(child(rPr, W('sz')), 'val')).toBe('32');
      expect(attr(child(rPr, W('rFonts')), 'eastAsia')).toBe('仿宋_GB2312');
      expect(child(rPr, W('spacing'))).toBeUndefined(); // footers and comments inherit it
      expect(attr(child(pPr, W('widowControl')), 'val')).toBe('false');
      expect(child(pPr, W('overflowPunct'))?.attrs).toEqual({}); // true, which LibreOffice reads as false
    }
    const heading1 = findAll(styles, W('style')).find((s) => s.attrs['w:styleId'] === 'Heading1')!;
    expect(attr(child(child(heading1, W('rPr')), W('spacing')), 'val')).toBe('-5');
  });

  it('names a stand-in for each font a machine may lack, in the font table', async () => {
    const fonts = findAll(await parts.xml('word/fontTable.xml'), W('font'));
    const altNames = Object.fromEntries(fonts.map((font) => [attr(font, 'name'), attr(child(font, W('altName')), 'val')]));
    expect(altNames).toEqual({
      仿宋_GB2312: '仿宋',
      楷体_GB2312: '楷体',
      方正小标宋简体: '宋体',
      黑体: 'SimHei',
      宋体: 'SimSun',
      'Times New Roman': 'Times New Roman',
    });
    for (const font of fonts) expect(attr(child(font, W('charset')), 'val'), attr(font, 'name')).toBe(attr(font, 'name') === 'Times New Roman' ? '00' : '86');
  });

  it('sets the title property', async () => {
    expect(await parts.text('docProps/core.xml')).toContain(`<dc:title>${SUMMARY_TITLE}</dc:title>`);
  });
});

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

describe('exportDocx: guidance', async () => {
  const { body } = await exported(approvedSummary(summaryTemplate()));
  const runs = findAll(body, W('r')).filter((r) => find(r, W('t')));

  it('highlights every unfilled placeholder in yellow, its text unchanged, and nothing else', () => {
    const highlighted = runs.filter((run) => highlight(run) === 'yellow').map(wordText);
    expect(highlighted).toEqual(guidancePlaceholders(summaryTemplate()));
    expect(runs.filter((run) => highlight(run) !== undefined && highlight(run) !== 'yellow')).toEqual([]);
  });
});

describe('exportDocx: guidance left out', async () => {
  const content = templateContent('year-end-summary-three-part', SUMMARY_TITLE);
  const text = documentTexts(content).join('\n');
  const passage = (from: string, to: string) => comment(text.indexOf(from), text.indexOf(to) + to.length);
  const comments = [passage('政协联工委在县政协', '精心指导'), passage('提升委员履职能力', '围绕中心服务大局'), passage('〔实事求是', '不足〕')];
  const { body } = await exported({ ...approvedSummary(content), guidance: 'omit', comments, signature: null });
  const texts = paragraphs(body).map(wordText);

  it('writes no placeholder and highlights nothing', () => {
    expect(texts.join('')).not.toContain('〔');
    expect(findAll(body, W('highlight'))).toEqual([]);
  });

  it('keeps the text around the guidance, and drops a paragraph that held only guidance', () => {
    expect(texts).toContain('年，政协联工委在县政协的精心指导和镇党委的坚强领导下，。现将一年来工作总结如下：');
    expect(texts).toContain('1. ');
    const first = texts.indexOf('（一）加强思想政治引领，提升委员履职能力');
    expect(texts[first + 1]).toBe('（二）围绕中心服务大局，积极协商议政');
    expect(texts.filter((t) => t.trim() === '')).toEqual([]);
  });

  it('keeps each comment on its words', () => {
    const covered = commentedText(body);
    expect(covered.get('0')).toBe('政协联工委在县政协的精心指导');
    expect(covered.get('1')).toBe('提升委员履职能力\n（二）围绕中心服务大局');
    expect(covered.get('2')).toBe(''); // its words were guidance
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

describe('exportDocx: page numbers and the draft mark', async () => {
  async function footers(parts: DocxParts, sectPr: XmlElement): Promise<Record<string, XmlElement>> {
    const rels = await parts.xml('word/_rels/document.xml.rels');
    const target = (id: string) => findAll(rels, 'Relationship').find((r) => r.attrs.Id === id)!.attrs.Target;
    const out: Record<string, XmlElement> = {};
    for (const ref of findAll(sectPr, W('footerReference'))) out[attr(ref, 'type')!] = await parts.xml(`word/${target(ref.attrs['r:id'])}`);
    return out;
  }

  it('puts "— N —" in 4号 宋体 on the right of odd pages and the left of even ones, one character in', async () => {
    const { parts, body } = await exported(approvedSummary());
    expect(await parts.text('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    const { default: odd, even } = await footers(parts, child(body, W('sectPr'))!);
    for (const [footer, side] of [
      [odd, 'right'],
      [even, 'left'],
    ] as const) {
      const p = find(footer, W('p'))!;
      expect(attr(child(pPr(p), W('jc')), 'val')).toBe(side);
      expect(attr(child(pPr(p), W('ind')), side)).toBe('280');
      expect(findAll(p, W('instrText')).map((i) => i.children.join('').trim())).toEqual(['PAGE']);
      expect(wordText(p)).toBe('—  —'); // the number comes from the PAGE field
      for (const run of findAll(p, W('r'))) {
        expect(attr(runFonts(run), 'eastAsia')).toBe('宋体');
        expect(runSize(run)).toBe('28');
        expect(runSpacing(run)).toBeUndefined();
      }
    }
  });

  it('marks every page of a draft with 草稿 in red in the header', async () => {
    const { parts, body } = await exported({ ...approvedSummary(), draft: true });
    const refs = findAll(child(body, W('sectPr'))!, W('headerReference')).map((r) => attr(r, 'type'));
    expect(refs.sort()).toEqual(['default', 'even']);
    for (const name of parts.names.filter((n) => /^word\/header\d+\.xml$/.test(n))) {
      const header = await parts.xml(name);
      expect(wordText(header)).toBe('草稿');
      expect(attr(find(header, W('color')), 'val')).toBe('FF0000');
    }
  });

  it('has no draft mark on an approved version', async () => {
    const { parts, body } = await exported(approvedSummary());
    expect(findAll(child(body, W('sectPr'))!, W('headerReference'))).toEqual([]);
    for (const name of parts.names.filter((n) => /^word\/(header\d*|document)\.xml$/.test(n))) {
      expect(await parts.text(name)).not.toContain('草稿');
    }
  });
});

describe('exportDocx: signature', () => {
  it('puts the issuer centred over the date, which ends four characters in from the right', async () => {
    const { body } = await exported(approvedSummary());
    const ps = paragraphs(body);
    const [blank, issuer, date] = ps.slice(-3);
    expect(wordText(blank)).toBe('');
    expect(wordText(issuer)).toBe('青山镇政协联工委');
    expect(wordText(date)).toBe('2026年12月20日');
    for (const p of [issuer, date]) expect(attr(child(pPr(p), W('jc')), 'val')).toBe('right');
    expect(attr(child(pPr(date), W('ind')), 'right')).toBe('1280');
    // As Word prints them, each character 5 twips narrower (the grid): the date 8¼ characters wide (digits are half
    // width, a quarter character apart from 年, 月 and 日), 11 characters, the issuer 8. The issuer sits half the
    // difference further left.
    const dateWidth = 8.25 * 320 - 11 * 5;
    const issuerWidth = 8 * 320 - 8 * 5;
    expect(attr(child(pPr(issuer), W('ind')), 'right')).toBe(String(Math.round(1280 + (dateWidth - issuerWidth) / 2)));
  });

  it('is left out when there is none', async () => {
    const { body } = await exported({ ...approvedSummary(), signature: null });
    expect(paragraphs(body).map(wordText)).not.toContain('青山镇政协联工委');
  });
});

function comment(from: number, to: number, extra: Partial<ExportComment> = {}): ExportComment {
  return {
    id: `thread-${from}-${to}`,
    author: '张委员',
    date: new Date('2026-12-01T02:30:00Z'),
    body: `请核实 ${from}–${to}`,
    replies: [],
    from,
    to,
    ...extra,
  };
}

/** The text between each comment's range start and end, in document order, with paragraph and line breaks as "\n". */
function commentedText(body: XmlElement): Map<string, string> {
  const open = new Map<string, string>();
  const done = new Map<string, string>();
  const add = (text: string) => {
    for (const [id, value] of open) open.set(id, value + text);
  };
  const visit = (el: XmlElement, first: { value: boolean }) => {
    if (el.name === W('p')) {
      if (!first.value) add('\n');
      first.value = false;
    }
    if (el.name === W('commentRangeStart')) open.set(attr(el, 'id')!, '');
    if (el.name === W('commentRangeEnd')) {
      done.set(attr(el, 'id')!, open.get(attr(el, 'id')!) ?? '<no start>');
      open.delete(attr(el, 'id')!);
    }
    if (el.name === W('br')) add('\n');
    if (el.name === W('t')) add(el.children.join(''));
    for (const c of el.children) if (typeof c !== 'string') visit(c, first);
  };
  visit(body, { value: true });
  return new Map([...done].map(([id, text]) => [id, text.replace(/\n+/g, '\n')]));
}

describe('exportDocx: comments', async () => {
  const content = filledSummary();
  const text = documentTexts(content).join('\n');
  const at = (passage: string) => text.indexOf(passage);
  const within = at('围绕中心工作建言献策');
  const across = at('现将一年来的工作总结如下：');
  const comments = [
    comment(within, within + '围绕中心工作建言献策'.length, {
      body: '建议改为“围绕中心大局”\n第二段意见',
      replies: [{ author: '李主任', date: new Date('2026-12-02T01:00:00Z'), body: '同意' }],
    }),
    comment(across, at('参政议政更主动') + '参政议政'.length),
    comment(within, within), // collapsed
    comment(at('一是'), at('一是') + 2), // a bold run, cut
  ];
  const { parts, body } = await exported({ ...approvedSummary(content), comments });
  const covered = commentedText(body);

  it('marks each passage with a range around exactly its text', () => {
    expect(covered.get('0')).toBe('围绕中心工作建言献策');
    expect(covered.get('1')).toBe('现将一年来的工作总结如下：\n一、参政议政');
    expect(covered.get('2')).toBe('');
    expect(covered.get('3')).toBe('一是');
  });

  it('puts a reference run after each range end', () => {
    const xml = JSON.stringify(body);
    for (const id of ['0', '1', '2', '3']) {
      const end = xml.indexOf(`"w:commentRangeEnd","attrs":{"w:id":"${id}"}`);
      const reference = xml.indexOf(`"w:commentReference","attrs":{"w:id":"${id}"}`);
      expect(end).toBeGreaterThan(-1);
      expect(reference).toBeGreaterThan(end);
    }
  });

  it('keeps the document text unchanged around the marks', () => {
    expect(paragraphs(body).map(wordText).filter(Boolean)).toEqual([...textblockTexts(content).filter(Boolean), '青山镇政协联工委', '2026年12月20日']);
  });

  it('writes author, date, body and replies in the comments part', async () => {
    const xml = await parts.xml('word/comments.xml');
    const all = findAll(xml, W('comment'));
    expect(all.map((c) => attr(c, 'id'))).toEqual(['0', '1', '2', '3']);
    expect(all[0].attrs).toMatchObject({ 'w:author': '张委员', 'w:date': '2026-12-01T02:30:00.000Z' });
    expect(findAll(all[0], W('p')).map(wordText)).toEqual(['建议改为“围绕中心大局”', '第二段意见', '李主任（2026年12月2日 09:00）：同意']);
  });

  it('writes no comments when they are not wanted', async () => {
    const none = await exported({ ...approvedSummary(content), comments: null });
    expect(none.parts.names).not.toContain('word/comments.xml');
    expect(JSON.stringify(none.body)).not.toContain('commentRange');
  });

  it('marks a passage inside a link without splitting the link', async () => {
    const rich = richDocument();
    const all = documentTexts(rich).join('\n');
    const from = all.indexOf('协网');
    const { body: linked } = await exported({ ...approvedSummary(rich), comments: [comment(from, from + 2), comment(from + 2, all.indexOf('邮箱') + 1)] });
    expect(commentedText(linked).get('0')).toBe('协网');
    expect(commentedText(linked).get('1')).toBe('站，邮');
    expect(findAll(linked, W('hyperlink')).map(wordText)).toEqual(['政协网站', '邮箱']);
  });

  it('hangs comments on the title when the document has no text', async () => {
    const empty = await exported({ ...approvedSummary({ type: 'doc', content: [{ type: 'paragraph' }] }), comments: [comment(0, 5)] });
    expect(commentedText(empty.body).get('0')).toBe('');
    expect(wordText(paragraphs(empty.body)[0])).toBe(SUMMARY_TITLE);
  });
});

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
