// Builds the whole server from a config: storage, collaboration, HTTP. Starts
// nothing by itself; listen() and close() are the caller's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { AccountService } from './auth/AccountService.js';
import { Authenticator } from './auth/Authenticator.js';
import { CollabServer } from './collab/CollabServer.js';
import { Transport } from './collab/transport.js';
import { RoomRegistry } from './collab/RoomRegistry.js';
import type { Config } from './config.js';
import { DocumentAccess } from './access/DocumentAccess.js';
import { DocumentService } from './documents/DocumentService.js';
import { createApp } from './http/createApp.js';
import type { Storage } from './store/Storage.js';
import { AutoVersioner } from './versions/AutoVersioner.js';
import { CommentService } from './comments/CommentService.js';
import { NotificationService } from './comments/NotificationService.js';
import { AfterChanges } from './AfterChanges.js';
import { SuggestionNotifier } from './suggestions/SuggestionNotifier.js';
import { SectionService } from './sections/SectionService.js';
import { SuggestionService } from './suggestions/SuggestionService.js';
import { ImportService } from './import/ImportService.js';
import { ApprovalService } from './approval/ApprovalService.js';
import { ExportService } from './documents/ExportService.js';
import { VersionService } from './versions/VersionService.js';
import { openSqliteStorage } from './store/sqlite/openSqliteStorage.js';
import { LocalPubSub, type PubSub } from './pubsub/PubSub.js';
import { newId } from './ids.js';

/** Comment anchors are brought up to date this long after people edit. */
/** How soon after a burst of changes comment anchors are brought up to date. */
const ANCHOR_REFRESH_MS = 1000;
/** How soon words typed on in a suggestion decided meanwhile become a suggestion of their own (SuggestionService.renameReturned). */
const DECIDED_REFRESH_MS = 300;

export interface ServerDeps {
  logger?: Logger;
  storage?: Storage;
  pubsub?: PubSub;
}

export interface YigaoServer {
  readonly http: http.Server;
  readonly storage: Storage;
  readonly registry: RoomRegistry;
  readonly logger: Logger;
  listen(): Promise<{ port: number; url: string }>;
  /** Stops accepting, stores everything pending, closes sockets with 1012. */
  close(): Promise<void>;
}

export async function createServer(config: Config, deps: ServerDeps = {}): Promise<YigaoServer> {
  const logger = deps.logger ?? pino({ level: config.logLevel });
  const storage =
    deps.storage ??
    (config.databaseUrl
      ? await (await import('./store/postgres/openPostgresStorage.js')).openPostgresStorage(config.databaseUrl, config.databaseSchema ?? undefined)
      : openSqliteStorage(config.dataDir, 'NORMAL', logger));
  const authenticator = new Authenticator(storage.accounts, config.sessionTtlMs);
  const instanceId = newId();
  // PostgreSQL's and Redis's clients are loaded only when configured.
  const pubsub =
    deps.pubsub ??
    (config.redisUrl ? new (await import('./pubsub/RedisPubSub.js')).RedisPubSub(config.redisUrl, config.redisPrefix, logger) : new LocalPubSub());
  const autoVersions = new AutoVersioner(config.autoVersionMs, logger);
  const anchorKeeper = new AfterChanges(ANCHOR_REFRESH_MS, 'refreshing comment anchors', logger);
  const sectionKeeper = new AfterChanges(config.sectionRefreshMs, 'refreshing sections', logger);
  const decidedKeeper = new AfterChanges(DECIDED_REFRESH_MS, 'renaming decided suggestions typed on', logger);
  const registry = new RoomRegistry({
    documents: storage.documents,
    records: storage.records,
    logger,
    roomIdleMs: config.roomIdleMs,
    compactAfterUpdates: config.compactAfterUpdates,
    limits: config.limits,
    versions: storage.versions,
    pubsub,
    instanceId,
    observer: {
      changed: (room) => {
        autoVersions.changed(room);
        anchorKeeper.changed(room);
        sectionKeeper.changed(room);
        decidedKeeper.changed(room);
      },
      writersLeft: (room) => autoVersions.writersLeft(room),
      suggested: (room, user) => suggestionNotices.suggested(room, user),
    },
  });
  // Built after the registry it reads rooms from; no room exists (or tells it anything) before.
  const suggestionNotices = new SuggestionNotifier(config.suggestionNoticeMs, storage, registry, logger);
  const access = new DocumentAccess(storage.records);
  const documents = new DocumentService(storage, registry, access);
  const versions = new VersionService(storage, registry, access);
  autoVersions.bind((documentId) => versions.takeAutomatic(documentId));
  const comments = new CommentService(storage, registry, access);
  anchorKeeper.bind((documentId) => comments.refreshAnchors(documentId));
  const sections = new SectionService(storage, registry, access, comments);
  sectionKeeper.bind((documentId) => sections.refresh(documentId));
  const suggestions = new SuggestionService(registry, access);
  decidedKeeper.bind((documentId) => suggestions.renameReturned(documentId));
  const collab = new CollabServer({
    registry,
    authenticator,
    access,
    logger,
    limits: config.limits,
    extraOrigins: config.extraOrigins,
    transport: new Transport({ maxFrameBytes: config.limits.maxFrameBytes }),
  });
  let closing = false;
  const app = createApp({
    accounts: new AccountService(storage.accounts, config.registration),
    authenticator,
    documents,
    versions,
    comments,
    notifications: new NotificationService(storage, access),
    approval: new ApprovalService(storage, registry, access, documents, versions, comments, sections),
    sections,
    suggestions,
    imports: new ImportService(documents, versions),
    exporter: new ExportService(storage, registry, access),
    logger,
    clientDir: config.clientDir,
    maxJsonBytes: config.limits.maxJsonBytes,
    auth: {
      secureCookies: config.secureCookies,
      loginFailuresPer15Min: config.limits.loginFailuresPer15Min,
      registrationsPerHour: config.limits.registrationsPerHour,
    },
    extraOrigins: config.extraOrigins,
    // Without Redis, instances still converge through the database (more slowly): serving goes on.
    isHealthy: () => !closing && registry.healthy,
  });
  // A connection that does not send its request headers (a WebSocket upgrade included) in time is
  // dropped; Node checks for such connections every connectionsCheckingInterval.
  const { handshakeTimeoutMs } = config.limits;
  const server = http.createServer(
    {
      headersTimeout: handshakeTimeoutMs,
      requestTimeout: Math.max(30_000, handshakeTimeoutMs),
      connectionsCheckingInterval: Math.min(5_000, handshakeTimeoutMs / 2),
    },
    app,
  );
  server.on('upgrade', (req, socket, head) => {
    if (closing || !collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  const sessionSweep = setInterval(() => {
    storage.accounts.deleteExpiredSessions(Date.now()).catch((err) => logger.warn({ err }, 'session sweep failed'));
  }, 3600_000);
  sessionSweep.unref();

  return {
    http: server,
    storage,
    registry,
    logger,
    listen: () =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.port, config.host, () => {
          const { port } = server.address() as AddressInfo;
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          resolve({ port, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}` });
        });
      }),
    async close() {
      if (closing) return;
      closing = true;
      clearInterval(sessionSweep);
      autoVersions.close();
      anchorKeeper.close();
      sectionKeeper.close();
      decidedKeeper.close();
      suggestionNotices.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await registry.closeAll();
      await collab.close();
      server.closeAllConnections();
      await stopped;
      await pubsub.close();
      await storage.close();
    },
  };
}
