// Serves the built client, with every unknown non-API path answered by the
// app's index.html so that /d/<id> and /login load the app.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

export function staticClient(clientDir: string): Router {
  const router = Router();
  const index = path.join(clientDir, 'index.html');
  // Hashed assets never change under their name; index.html always revalidates.
  router.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(clientDir, { index: false, maxAge: 0 }));
  router.get('/{*splat}', (req, res, next) => {
    if (req.path.startsWith('/api/') || req.path.startsWith('/collab')) return next();
    if (!fs.existsSync(index)) {
      res.status(503).type('text/plain').send('The client is not built: run `npm run build` (npm start does it for you).');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
