import { Router } from 'express';
import { z } from 'zod';
import type { Authenticator } from '../auth/Authenticator.js';
import { contentDisposition, officialDate, parseExportFormat, parseGuidanceExport, type ExportService } from '../documents/ExportService.js';
import { parseBody } from './validation.js';
import { currentUser, requireUser } from './session.js';

const exportQuery = z.object({
  format: z.string().max(20).optional(),
  version: z.string().max(100).optional(),
  comments: z.enum(['0', '1', 'true', 'false']).optional(),
  signature: z.string().trim().max(100).optional(),
  date: z.string().max(20).optional(),
  guidance: z.string({ error: 'guidance must be mark or omit' }).max(20, 'guidance must be mark or omit').optional(),
});

export function exportRoutes(exporter: ExportService, authenticator: Authenticator): Router {
  const router = Router();
  router.get('/api/documents/:id/export', requireUser(authenticator), async (req, res) => {
    const query = parseBody(exportQuery, req.query);
    const format = parseExportFormat(query.format ?? 'docx');
    const signature = query.signature ? { issuer: query.signature, date: officialDate(query.date ?? new Date().toISOString().slice(0, 10)) } : null;
    const file = await exporter.export(req.params.id as string, currentUser(res), {
      format,
      version: query.version,
      withComments: query.comments === '1' || query.comments === 'true',
      signature,
      guidance: parseGuidanceExport(query.guidance),
    });
    res.setHeader('Content-Type', file.contentType);
    res.setHeader('Content-Disposition', contentDisposition(file.filename));
    res.setHeader('Cache-Control', 'no-store');
    res.send(file.body);
  });
  return router;
}
