// Typing across instances: Yigao scaled out as two instances on one
// PostgreSQL schema and one Redis prefix, the clients of every document spread
// alternately over both, against one instance on the same PostgreSQL and
// Redis. The typing scenario's clients, edit tracking and checks, with each
// client pointed at its instance; each run on a schema and prefix of its own,
// dropped afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startYigao } from '../servers/yigao.js';
import { runTyping, type TypingCase, type TypingResult } from './typing.js';

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface ScaleOutOptions {
  roomIdleSeconds: number;
  databaseUrl?: string;
  redisUrl?: string;
}

export interface ScaleOutResult extends TypingResult {
  /** Yigao instances the clients were spread over (server CPU and RSS are their sum). */
  instances: number;
  /** Typing clients connected to each instance. */
  clientsPerInstance: number[];
  /** The PostgreSQL schema (and Redis prefix, with a colon) of the run, dropped afterwards. */
  schema: string;
}

export async function runScaleOut(instances: number, spec: TypingCase, options: ScaleOutOptions, log: (line: string) => void = () => {}): Promise<ScaleOutResult> {
  const databaseUrl = options.databaseUrl ?? BENCH_DATABASE_URL;
  const redisUrl = options.redisUrl ?? BENCH_REDIS_URL;
  await checkReachable(databaseUrl, redisUrl);
  const schema = `bench_${randomBytes(6).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-out-'));
  let server: Awaited<ReturnType<typeof startYigao>> | null = null;
  try {
    server = await startYigao({
      dataDir,
      roomIdleSeconds: options.roomIdleSeconds,
      instances,
      env: { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema, REDIS_URL: redisUrl, REDIS_PREFIX: `${schema}:` },
    });
    const cluster = server;
    // Client i (document by document) on instance i mod n: each document's clients alternate between the instances.
    const result = await runTyping(cluster, spec, log, {
      client: (document, seat, client) => cluster.wireAt(client % instances, document, seat),
      verifiers: (document) => Array.from({ length: instances }, (_, k) => cluster.wireAt(k, document, 0)),
    });
    const clientsPerInstance = Array.from({ length: instances }, (_, k) => Array.from({ length: result.clients }, (_, i) => i).filter((i) => i % instances === k).length);
    return { ...result, instances, clientsPerInstance, schema };
  } finally {
    await server?.stop();
    await dropSchema(databaseUrl, schema).catch((err: Error) => log(`  could not drop schema ${schema}: ${err.message}`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Throws (quickly, with a plain message) unless PostgreSQL and Redis answer. */
export async function checkReachable(databaseUrl: string, redisUrl: string, timeoutMs = 3_000): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (err) {
    throw new Error(`PostgreSQL at ${redact(databaseUrl)} is unreachable: ${(err as Error).message || String(err)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
  let cause = '';
  redis.on('error', (err: Error) => {
    cause ||= err.message;
  });
  try {
    await redis.connect();
    const pong = await redis.ping();
    if (pong !== 'PONG') throw new Error(`PING answered ${pong}`);
  } catch (err) {
    throw new Error(`Redis at ${redact(redisUrl)} is unreachable: ${cause || (err as Error).message || String(err)}`);
  } finally {
    redis.disconnect();
  }
}

export async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, for messages. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:…@');
}
