import { Router } from 'express';
import { z } from 'zod';
import type { Authenticator } from '../auth/Authenticator.js';
import type { CommentService } from '../comments/CommentService.js';
import type { NotificationService } from '../comments/NotificationService.js';
import { parseBody } from './validation.js';
import { currentUser, requireUser } from './session.js';

const MAX_BODY_CHARS = 5000;

// Plain text: anything is allowed but control characters other than line breaks.
const bodySchema = z
  .string({ error: 'body must be a string' })
  .trim()
  .refine((s) => [...s].length >= 1, 'body: write something')
  .refine((s) => [...s].length <= MAX_BODY_CHARS, `body: at most ${MAX_BODY_CHARS} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'body: no control characters');

const newThreadBody = z
  .object({
    body: bodySchema,
    quote: z.string({ error: 'quote must be a string' }).min(1, 'quote: the words to comment on').max(MAX_BODY_CHARS).optional(),
    anchor: z.object({ start: z.unknown(), end: z.unknown() }).optional(),
  })
  .refine((b) => b.quote !== undefined || b.anchor !== undefined, 'quote: the words to comment on (or an anchor)');

const replyBody = z.object({ body: bodySchema });

const readBody = z.object({ ids: z.array(z.string().max(100)).max(500).optional() });
const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });

export function commentRoutes(comments: CommentService, notifications: NotificationService, authenticator: Authenticator): Router {
  const router = Router();
  const base = '/api/documents/:id/comments';
  router.use(base, requireUser(authenticator));
  router.use('/api/notifications', requireUser(authenticator));

  router.get(base, async (req, res) => {
    res.json(await comments.list(req.params.id as string, currentUser(res)));
  });

  router.post(base, async (req, res) => {
    const body = parseBody(newThreadBody, req.body);
    res
      .status(201)
      .json(
        await comments.create(req.params.id as string, currentUser(res), body as { body: string; quote?: string; anchor?: { start: unknown; end: unknown } }),
      );
  });

  router.post(`${base}/:cid/replies`, async (req, res) => {
    const { body } = parseBody(replyBody, req.body);
    res.status(201).json(await comments.reply(req.params.id as string, currentUser(res), req.params.cid as string, body));
  });

  router.post(`${base}/:cid/resolve`, async (req, res) => {
    res.json(await comments.setResolved(req.params.id as string, currentUser(res), req.params.cid as string, true));
  });

  router.post(`${base}/:cid/reopen`, async (req, res) => {
    res.json(await comments.setResolved(req.params.id as string, currentUser(res), req.params.cid as string, false));
  });

  router.get('/api/notifications', async (req, res) => {
    const { limit } = parseBody(listQuery, req.query);
    res.json(await notifications.list(currentUser(res), limit));
  });

  router.post('/api/notifications/read', async (req, res) => {
    const { ids } = parseBody(readBody, req.body);
    await notifications.markRead(currentUser(res), ids ?? 'all');
    res.status(204).end();
  });

  return router;
}
