// Prints the HTML export of a six-page summary from Chromium, as a reader
// would from the browser, and measures the PDF the way pageLayout.test.ts
// measures the DOCX through LibreOffice (GB/T 9704-2012, GONGWEN.md): the
// paper, characters a line, lines a page, the title, the headings, the page
// numbers and the signature block. Writes the PDF and a picture of page 1 to
// test-results/ (docs/export-html-page1.png is a copy). Skipped, saying so,
// without Debian's Chromium or pdftotext (tests/helpers/requirements.ts).
//
// Chromium embeds the Noto CJK fonts as Type 3 fonts, whose boxes in
// `pdftotext -bbox` reach well above and below the type: lines are placed by
// their middles here, not their edges.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { parseContent } from './content.js';
import { indexTexts } from './documentTexts.js';
import { GRID, MARGIN_MM } from './gongwen.js';
import { exportHtml } from './html.js';
import { findProgram } from './preview/render.js';
import { fullLines, pdfPages, POINTS_PER_MM, tally, type PdfLine, type PdfPage } from './testing/pdfText.js';
import { approvedReport, fullReport, REPORT_TITLE } from './testing/report.js';
import { chromium, pdftotext as pdftotextOnPath, requires } from '../../tests/helpers/requirements.js';

const run = promisify(execFile);
const pdftotext = findProgram('pdftotext');
const OUT_DIR = 'test-results';
const SIGNATURE = { issuer: '青山镇政协联工委', date: '2026年12月20日' };

const A4 = { width: 210 * POINTS_PER_MM, height: 297 * POINTS_PER_MM };
// The type area (版心) in points from the top left of the page.
const LEFT = MARGIN_MM.left * POINTS_PER_MM;
const TOP = MARGIN_MM.top * POINTS_PER_MM;
const BOTTOM = (MARGIN_MM.top + 225) * POINTS_PER_MM;
const right = (page: PdfPage) => page.width - MARGIN_MM.right * POINTS_PER_MM;

const PITCH = GRID.linePitchTwips / 20;
const BODY_SIZE = 16;
const PAGE_NUMBER_SIZE = 14;
const TOLERANCE = 2 * POINTS_PER_MM;

const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

const middle = (line: PdfLine) => (line.yMin + line.yMax) / 2;
const centre = (line: PdfLine) => (line.xMin + line.xMax) / 2;
const bodyLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => middle(line) < BOTTOM);
const footerLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => middle(line) >= BOTTOM);

describe('printing the HTML export from Chromium', () => {
  const ready = requires(chromium(), pdftotextOnPath());

  describe.skipIf(!ready)('with Chromium', { timeout: 120_000 }, () => {
    let browser: Browser;
    let pages: PdfPage[];

    beforeAll(async () => {
      browser = await launchBrowser();
      const page = await browser.newPage();
      await page.setContent(exportHtml({ ...approvedReport(), signature: SIGNATURE }));
      // Lay the page out, then wait for the fonts that layout asked for (the Latin face is a local() one).
      await page.evaluate(async () => {
        void document.body.offsetHeight;
        await document.fonts.ready;
      });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      pages = await pdfPages(pdftotext!, pdf);
      await mkdir(OUT_DIR, { recursive: true });
      await writeFile(`${OUT_DIR}/export-html.pdf`, pdf);
      const pdftoppm = findProgram('pdftoppm');
      if (pdftoppm)
        await run(pdftoppm, ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', `${OUT_DIR}/export-html.pdf`, `${OUT_DIR}/export-html-page1`]);
      else console.warn('[html layout] pdftoppm (poppler-utils) is not installed: no PNG written');
      console.log(`[html layout] ${pages.length} pages, lines a page: ${pages.map((p) => bodyLines(p).length).join(', ')}`);
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('prints five A4 pages or more', () => {
      expect(pages.length).toBeGreaterThanOrEqual(5);
      for (const page of pages) {
        expect(Math.abs(page.width - A4.width)).toBeLessThan(1);
        expect(Math.abs(page.height - A4.height)).toBeLessThan(1);
      }
    });

    it('sets 28 characters on every full line', () => {
      const full = pages.flatMap((page) => fullLines(bodyLines(page), { left: LEFT, right: right(page), char: BODY_SIZE }));
      const counts = full.map(({ count }) => count);
      console.log(`[html layout] characters on ${full.length} full lines: ${tally(counts)}`);
      expect(full.length).toBeGreaterThan(50);
      // 27 where a mark that may not start a line (，。、) takes the character before it down with it.
      for (const { line, count } of full) expect(Math.abs(count - GRID.charsPerLine), line.text).toBeLessThanOrEqual(1);
      expect(counts.filter((count) => count === GRID.charsPerLine).length).toBeGreaterThan(0.8 * counts.length);
    });

    it('prints every character of the text, none lost at the end of a line', () => {
      const printed = pages.flatMap((page) => bodyLines(page).map((line) => line.text)).join('');
      // as a reader sees it: the section headings with their automatic numbers, the signature after the body
      const expected = indexTexts(withHeadingNumbers(parseContent(fullReport()))).texts.join('') + SIGNATURE.issuer + SIGNATURE.date;
      expect(printed).toBe(expected.replace(/\s/g, ''));
    });

    it('sets 22 lines a page, one line pitch apart, on every page but the last', () => {
      for (const [i, page] of pages.slice(0, -1).entries()) {
        const lines = bodyLines(page);
        // The title takes one line and the blank line under it another.
        const count = lines.length + (i === 0 ? 1 : 0);
        // A heading is kept with the paragraph after it.
        const beforeHeading = HEADING.test(bodyLines(pages[i + 1])[0]?.text ?? '');
        expect(count, `page ${i + 1}`).toBeLessThanOrEqual(GRID.linesPerPage);
        expect(count, `page ${i + 1}`).toBeGreaterThanOrEqual(GRID.linesPerPage - (beforeHeading ? 1 : 0));
        const body = i === 0 ? lines.slice(1) : lines;
        // Chromium puts each line's type on a whole pixel (0.75 pt): the pitch holds on average, each step within a pixel.
        for (let j = 1; j < body.length; j += 1) expect(Math.abs(middle(body[j]) - middle(body[j - 1]) - PITCH), `page ${i + 1}`).toBeLessThan(0.8);
        expect((middle(body[body.length - 1]) - middle(body[0])) / (body.length - 1)).toBeCloseTo(PITCH, 1);
      }
    });

    it('starts the text on the first line of the type area and keeps it inside', () => {
      for (const page of pages) {
        const [first] = bodyLines(page);
        expect(middle(first)).toBeGreaterThan(TOP);
        expect(middle(first)).toBeLessThan(TOP + PITCH);
        for (const line of bodyLines(page)) {
          expect(line.xMin).toBeGreaterThanOrEqual(LEFT - 1);
          expect(line.xMax).toBeLessThanOrEqual(right(page) + 1);
        }
      }
    });

    it('centres the title on page 1 in the type area, with a blank line under it', () => {
      const [title, firstLine] = pages[0].lines;
      expect(title.text).toBe(REPORT_TITLE);
      expect(Math.abs(centre(title) - (LEFT + right(pages[0])) / 2)).toBeLessThan(TOLERANCE);
      // on the first line of the type area; the text starts on the third, as on any other page
      expect(middle(title)).toBeGreaterThan(TOP);
      expect(middle(title)).toBeLessThan(TOP + PITCH);
      expect(middle(firstLine)).toBeCloseTo(middle(bodyLines(pages[1])[2]), 0);
    });

    it('indents the headings two characters', () => {
      const headings = pages.flatMap((page) => bodyLines(page).filter((line) => HEADING.test(line.text)));
      expect(headings.map((line) => line.text.slice(0, 3))).toEqual(['一、2', '（一）', '（二）', '（三）', '（四）', '（五）', '二、存', '三、2']);
      for (const line of headings) expect(line.xMin - LEFT, line.text).toBeCloseTo(2 * BODY_SIZE, 0);
    });

    it('numbers the pages "— N —" 7 mm under the type area, one character in on the outer side', () => {
      for (const [i, page] of pages.entries()) {
        const n = i + 1;
        const footer = footerLines(page);
        expect(footer.map((line) => line.text)).toEqual([`—${n}—`]);
        const [number] = footer;
        expect(Math.abs(middle(number) - (BOTTOM + 7 * POINTS_PER_MM)), `page ${n}`).toBeLessThan(TOLERANCE);
        if (n % 2 === 1) expect(Math.abs(number.xMax - (right(page) - PAGE_NUMBER_SIZE)), `page ${n}`).toBeLessThan(1);
        else expect(Math.abs(number.xMin - (LEFT + PAGE_NUMBER_SIZE)), `page ${n}`).toBeLessThan(1);
      }
    });

    it('prints the signature a blank line under the body: the date four characters in from the right, the issuer centred over it', () => {
      const lines = bodyLines(pages[pages.length - 1]);
      const [lastText, issuer, date] = lines.slice(-3);
      expect([issuer.text, date.text]).toEqual([SIGNATURE.issuer, SIGNATURE.date]);
      expect(middle(issuer) - middle(lastText)).toBeCloseTo(2 * PITCH, 0);
      expect(middle(date) - middle(issuer)).toBeCloseTo(PITCH, 0);
      expect(Math.abs(date.xMax - (right(pages[0]) - 4 * BODY_SIZE))).toBeLessThan(1);
      expect(Math.abs(centre(issuer) - centre(date))).toBeLessThan(1);
    });
  });
});
