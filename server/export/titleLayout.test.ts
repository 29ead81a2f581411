// Long titles as LibreOffice prints the DOCX as exported: each takes exactly
// the lines balanceTitle broke it into, none wraps again, each line stays
// inside the type area and centred. Skipped without soffice and pdftotext.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { MARGIN_MM, TITLE_CHARS_PER_LINE } from './gongwen.js';
import { findProgram, renderDocx } from './preview/render.js';
import { pdfPages, POINTS_PER_MM, type PdfLine } from './testing/pdfText.js';
import { approvedSummary } from './testing/fixtures.js';
import { titleBreaks } from './titleLines.js';
import { libreOffice, pdftotext as pdftotextOnPath, requires } from '../../tests/helpers/requirements.js';

const soffice = findProgram('soffice');
const pdftotext = findProgram('pdftotext');
const ready = requires(libreOffice(), pdftotextOnPath());

const LEFT = MARGIN_MM.left * POINTS_PER_MM;
const BODY = '正文。';

/** Each title with the lines it takes. The first printed four lines, two of one character, before it broke between words. */
const TITLES = [
  { title: '青石镇政协工作联络委员会关于2026年度委员履职情况和2027年度重点工作安排意见的报告', lines: 3 },
  { title: '青石镇政协工作联络委员会2026年度工作总结暨2027年工作计划', lines: 2 },
  { title: '关于CPPCC委员（2026）履职“回头看”工作的通知', lines: 2 },
];

const expectedLines = (title: string): string[] => {
  const cuts = [0, ...titleBreaks(title, TITLE_CHARS_PER_LINE), title.length];
  return cuts.slice(0, -1).map((from, i) => title.slice(from, cuts[i + 1]));
};

describe.skipIf(!ready)('long titles as LibreOffice prints them', { timeout: 120_000 }, () => {
  const printed = new Map<string, { lines: PdfLine[]; right: number }>();

  beforeAll(async () => {
    await Promise.all(
      TITLES.map(async ({ title }) => {
        const content = {
          type: 'doc',
          content: [
            { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: title }] },
            { type: 'paragraph', content: [{ type: 'text', text: BODY }] },
          ],
        };
        const rendering = await renderDocx(soffice!, await exportDocx({ ...approvedSummary(content), signature: null }));
        const [page] = await pdfPages(pdftotext!, rendering.pdf);
        const body = page.lines.findIndex((line) => line.text === BODY);
        printed.set(title, { lines: page.lines.slice(0, body), right: page.width - MARGIN_MM.right * POINTS_PER_MM });
      }),
    );
  }, 120_000);

  it.each(TITLES)('sets "$title" on exactly $lines lines, as broken', ({ title, lines }) => {
    const { lines: printedLines } = printed.get(title)!;
    console.log(`[title] ${printedLines.map((line) => `${line.text} (${(line.xMax - line.xMin).toFixed(1)} pt)`).join(' / ')}`);
    expect(printedLines.map((line) => line.text)).toEqual(expectedLines(title));
    expect(printedLines).toHaveLength(lines);
  });

  it.each(TITLES)('keeps every line of "$title" inside the type area, centred', ({ title }) => {
    const { lines, right } = printed.get(title)!;
    for (const line of lines) {
      expect(line.xMin, line.text).toBeGreaterThanOrEqual(LEFT - 1);
      expect(line.xMax, line.text).toBeLessThanOrEqual(right + 1);
      expect(Math.abs((line.xMin + line.xMax) / 2 - (LEFT + right) / 2), line.text).toBeLessThan(2 * POINTS_PER_MM);
    }
  });
});
