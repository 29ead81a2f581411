// Renders the exported summary with LibreOffice where it is installed, so the
// layout can be looked at (test-results/export-page1.png). CI may not have
// LibreOffice: then this says so loudly and skips.
import { mkdir, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { findProgram, renderDocx, withLibreOfficeGrid } from './preview/render.js';
import { approvedSummary, longDocument, summaryTemplate } from './testing/fixtures.js';

const soffice = findProgram('soffice');
const OUT_DIR = 'test-results';

describe('rendering the DOCX with LibreOffice', () => {
  it.runIf(!soffice)('is skipped: soffice is not on the PATH', () => {
    console.warn(
      [
        '',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '!!! LibreOffice (soffice) is NOT on the PATH: the DOCX export was NOT     !!!',
        '!!! rendered and nobody has looked at it. Install it to see the page:    !!!',
        '!!!   apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils',
        '!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!',
        '',
      ].join('\n'),
    );
  });

  describe.skipIf(!soffice)('with soffice', { timeout: 120_000 }, () => {
    it('lays the seeded template out on 1 to 6 pages', async () => {
      const docx = await exportDocx({ ...approvedSummary(summaryTemplate()), draft: true });
      const { pages, ms } = await renderDocx(soffice!, docx);
      console.log(`[render] seeded template as exported: ${pages} pages, ${ms.toFixed(0)} ms`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(6);
    });

    it('draws the filled-in summary and writes page 1 to test-results/export-page1.png', async () => {
      const docx = await withLibreOfficeGrid(await exportDocx(approvedSummary()));
      const { pages, png, pdf, ms } = await renderDocx(soffice!, docx, { png: true });
      console.log(`[render] filled-in summary: ${pages} pages, ${ms.toFixed(0)} ms`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(6);
      await mkdir(OUT_DIR, { recursive: true });
      await writeFile(`${OUT_DIR}/export-page1.pdf`, pdf);
      if (png) {
        await writeFile(`${OUT_DIR}/export-page1.png`, png);
        console.log(`[render] wrote ${OUT_DIR}/export-page1.png`);
      } else {
        console.warn('[render] pdftoppm (poppler-utils) is not installed: no PNG written');
      }
    });

    it('lays about 30 pages out on about 30 pages', async () => {
      const docx = await withLibreOfficeGrid(await exportDocx(approvedSummary(longDocument(30))));
      const { pages, ms } = await renderDocx(soffice!, docx);
      console.log(`[render] the 30-page document: ${pages} pages, ${ms.toFixed(0)} ms`);
      expect(pages).toBeGreaterThan(20);
      expect(pages).toBeLessThan(40);
    });
  });
});
