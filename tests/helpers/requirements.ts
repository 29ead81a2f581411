// What some tests need beyond `npm install`: PostgreSQL, Redis, Chromium,
// LibreOffice, poppler's pdftotext. One place decides whether each is there.
//
//   const ready = requires(await postgres(), await redis());
//   describe.skipIf(!ready)('…', () => { … });
//
// On a machine without one, the file's tests are skipped and the run says so
// plainly ("skipped: PostgreSQL not reachable at …", as a skipped test and on
// stderr). With CI set (.ci/run sets CI=true and provides them all), a missing
// requirement is a failing test with the same message instead: CI never
// passes by skipping.
import fs from 'node:fs';
import net from 'node:net';
import pg from 'pg';
import { it } from 'vitest';
import { findProgram } from '../../server/export/preview/render.js';
import { CHROMIUM } from './browser.js';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from './cluster.js';

export interface Requirement {
  /** What is needed, as people call it ("PostgreSQL"). */
  readonly name: string;
  readonly available: boolean;
  /** Why it is missing, and how to get it (empty when available). */
  readonly missing: string;
}

const CHECK_TIMEOUT_MS = 2_000;

/** In CI a missing requirement fails instead of skipping. */
export const strict = (): boolean => Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0';

/** The PostgreSQL the tests use (TEST_DATABASE_URL, by default postgres://postgres@127.0.0.1:5432/test). */
export async function postgres(url = TEST_DATABASE_URL): Promise<Requirement> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CHECK_TIMEOUT_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return { name: 'PostgreSQL', available: true, missing: '' };
  } catch (err) {
    return {
      name: 'PostgreSQL',
      available: false,
      missing: `PostgreSQL not reachable at ${redact(url)} (${(err as Error).message}); set TEST_DATABASE_URL or start one (apt-get install postgresql)`,
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The Redis the tests use (TEST_REDIS_URL, by default redis://127.0.0.1:6379): answers PING. */
export async function redis(url = TEST_REDIS_URL): Promise<Requirement> {
  const { hostname, port } = new URL(url);
  const answer = await new Promise<string>((resolve) => {
    const socket = net.connect({ host: hostname || '127.0.0.1', port: Number(port) || 6379 });
    const done = (text: string) => {
      socket.destroy();
      resolve(text);
    };
    socket.setTimeout(CHECK_TIMEOUT_MS, () => done('timed out'));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString('utf8').trim()));
    socket.on('error', (err) => done(err.message));
  });
  return answer === '+PONG'
    ? { name: 'Redis', available: true, missing: '' }
    : {
        name: 'Redis',
        available: false,
        missing: `Redis not reachable at ${redact(url)} (${answer}); set TEST_REDIS_URL or start one (apt-get install redis-server)`,
      };
}

/** Debian's Chromium, which the browser tests drive (never a downloaded browser). */
export function chromium(): Requirement {
  return fs.existsSync(CHROMIUM)
    ? { name: 'Chromium', available: true, missing: '' }
    : { name: 'Chromium', available: false, missing: `Chromium not found at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk)` };
}

/** LibreOffice's soffice on the PATH, which renders the Word export. */
export function libreOffice(): Requirement {
  return findProgram('soffice')
    ? { name: 'LibreOffice', available: true, missing: '' }
    : {
        name: 'LibreOffice',
        available: false,
        missing: 'LibreOffice (soffice) not on the PATH (apt-get install --no-install-recommends libreoffice-writer-nogui)',
      };
}

/** poppler's pdftotext on the PATH, which reads rendered pages back. */
export function pdftotext(): Requirement {
  return findProgram('pdftotext')
    ? { name: 'pdftotext', available: true, missing: '' }
    : { name: 'pdftotext', available: false, missing: 'pdftotext not on the PATH (apt-get install poppler-utils)' };
}

/**
 * Call at the top of a test file (or a describe): true when every requirement is met. Otherwise, for each
 * missing one, adds a skipped test named "skipped: <why>" and writes the same to stderr; with CI set, adds a
 * failing test with that message instead.
 */
export function requires(...requirements: Requirement[]): boolean {
  const missing = requirements.filter((r) => !r.available);
  for (const r of missing) {
    if (strict()) {
      it(`needs ${r.name}`, () => {
        throw new Error(`${r.missing}. CI is set: a missing requirement fails instead of skipping.`);
      });
    } else {
      console.warn(`skipped: ${r.missing}`);
      it.skip(`skipped: ${r.missing}`, () => undefined);
    }
  }
  return missing.length === 0;
}

/** A URL without its password, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '…';
    return parsed.toString();
  } catch {
    return url;
  }
}
