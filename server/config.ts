// Reads the environment once into a typed, frozen config. No other module
// reads process.env.
import path from 'node:path';

export interface Limits {
  /** Frames over this are refused before they are buffered. */
  maxFrameBytes: number;
  /** JSON request bodies over this get 413. */
  maxJsonBytes: number;
  /** A document whose stored state would grow past this refuses further changes. */
  maxDocumentBytes: number;
  /** One client's awareness (presence) state, encoded. */
  maxAwarenessBytes: number;
  /** Awareness updates per second per connection (with a burst of three seconds' worth). */
  awarenessPerSecond: number;
  /** Messages of any kind per second per connection (with a burst of three seconds' worth). */
  messagesPerSecond: number;
  /** A connection with more than this waiting to be sent (its reader fell behind) is closed with 1013. */
  maxSendBufferBytes: number;
  maxConnectionsPerUser: number;
  maxConnectionsPerDocument: number;
  /** An HTTP connection (a WebSocket upgrade included) must send its request headers within this. */
  handshakeTimeoutMs: number;
  /** Failed sign-ins per account and address per 15 minutes. */
  loginFailuresPer15Min: number;
  /** Registrations per address per hour. */
  registrationsPerHour: number;
}

export type RegistrationMode = 'open' | 'invite';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres:// URL; when unset, SQLite in dataDir. */
  databaseUrl: string | null;
  /** PostgreSQL schema to use (created if missing); the connection's default when null. */
  databaseSchema: string | null;
  redisUrl: string | null;
  /** Prefix of the Redis channels, so that several deployments can share one Redis. */
  redisPrefix: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Built client to serve at /; null to serve no client (tests of the API alone). */
  clientDir: string | null;
  /** `invite`: only people with an invitation from an administrator can register (the first account always can). */
  registration: RegistrationMode;
  /** Browser origins accepted besides the server's own (e.g. the Vite dev server). */
  extraOrigins: readonly string[];
  /** Mark session cookies Secure (behind HTTPS). */
  secureCookies: boolean;
  sessionTtlMs: number;
  /** A room with no connections is unloaded after this long. */
  roomIdleMs: number;
  /** The update log of a document is compacted into one snapshot after this many appends. */
  compactAfterUpdates: number;
  /** While people edit, an automatic version is taken at most this often. */
  autoVersionMs: number;
  /** After people edit, section headings without an id get one and deleted sections are noticed this soon (分工). */
  sectionRefreshMs: number;
  /** 修订: a suggester's changes to a document are told to its reviewers this long after the first of a burst (one notification, not one per keystroke). */
  suggestionNoticeMs: number;
  limits: Limits;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const registration = (env.REGISTRATION || 'open') as RegistrationMode;
  if (registration !== 'open' && registration !== 'invite') throw new Error('REGISTRATION must be "open" or "invite"');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) throw new Error('DATABASE_URL must be a postgres:// URL');
  return Object.freeze({
    port: integer(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || './data'),
    databaseUrl,
    databaseSchema: env.DATABASE_SCHEMA || null,
    redisUrl: env.REDIS_URL || null,
    redisPrefix: env.REDIS_PREFIX || 'yigao:',
    logLevel,
    clientDir: path.resolve(cwd, env.CLIENT_DIR || './dist'),
    registration,
    extraOrigins: Object.freeze(
      (env.EXTRA_ORIGINS ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    secureCookies: env.SECURE_COOKIES === '1' || env.SECURE_COOKIES === 'true',
    sessionTtlMs: integer(env, 'SESSION_TTL_DAYS', 30, 1) * 24 * 3600 * 1000,
    roomIdleMs: integer(env, 'ROOM_IDLE_SECONDS', 30, 0) * 1000,
    compactAfterUpdates: integer(env, 'COMPACT_AFTER_UPDATES', 500, 1),
    autoVersionMs: integer(env, 'AUTO_VERSION_SECONDS', 300, 1) * 1000,
    sectionRefreshMs: integer(env, 'SECTION_REFRESH_SECONDS', 1, 1) * 1000,
    suggestionNoticeMs: integer(env, 'SUGGESTION_NOTICE_SECONDS', 30, 1) * 1000,
    limits: Object.freeze({
      maxFrameBytes: integer(env, 'MAX_FRAME_BYTES', 16 * 1024 * 1024, 1024),
      maxJsonBytes: integer(env, 'MAX_JSON_BYTES', 1024 * 1024, 1024),
      maxDocumentBytes: integer(env, 'MAX_DOCUMENT_BYTES', 64 * 1024 * 1024, 1024),
      maxAwarenessBytes: integer(env, 'MAX_AWARENESS_BYTES', 64 * 1024, 256),
      awarenessPerSecond: integer(env, 'AWARENESS_PER_SECOND', 30, 1),
      messagesPerSecond: integer(env, 'MESSAGES_PER_SECOND', 200, 1),
      maxSendBufferBytes: integer(env, 'MAX_SEND_BUFFER_BYTES', 8 * 1024 * 1024, 64 * 1024),
      maxConnectionsPerUser: integer(env, 'MAX_CONNECTIONS_PER_USER', 50, 1),
      maxConnectionsPerDocument: integer(env, 'MAX_CONNECTIONS_PER_DOCUMENT', 500, 1),
      handshakeTimeoutMs: integer(env, 'HANDSHAKE_TIMEOUT_SECONDS', 10, 1) * 1000,
      loginFailuresPer15Min: integer(env, 'LOGIN_FAILURES_PER_15_MIN', 10, 1),
      registrationsPerHour: integer(env, 'REGISTRATIONS_PER_HOUR', 30, 1),
    }),
  });
}
