// Measures a six-page summary as LibreOffice prints the DOCX as exported, the
// way an office checks a 公文 with a ruler (GB/T 9704-2012, GONGWEN.md):
// characters a line, lines a page, the title, the headings and the page
// numbers. Writes the PDF and pictures of its first and last pages to
// test-results/ (docs/export-page1.png and docs/export-last-page.png are
// copies). Skipped without soffice and pdftotext; render.test.ts says so loudly.
import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { parseContent } from './content.js';
import { indexTexts } from './documentTexts.js';
import { exportDocx } from './docx.js';
import { CHAR_TWIPS, GRID, MARGIN_MM, SIZE_HALF_POINTS } from './gongwen.js';
import { findProgram, renderDocx, type Rendering } from './preview/render.js';
import { pdfPages, POINTS_PER_MM, type PdfLine, type PdfPage } from './testing/pdfText.js';
import { approvedReport, fullReport, REPORT_TITLE } from './testing/report.js';

const soffice = findProgram('soffice');
const pdftotext = findProgram('pdftotext');
const OUT_DIR = 'test-results';

// The type area (版心) in points from the top left of the page.
const LEFT = MARGIN_MM.left * POINTS_PER_MM;
const TOP = MARGIN_MM.top * POINTS_PER_MM;
const BOTTOM = (MARGIN_MM.top + 225) * POINTS_PER_MM;
const right = (page: PdfPage) => page.width - MARGIN_MM.right * POINTS_PER_MM;

const PITCH = GRID.linePitchTwips / 20;
const BODY_CHAR = CHAR_TWIPS / 20;
const PAGE_NUMBER_CHAR = SIZE_HALF_POINTS.hao4 / 2;
const TOLERANCE = 2 * POINTS_PER_MM;

const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;
/** Chinese characters and full-width punctuation only: no half-width digits or letters. */
const ALL_CHINESE = /^[\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF“”‘’—…]+$/u;

const bodyLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => line.yMax <= BOTTOM + 1);
const footerLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => line.yMin > BOTTOM);
const middle = (line: PdfLine) => (line.xMin + line.xMax) / 2;

describe.skipIf(!soffice || !pdftotext)('the exported summary as LibreOffice prints it', { timeout: 120_000 }, () => {
  let rendering: Rendering;
  let pages: PdfPage[];

  beforeAll(async () => {
    rendering = await renderDocx(soffice!, await exportDocx(approvedReport()), { png: true });
    pages = await pdfPages(pdftotext!, rendering.pdf);
    await mkdir(OUT_DIR, { recursive: true });
    await writeFile(`${OUT_DIR}/export.pdf`, rendering.pdf);
    if (rendering.png) {
      await writeFile(`${OUT_DIR}/export-page1.png`, rendering.png.first);
      await writeFile(`${OUT_DIR}/export-last-page.png`, rendering.png.last);
    } else {
      console.warn('[layout] pdftoppm (poppler-utils) is not installed: no PNG written');
    }
    console.log(`[layout] ${pages.length} pages, lines a page: ${pages.map((page) => bodyLines(page).length).join(', ')}`);
  }, 120_000);

  it('fills five pages or more', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    expect(rendering.pages).toBe(pages.length);
  });

  it('sets 28 characters on every full line', () => {
    const full = pages.flatMap((page) =>
      bodyLines(page).filter((line) => ALL_CHINESE.test(line.text) && Math.abs(line.xMin - LEFT) < 2 && line.xMax > right(page) - BODY_CHAR / 2),
    );
    const counts = full.map((line) => [...line.text].length);
    console.log(`[layout] characters on ${full.length} full lines: ${[...new Set(counts)].sort().join(', ')}`);
    expect(full.length).toBeGreaterThan(50);
    // 27 where LibreOffice takes the character before a closing mark down with it rather than hang the mark (docxPage.ts).
    for (const [i, count] of counts.entries()) expect(Math.abs(count - GRID.charsPerLine), full[i].text).toBeLessThanOrEqual(1);
    expect(counts.filter((count) => count === GRID.charsPerLine).length).toBeGreaterThan(0.8 * counts.length);
  });

  it('prints every character of the text, none lost at the end of a line', () => {
    const printed = pages.flatMap((page) => bodyLines(page).map((line) => line.text)).join('');
    // as a reader sees it: the section headings with their automatic numbers
    expect(printed).toBe(indexTexts(withHeadingNumbers(parseContent(fullReport()))).texts.join('').replace(/\s/g, ''));
  });

  it('sets 22 lines a page, one line pitch apart, on every page but the last', () => {
    for (const [i, page] of pages.slice(0, -1).entries()) {
      const lines = bodyLines(page);
      // The title takes one line and the blank line under it another.
      const count = lines.length + (i === 0 ? 1 : 0);
      // Word and LibreOffice keep a heading with the paragraph after it.
      const beforeHeading = HEADING.test(bodyLines(pages[i + 1])[0]?.text ?? '');
      expect(count, `page ${i + 1}`).toBeLessThanOrEqual(GRID.linesPerPage);
      expect(count, `page ${i + 1}`).toBeGreaterThanOrEqual(GRID.linesPerPage - (beforeHeading ? 1 : 0));
      const body = i === 0 ? lines.slice(1) : lines;
      for (let j = 1; j < body.length; j += 1) expect(body[j].yMin - body[j - 1].yMin, `page ${i + 1}`).toBeCloseTo(PITCH, 0);
    }
  });

  it('starts the text at the top of the type area and keeps it inside', () => {
    for (const page of pages) {
      const [first] = bodyLines(page);
      expect(first.yMin).toBeGreaterThanOrEqual(TOP);
      expect(first.yMin).toBeLessThan(TOP + PITCH / 2);
      for (const line of bodyLines(page)) expect(line.xMin).toBeGreaterThanOrEqual(LEFT - 1);
    }
  });

  it('centres the title on page 1 in the type area', () => {
    const title = pages[0].lines[0];
    expect(title.text).toBe(REPORT_TITLE);
    expect(Math.abs(middle(title) - (LEFT + right(pages[0])) / 2)).toBeLessThan(TOLERANCE);
  });

  it('indents the headings two characters', () => {
    const headings = pages.flatMap((page) => bodyLines(page).filter((line) => HEADING.test(line.text)));
    expect(headings.map((line) => line.text.slice(0, 3))).toEqual(['一、2', '（一）', '（二）', '（三）', '（四）', '（五）', '二、存', '三、2']);
    for (const line of headings) expect(line.xMin - LEFT, line.text).toBeCloseTo(2 * BODY_CHAR, 0);
  });

  it('numbers the pages "— N —" 7 mm under the type area, one character in on the outer side', () => {
    for (const [i, page] of pages.entries()) {
      const n = i + 1;
      const footer = footerLines(page);
      expect(footer.map((line) => line.text)).toEqual([`—${n}—`]);
      const [number] = footer;
      // The em dashes' line (the middle of the type) 7 mm below the type area (GB/T 9704 7.5).
      expect(Math.abs((number.yMin + number.yMax) / 2 - (BOTTOM + 7 * POINTS_PER_MM))).toBeLessThan(TOLERANCE);
      if (n % 2 === 1) expect(Math.abs(number.xMax - (right(page) - PAGE_NUMBER_CHAR)), `page ${n}`).toBeLessThan(TOLERANCE);
      else expect(Math.abs(number.xMin - (LEFT + PAGE_NUMBER_CHAR)), `page ${n}`).toBeLessThan(TOLERANCE);
    }
  });
});
