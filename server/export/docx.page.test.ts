// exportDocx: the page: size, margins, grid, styles and fonts, page numbers, the draft mark, the signature.
import { describe, expect, it } from 'vitest';
import type { DocxParts } from './testing/docx.js';
import { W, attr, exported, paragraphs, runFonts, runSize, runSpacing, pPr } from './testing/docxQuery.js';
import { approvedSummary, SUMMARY_TITLE, summaryTemplate } from './testing/fixtures.js';
import { child, find, findAll, wordText, type XmlElement } from './testing/xml.js';

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
