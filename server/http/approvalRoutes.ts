import { Router } from 'express';
import type { ApprovalService } from '../approval/ApprovalService.js';
import type { Authenticator } from '../auth/Authenticator.js';
import { currentUser, requireUser } from './session.js';

export function approvalRoutes(approval: ApprovalService, authenticator: Authenticator): Router {
  const router = Router();
  router.use('/api/documents/:id/approv', requireUser(authenticator));
  router.use('/api/documents/:id/reopen', requireUser(authenticator));

  // What is unfinished, for the owner to see before approving.
  router.get('/api/documents/:id/approval', async (req, res) => {
    res.json(await approval.warnings(req.params.id as string, currentUser(res)));
  });

  router.post('/api/documents/:id/approve', async (req, res) => {
    res.json(await approval.approve(req.params.id as string, currentUser(res)));
  });

  router.post('/api/documents/:id/reopen', async (req, res) => {
    res.json(await approval.reopen(req.params.id as string, currentUser(res)));
  });

  return router;
}
