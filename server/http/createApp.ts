// The Express application: JSON API, health, and the built client.
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import type { AccountService } from '../auth/AccountService.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { DocumentService } from '../documents/DocumentService.js';
import { authRoutes } from './authRoutes.js';
import { documentRoutes } from './documentRoutes.js';
import { apiNotFound, errorHandler } from './errorHandler.js';
import { staticClient } from './staticClient.js';

export interface AppDeps {
  accounts: AccountService;
  authenticator: Authenticator;
  documents: DocumentService;
  logger: Logger;
  clientDir: string | null;
  maxJsonBytes: number;
  secureCookies: boolean;
  /** Whether the server can serve (storage open, not shutting down). */
  isHealthy: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'same-origin');
    next();
  });
  app.get('/healthz', (_req, res) => {
    if (deps.isHealthy()) res.json({ ok: true });
    else res.status(503).json({ ok: false });
  });
  app.use('/api', express.json({ limit: deps.maxJsonBytes }));
  app.use(authRoutes(deps.accounts, deps.authenticator, deps.secureCookies));
  app.use(documentRoutes(deps.documents, deps.authenticator));
  app.use('/api', apiNotFound());
  if (deps.clientDir) app.use(staticClient(deps.clientDir));
  app.use(errorHandler(deps.logger));
  return app;
}
