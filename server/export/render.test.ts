// Renders the exported summary, as exported, with LibreOffice where it is
// installed (pageLayout.test.ts measures the pages and writes pictures of
// them). Without LibreOffice this is skipped, and says so (a failure in CI).
import { describe, expect, it } from 'vitest';
import { exportDocx } from './docx.js';
import { findProgram, renderDocx } from './preview/render.js';
import { approvedSummary, longDocument, summaryTemplate } from './testing/fixtures.js';
import { libreOffice, requires } from '../../tests/helpers/requirements.js';

const soffice = findProgram('soffice');

describe('rendering the DOCX with LibreOffice', () => {
  const ready = requires(libreOffice());

  describe.skipIf(!ready)('with soffice', { timeout: 120_000 }, () => {
    it('lays the seeded template out on 1 to 6 pages', async () => {
      const docx = await exportDocx({ ...approvedSummary(summaryTemplate()), draft: true });
      const { pages, ms } = await renderDocx(soffice!, docx);
      console.log(`[render] seeded template as exported: ${pages} pages, ${ms.toFixed(0)} ms`);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(6);
    });

    it('lays the filled-in summary out on 2 to 4 pages', async () => {
      const { pages, ms } = await renderDocx(soffice!, await exportDocx(approvedSummary()));
      console.log(`[render] filled-in summary: ${pages} pages, ${ms.toFixed(0)} ms`);
      expect(pages).toBeGreaterThanOrEqual(2);
      expect(pages).toBeLessThanOrEqual(4);
    });

    it('lays about 30 pages out on about 30 pages', async () => {
      const docx = await exportDocx(approvedSummary(longDocument(30)));
      const { pages, ms } = await renderDocx(soffice!, docx);
      console.log(`[render] the 30-page document: ${pages} pages, ${ms.toFixed(0)} ms`);
      // 14 characters a line instead of 28 made it 55.
      expect(pages).toBeGreaterThanOrEqual(27);
      expect(pages).toBeLessThanOrEqual(33);
    });
  });
});
