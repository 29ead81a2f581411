import { Router } from 'express';
import { z } from 'zod';
import type { Authenticator } from '../auth/Authenticator.js';
import type { VersionService } from '../versions/VersionService.js';
import { parseBody } from './validation.js';
import { currentUser, requireUser } from './session.js';

const nameBody = z.object({
  name: z
    .string({ error: 'name must be a string' })
    .trim()
    .refine((s) => [...s].length >= 1 && [...s].length <= 100, 'name: 1–100 characters')
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'name: no control characters'),
});

const pageQuery = z.object({
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(200).default(50),
  before: z.string().max(100).optional(),
});

const diffQuery = z.object({ against: z.string().max(100).default('current') });

export function versionRoutes(versions: VersionService, authenticator: Authenticator): Router {
  const router = Router();
  const base = '/api/documents/:id/versions';
  router.use(base, requireUser(authenticator));

  router.get(base, async (req, res) => {
    const page = parseBody(pageQuery, req.query);
    res.json(await versions.list(req.params.id as string, currentUser(res), page));
  });

  router.post(base, async (req, res) => {
    const body = parseBody(nameBody, req.body);
    res.status(201).json(await versions.createNamed(req.params.id as string, currentUser(res), body.name));
  });

  router.get(`${base}/:vid`, async (req, res) => {
    res.json(await versions.get(req.params.id as string, currentUser(res), req.params.vid as string));
  });

  router.get(`${base}/:vid/diff`, async (req, res) => {
    const { against } = parseBody(diffQuery, req.query);
    res.json(await versions.diff(req.params.id as string, currentUser(res), req.params.vid as string, against));
  });

  router.post(`${base}/:vid/restore`, async (req, res) => {
    res.json(await versions.restore(req.params.id as string, currentUser(res), req.params.vid as string));
  });

  return router;
}
