// POST /api/documents/import?title=…[&dryRun=1]: a .docx as the raw body
// (API.md "Import from Word"); the file's name, when the client knows it, in
// X-File-Name (URI-encoded), for the first version's name.
import express, { Router } from 'express';
import { z } from 'zod';
import type { Authenticator } from '../auth/Authenticator.js';
import { ApiError } from '../errors.js';
import type { ImportService } from '../import/ImportService.js';
import { currentUser, requireUser } from './session.js';
import { parseBody, titleSchema } from './validation.js';

export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** The API's limit on an uploaded .docx. */
export const MAX_DOCX_BYTES = 20 * 1024 * 1024;

const importQuery = z.object({
  title: titleSchema.optional(),
  dryRun: z.enum(['0', '1', 'true', 'false'], { error: 'dryRun must be 1 or 0' }).optional(),
});

/** The file's name from X-File-Name: decoded, without a path, at most 200 characters; undefined when absent or unreadable. */
function fileNameOf(header: string | undefined): string | undefined {
  if (!header) return undefined;
  try {
    const name = decodeURIComponent(header).split(/[\\/]/).pop() ?? '';
    const clean = [...name.replace(/[\u0000-\u001f\u007f]/g, '').trim()].slice(0, 200).join('');
    return clean || undefined;
  } catch {
    return undefined;
  }
}

export function importRoutes(imports: ImportService, authenticator: Authenticator): Router {
  const router = Router();
  router.post(
    '/api/documents/import',
    requireUser(authenticator),
    (req, _res, next) => {
      // told before the body is read: another type is not read at all
      if (!req.is(DOCX_CONTENT_TYPE)) {
        next(new ApiError(415, 'unsupported_media_type', `Send the .docx file as the body with Content-Type: ${DOCX_CONTENT_TYPE}.`));
        return;
      }
      next();
    },
    express.raw({ type: () => true, limit: MAX_DOCX_BYTES }),
    async (req, res) => {
      const query = parseBody(importQuery, req.query);
      const file = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : new Uint8Array(0);
      if (query.dryRun === '1' || query.dryRun === 'true') {
        res.json(await imports.preview(file));
        return;
      }
      const fileName = fileNameOf(req.get('x-file-name'));
      res.status(201).json(await imports.import(currentUser(res), file, { title: query.title, fileName }));
    },
  );
  return router;
}
