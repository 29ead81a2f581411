// The Express application: JSON API, health, and the built client.
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AccountService } from '../auth/AccountService.js';
import type { Authenticator } from '../auth/Authenticator.js';
import type { DocumentService } from '../documents/DocumentService.js';
import type { VersionService } from '../versions/VersionService.js';
import type { CommentService } from '../comments/CommentService.js';
import type { NotificationService } from '../comments/NotificationService.js';
import type { ApprovalService } from '../approval/ApprovalService.js';
import type { SectionService } from '../sections/SectionService.js';
import type { SuggestionService } from '../suggestions/SuggestionService.js';
import type { ImportService } from '../import/ImportService.js';
import type { ExportService } from '../documents/ExportService.js';
import { authRoutes, type AuthRouteOptions } from './authRoutes.js';
import { sameOriginWrites } from './sameOriginWrites.js';
import { documentRoutes } from './documentRoutes.js';
import { versionRoutes } from './versionRoutes.js';
import { commentRoutes } from './commentRoutes.js';
import { approvalRoutes } from './approvalRoutes.js';
import { sectionRoutes } from './sectionRoutes.js';
import { suggestionRoutes } from './suggestionRoutes.js';
import { importRoutes } from './importRoutes.js';
import { exportRoutes } from './exportRoutes.js';
import { apiNotFound, errorHandler } from './errorHandler.js';
import { staticClient } from './staticClient.js';

export interface AppDeps {
  accounts: AccountService;
  authenticator: Authenticator;
  documents: DocumentService;
  versions: VersionService;
  comments: CommentService;
  notifications: NotificationService;
  approval: ApprovalService;
  sections: SectionService;
  suggestions: SuggestionService;
  imports: ImportService;
  exporter: ExportService;
  logger: Logger;
  clientDir: string | null;
  maxJsonBytes: number;
  auth: AuthRouteOptions;
  extraOrigins: readonly string[];
  /** Whether the server can serve (storage open, not shutting down). */
  isHealthy: () => boolean;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // ProseMirror sets style attributes (text alignment, carets); no style sheets from elsewhere.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          workerSrc: ["'self'"],
          manifestSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      // Served over plain HTTP on a LAN as often as over HTTPS: no HSTS, no forced upgrades.
      strictTransportSecurity: false,
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  app.get('/healthz', (_req, res) => {
    if (deps.isHealthy()) res.json({ ok: true });
    else res.status(503).json({ ok: false });
  });
  app.use('/api', sameOriginWrites(deps.extraOrigins));
  app.use('/api', express.json({ limit: deps.maxJsonBytes }));
  app.use(authRoutes(deps.accounts, deps.authenticator, deps.auth));
  app.use(importRoutes(deps.imports, deps.authenticator));
  app.use(documentRoutes(deps.documents, deps.authenticator));
  app.use(versionRoutes(deps.versions, deps.authenticator));
  app.use(commentRoutes(deps.comments, deps.notifications, deps.authenticator));
  app.use(approvalRoutes(deps.approval, deps.authenticator));
  app.use(sectionRoutes(deps.sections, deps.authenticator));
  app.use(suggestionRoutes(deps.suggestions, deps.authenticator));
  app.use(exportRoutes(deps.exporter, deps.authenticator));
  app.use('/api', apiNotFound());
  if (deps.clientDir) app.use(staticClient(deps.clientDir));
  app.use(errorHandler(deps.logger));
  return app;
}
