// 修订: GET /api/documents/:id/suggestions; POST …/suggestions/:sid/accept and
// …/reject; POST …/suggestions/accept-all and …/reject-all ({author?}).
import { Router } from 'express';
import type { Authenticator } from '../auth/Authenticator.js';
import type { SuggestionService } from '../suggestions/SuggestionService.js';
import { currentUser, requireUser } from './session.js';
import { parseBody, reviewAllBody } from './validation.js';

export function suggestionRoutes(suggestions: SuggestionService, authenticator: Authenticator): Router {
  const router = Router();
  const base = '/api/documents/:id/suggestions';
  router.use(base, requireUser(authenticator));

  router.get(base, async (req, res) => {
    res.json(await suggestions.list(req.params.id as string, currentUser(res)));
  });

  // before /:sid/…: "accept-all" is no suggestion id
  for (const decision of ['accept', 'reject'] as const) {
    router.post(`${base}/${decision}-all`, async (req, res) => {
      const { author } = parseBody(reviewAllBody, req.body);
      const n = await suggestions.reviewAll(req.params.id as string, currentUser(res), decision, author);
      res.json({ [decision === 'accept' ? 'accepted' : 'rejected']: n });
    });
    router.post(`${base}/:sid/${decision}`, async (req, res) => {
      // an unknown id (any string) is looked for among the document's suggestions and answered 404
      await suggestions.review(req.params.id as string, currentUser(res), req.params.sid as string, decision);
      res.json(await suggestions.list(req.params.id as string, currentUser(res)));
    });
  }

  return router;
}
