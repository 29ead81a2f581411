// 分工: GET /api/documents/:id/sections, PUT /api/documents/:id/sections/:sectionId.
import { Router } from 'express';
import type { Authenticator } from '../auth/Authenticator.js';
import type { SectionService } from '../sections/SectionService.js';
import { currentUser, requireUser } from './session.js';
import { parseBody, sectionBody } from './validation.js';

export function sectionRoutes(sections: SectionService, authenticator: Authenticator): Router {
  const router = Router();
  const base = '/api/documents/:id/sections';
  router.use(base, requireUser(authenticator));

  router.get(base, async (req, res) => {
    res.json(await sections.list(req.params.id as string, currentUser(res), req.query.include === 'removed'));
  });

  router.put(`${base}/:sectionId`, async (req, res) => {
    const body = parseBody(sectionBody, req.body);
    // an unknown id (any string) is looked for among the document's sections and answered 404
    res.json(await sections.update(req.params.id as string, currentUser(res), req.params.sectionId as string, body));
  });

  return router;
}
