import { Router } from 'express';
import { isTemplateId, templates } from '../../shared/templates.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { DocumentService } from '../documents/DocumentService.js';
import { badRequest } from '../errors.js';
import { createDocumentBody, memberBody, parseBody, renameDocumentBody, reviewBody, usernameSchema } from './validation.js';
import { currentUser, requireUser } from './session.js';

export function documentRoutes(documents: DocumentService, authenticator: Authenticator): Router {
  const router = Router();
  router.use('/api/templates', requireUser(authenticator));
  router.use('/api/documents', requireUser(authenticator));

  router.get('/api/templates', (_req, res) => {
    res.json(templates);
  });

  router.get('/api/documents', async (_req, res) => {
    res.json(await documents.list(currentUser(res)));
  });

  router.post('/api/documents', async (req, res) => {
    const body = parseBody(createDocumentBody, req.body);
    if (!isTemplateId(body.template)) {
      throw badRequest('unknown_template', `No template "${body.template}"; see GET /api/templates.`);
    }
    res.status(201).json(await documents.create(currentUser(res), body.title, body.template));
  });

  router.get('/api/documents/:id', async (req, res) => {
    res.json(await documents.get(req.params.id, currentUser(res)));
  });

  router.patch('/api/documents/:id', async (req, res) => {
    const body = parseBody(renameDocumentBody, req.body);
    res.json(await documents.rename(req.params.id, currentUser(res), body.title));
  });

  router.delete('/api/documents/:id', async (req, res) => {
    await documents.delete(req.params.id, currentUser(res));
    res.status(204).end();
  });

  router.get('/api/documents/:id/members', async (req, res) => {
    res.json(await documents.members(req.params.id, currentUser(res)));
  });

  router.put('/api/documents/:id/members/:username', async (req, res) => {
    const username = parseBody(usernameSchema, req.params.username);
    const body = parseBody(memberBody, req.body);
    res.json(await documents.setMember(req.params.id, currentUser(res), username, body.role));
  });

  router.delete('/api/documents/:id/members/:username', async (req, res) => {
    const username = parseBody(usernameSchema, req.params.username);
    await documents.removeMember(req.params.id, currentUser(res), username);
    res.status(204).end();
  });

  router.post('/api/documents/:id/submit', async (req, res) => {
    res.json(await documents.submit(req.params.id, currentUser(res)));
  });

  // 修订: the owner asks that editors only suggest (or lets them edit again).
  router.put('/api/documents/:id/review', async (req, res) => {
    const body = parseBody(reviewBody, req.body);
    res.json(await documents.setReview(req.params.id, currentUser(res), body.suggestOnly));
  });

  router.get('/api/documents/:id/content', async (req, res) => {
    res.json(await documents.content(req.params.id, currentUser(res)));
  });

  return router;
}
