// Measures both year-end summaries, filled in to six pages or so, as
// LibreOffice prints the DOCX as exported, the way an office checks a 公文
// with a ruler (GB/T 9704-2012, GONGWEN.md): characters a line, lines a
// page, the title, the headings, the page numbers and the 署名 block. Writes
// the PDF and pictures of its first and last pages to test-results/
// (docs/export-page1.png and docs/export-last-page.png are copies of the
// three-part summary's). Skipped without soffice and pdftotext;
// render.test.ts says so loudly.
import { mkdir, writeFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { parseContent } from './content.js';
import { indexTexts } from './documentTexts.js';
import { exportDocx } from './docx.js';
import { CHAR_TWIPS, GRID, MARGIN_MM, SIZE_HALF_POINTS } from './gongwen.js';
import { findProgram, renderDocx, type Rendering } from './preview/render.js';
import { fullLines, pdfPages, POINTS_PER_MM, tally, type PdfLine, type PdfPage } from './testing/pdfText.js';
import { approvedTemplate, filledTemplate, REPORT_SIGNATURE, REPORT_TITLE, type ReportTemplate } from './testing/report.js';
import { libreOffice, pdftotext as pdftotextOnPath, requires } from '../../tests/helpers/requirements.js';

const soffice = findProgram('soffice');
const pdftotext = findProgram('pdftotext');
const ready = requires(libreOffice(), pdftotextOnPath());
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

interface Case {
  name: string;
  template: ReportTemplate;
  /** Files in test-results/: `${file}.pdf`, `${file}-page1.png`, `${file}-last-page.png`. */
  file: string;
  /** The first three characters of each heading line, in order. */
  headings: string[];
  /** The bold run-in leads that open paragraphs (not headings). */
  leads: string[];
}

const CASES: Case[] = [
  {
    name: 'the three-part summary (工作·问题·打算)',
    template: 'year-end-summary-three-part',
    file: 'export',
    headings: ['一、2', '（一）', '（二）', '（三）', '（四）', '（五）', '二、存', '三、2'],
    leads: [],
  },
  {
    name: 'the five-section summary (五个“更”)',
    template: 'year-end-summary',
    file: 'export-summary',
    headings: ['一、参', '二、服', '三、民', '四、联', '五、委'],
    leads: Array.from({ length: 5 }, () => ['一是', '二是', '三是']).flat(),
  },
];

const bodyLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => line.yMax <= BOTTOM + 1);
const footerLines = (page: PdfPage): PdfLine[] => page.lines.filter((line) => line.yMin > BOTTOM);
const middle = (line: PdfLine) => (line.xMin + line.xMax) / 2;

describe.skipIf(!ready).each(CASES.map((c) => [c.name, c] as const))(
  '%s as LibreOffice prints the export',
  { timeout: 120_000 },
  (_name, { template, file, headings, leads }) => {
    let rendering: Rendering;
    let pages: PdfPage[];

    beforeAll(async () => {
      rendering = await renderDocx(soffice!, await exportDocx(approvedTemplate(template)), { png: true });
      pages = await pdfPages(pdftotext!, rendering.pdf);
      await mkdir(OUT_DIR, { recursive: true });
      await writeFile(`${OUT_DIR}/${file}.pdf`, rendering.pdf);
      if (rendering.png) {
        await writeFile(`${OUT_DIR}/${file}-page1.png`, rendering.png.first);
        await writeFile(`${OUT_DIR}/${file}-last-page.png`, rendering.png.last);
      } else {
        console.warn('[layout] pdftoppm (poppler-utils) is not installed: no PNG written');
      }
      console.log(`[layout] ${template}: ${pages.length} pages, lines a page: ${pages.map((page) => bodyLines(page).length).join(', ')}`);
    }, 120_000);

    it('fills five pages or more', () => {
      expect(pages.length).toBeGreaterThanOrEqual(5);
      expect(rendering.pages).toBe(pages.length);
    });

    it('sets 28 characters on every full line', () => {
      const full = pages.flatMap((page) => fullLines(bodyLines(page), { left: LEFT, right: right(page), char: BODY_CHAR }));
      const counts = full.map(({ count }) => count);
      console.log(`[layout] ${template}: characters on ${full.length} full lines: ${tally(counts)}`);
      expect(full.length).toBeGreaterThan(50);
      // 27 where LibreOffice takes the character before a closing mark down with it rather than hang the mark (docxPage.ts).
      for (const { line, count } of full) expect(Math.abs(count - GRID.charsPerLine), line.text).toBeLessThanOrEqual(1);
      expect(counts.filter((count) => count === GRID.charsPerLine).length).toBeGreaterThan(0.8 * counts.length);
    });

    it('prints every character of the text, none lost at the end of a line, and the 署名 and date after it', () => {
      const printed = pages.flatMap((page) => bodyLines(page).map((line) => line.text)).join('');
      // as a reader sees it: the section headings with their automatic numbers
      const text = indexTexts(withHeadingNumbers(parseContent(filledTemplate(template)))).texts.join('');
      expect(printed).toBe((text + REPORT_SIGNATURE.issuer + REPORT_SIGNATURE.date).replace(/\s/g, ''));
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
      const found = pages.flatMap((page) => bodyLines(page).filter((line) => HEADING.test(line.text)));
      expect(found.map((line) => line.text.slice(0, 3))).toEqual(headings);
      for (const line of found) expect(line.xMin - LEFT, line.text).toBeCloseTo(2 * BODY_CHAR, 0);
    });

    // only the five-section template has run-in leads; the three-part one has none to place
    if (leads.length > 0)
      it('keeps the leads 一是, 二是, 三是 at the start of their paragraphs, two characters in, the text running on after them', () => {
        const found = pages.flatMap((page) => bodyLines(page).filter((line) => /^[一二三]是/.test(line.text)));
        expect(found.map((line) => line.text.slice(0, 2))).toEqual(leads);
        for (const line of found) {
          expect(line.xMin - LEFT, line.text).toBeCloseTo(2 * BODY_CHAR, 0);
          // a run-in lead, not a heading: its line is full, the written text after it on the same line
          expect(line.xMax, line.text).toBeGreaterThan(right(pages[0]) - BODY_CHAR);
        }
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

    describe('the 署名 block (GB/T 9704 7.3.5.1)', () => {
      // The last page's lines: the body's last lines, then the issuer and the date.
      const signatureLines = () => {
        const lines = bodyLines(pages[pages.length - 1]);
        const issuerAt = lines.findIndex((line) => line.text === REPORT_SIGNATURE.issuer);
        return { lines, issuerAt, issuer: lines[issuerAt], date: lines[issuerAt + 1], bodyEnd: lines[issuerAt - 1] };
      };

      it('comes after the body, on the page of its last lines, and ends the document', () => {
        const { lines, issuerAt, date } = signatureLines();
        expect(issuerAt, 'the issuer on the last page, below some of the body').toBeGreaterThan(0);
        expect(date?.text).toBe(REPORT_SIGNATURE.date);
        expect(lines.length).toBe(issuerAt + 2);
        // the line above it ends the body's last paragraph
        const texts = indexTexts(parseContent(filledTemplate(template))).texts;
        expect(texts[texts.length - 1].replace(/\s/g, '').endsWith(lines[issuerAt - 1].text)).toBe(true);
      });

      it('leaves one blank line between the body and the issuer, and sets the date on the line under the issuer', () => {
        const { issuer, date, bodyEnd } = signatureLines();
        expect(Math.abs(issuer.yMin - bodyEnd.yMin - 2 * PITCH)).toBeLessThan(TOLERANCE);
        expect(Math.abs(date.yMin - issuer.yMin - PITCH)).toBeLessThan(TOLERANCE);
      });

      it('ends the date four characters in from the right of the type area (右空四字)', () => {
        const { date } = signatureLines();
        expect(Math.abs(date.xMax - (right(pages[pages.length - 1]) - 4 * BODY_CHAR))).toBeLessThan(TOLERANCE);
      });

      it('centres the issuer over the date', () => {
        const { issuer, date } = signatureLines();
        expect(Math.abs(middle(issuer) - middle(date))).toBeLessThan(TOLERANCE);
      });
    });
  },
);
