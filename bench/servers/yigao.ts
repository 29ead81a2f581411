// Yigao as the project ships it (SQLite in the data directory), its limits
// raised so that the load generator's many sockets per account are allowed;
// or scaled out: several instances on one PostgreSQL schema and Redis prefix;
// or as real users meet it (`people`): at its default limits, every person
// with an account of their own, registered once per benchmark run
// (registerPeople) into a store that each case starts from a copy of.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { yWebsocketWire, type Wire } from '../client/wire.js';
import type { BenchDocument, ServerUnderTest, StartOptions } from './ServerUnderTest.js';
import { freePort, repoRoot, ServerProcess } from './ServerProcess.js';

export interface Account {
  username: string;
  token: string;
}

/** Accounts registered beforehand in a store of their own (registerPeople), to start servers from copies of. */
export interface People {
  /** The data directory the accounts were registered in (stopped); each server starts on a copy. */
  storeDir: string;
  /** Creates the documents and makes the people their editors. */
  owner: Account;
  /** One per person: document d's people are the next `editors` of them (see createDocuments). */
  accounts: Account[];
}

export interface YigaoOptions extends StartOptions {
  /** Extra environment for every instance (DATABASE_URL, DATABASE_SCHEMA, REDIS_URL, REDIS_PREFIX: scaled out). */
  env?: Record<string, string>;
  /** Instances on the same store, started one after the other (the first creates the schema); 1 by default. */
  instances?: number;
}

/** Only registration is raised (the benchmark registers its people from one address); the rest as shipped. */
const REGISTRATIONS = { REGISTRATIONS_PER_HOUR: '100000' };
/** Out of the way of the light load generator, which puts many sockets on one account. */
const RAISED_LIMITS = {
  MAX_CONNECTIONS_PER_USER: '100000',
  MAX_CONNECTIONS_PER_DOCUMENT: '100000',
  MESSAGES_PER_SECOND: '1000000',
  AWARENESS_PER_SECOND: '100000',
  ...REGISTRATIONS,
};

/** Yigao as one or several instances: accounts and documents are made through the first; clients connect to any. */
export interface YigaoUnderTest extends ServerUnderTest {
  readonly instances: number;
  /** How the person in `seat` connects to the document through instance `instance`. */
  wireAt(instance: number, document: BenchDocument, seat: number): Wire;
}

let built: Promise<string[]> | null = null;
/** The server as `npm start` runs it: Node's flags, then the compiled entry point (built once per benchmark run if the sources changed). */
function builtServer(): Promise<string[]> {
  built ??= (import(path.join(repoRoot, 'scripts/buildServer.mjs')) as Promise<{ buildServer: () => Promise<string>; serverNodeFlags: string[] }>).then(
    async (m) => [...m.serverNodeFlags, await m.buildServer()],
  );
  return built;
}

export async function startYigao(options: YigaoOptions): Promise<YigaoUnderTest> {
  const count = options.instances ?? 1;
  const people = options.people ?? null;
  if (people && count !== 1) throw new Error('people are registered for one instance on SQLite');
  if (people) fs.cpSync(people.storeDir, options.dataDir, { recursive: true });
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const ports: number[] = [];
  const processes: ServerProcess[] = [];
  try {
    // One after the other, as an operator would.
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const processHandle = new ServerProcess({
        // As `npm start` runs it (compiled by scripts/buildServer.mjs); under the profiler from the TypeScript
        // sources through tsx, so that the profile names Yigao's files and functions.
        args: options.cpuProfileDir ? [...profile, ...(await builtServer()).slice(0, -1), '--import', 'tsx', 'server/index.ts'] : await builtServer(),
        env: {
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: count === 1 ? options.dataDir : path.join(options.dataDir, `instance-${i}`),
          CLIENT_DIR: path.join(options.dataDir, 'no-client'),
          LOG_LEVEL: 'warn',
          ROOM_IDLE_SECONDS: String(options.roomIdleSeconds),
          ...(people ? REGISTRATIONS : RAISED_LIMITS),
          ...options.env,
        },
        healthUrl: `http://127.0.0.1:${port}/healthz`,
      });
      processes.push(processHandle);
      await processHandle.start();
      ports.push(port);
    }
  } catch (err) {
    await Promise.all(processes.map((p) => p.stop()));
    throw err;
  }
  const port = ports[0];
  const base = `http://127.0.0.1:${port}`;
  const processHandle = processes[0];

  // Without `people`: seat s of every document is the account bench<s> (the owner in seat 0).
  const accounts: Account[] = [];
  const account = async (seat: number): Promise<Account> => {
    while (accounts.length <= seat) accounts.push(await register(base, accounts.length));
    return accounts[seat];
  };
  /** With `people`: each document's own people, seat by seat. */
  const documentPeople = new Map<string, Account[]>();
  let nextPerson = 0;
  let owner: Account;
  try {
    owner = people?.owner ?? (await account(0));
  } catch (err) {
    await Promise.all(processes.map((p) => p.stop()));
    throw err;
  }

  const wireAt = (instance: number, document: BenchDocument, seat: number): Wire => {
    const token = (people ? documentPeople.get(document.id) : accounts)?.[seat]?.token;
    if (!token) throw new Error(`no account for seat ${seat}: create the document with more editors`);
    const instancePort = ports[instance % ports.length];
    return yWebsocketWire(`ws://127.0.0.1:${instancePort}/collab/${document.id}?token=${token}&ack=1`, 'ack');
  };

  return {
    name: 'yigao',
    description:
      count === 1
        ? `Yigao (this repository), ${options.env?.DATABASE_URL ? 'PostgreSQL' : 'SQLite'} store, every edit committed before it is relayed` +
          (people ? ', default limits, an account per person' : '')
        : `Yigao (this repository), ${count} instances on one PostgreSQL schema and one Redis prefix`,
    instances: count,
    get pid() {
      return processHandle.pid;
    },
    http: { base, token: owner.token },
    async createDocuments(count, editors) {
      const shared: Account[] = [];
      if (!people) for (let seat = 1; seat < editors; seat++) shared.push(await account(seat));
      const created: BenchDocument[] = [];
      // A few at a time: creation seeds the document in one transaction.
      for (let i = 0; i < count; i += 8) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(8, count - i) }, async () => {
            let members = shared;
            if (people) {
              members = people.accounts.slice(nextPerson, nextPerson + editors);
              nextPerson += editors;
              if (members.length < editors) throw new Error(`only ${people.accounts.length} people registered`);
            }
            const doc = await call(base, 'POST', '/api/documents', { title: '2025年工作总结', template: 'blank' }, owner.token, 201);
            for (const member of members) {
              await call(base, 'PUT', `/api/documents/${doc.id}/members/${member.username}`, { role: 'editor' }, owner.token, 200);
            }
            if (people) documentPeople.set(doc.id as string, members);
            return { id: doc.id as string };
          }),
        );
        created.push(...batch);
      }
      return created;
    },
    wire: (document, seat) => wireAt(0, document, seat),
    wireAt,
    get lastStop() {
      return processHandle.lastStop;
    },
    output: () => processes.map((p, i) => (processes.length > 1 ? `[instance ${i}]\n${p.output()}` : p.output())).join('\n'),
    // Several instances: their CPU and memory summed.
    sample: () =>
      processes
        .map((p) => p.sample())
        .reduce((a, b) => ({ cpuSeconds: a.cpuSeconds + b.cpuSeconds, rssBytes: a.rssBytes + b.rssBytes, peakRssBytes: a.peakRssBytes + b.peakRssBytes })),
    resetPeakRss: () => processes.map((p) => p.resetPeakRss()).every(Boolean),
    collectGarbage: () => processHandle.collectGarbage(),
    async restart() {
      await Promise.all(processes.map((p) => p.stop()));
      for (const p of processes) await p.start();
    },
    stop: async () => {
      await Promise.all(processes.map((p) => p.stop()));
    },
  };
}

async function request(base: string, method: string, route: string, body: unknown, token: string | undefined, expected: number) {
  const res = await fetch(base + route, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expected) throw new Error(`${method} ${route}: ${res.status} ${text}`);
  return { headers: res.headers, json: text ? JSON.parse(text) : null };
}

const call = async (base: string, method: string, route: string, body: unknown, token: string | undefined, expected: number) =>
  (await request(base, method, route, body, token, expected)).json;

/** Registers account bench<n>. Registering signs the person in, as in the browser: the session cookie's token is the bearer token (one password hash per person, not a second one for a login). */
async function register(base: string, n: number): Promise<Account> {
  const username = `bench${n}`;
  const res = await request(base, 'POST', '/api/auth/register', { username, password: `bench-password-${n}`, displayName: `测试${n}` }, undefined, 201);
  const token = res.headers
    .getSetCookie()
    .map((cookie) => /^yigao_session=([^;]+)/.exec(cookie)?.[1])
    .find(Boolean);
  if (!token) throw new Error('POST /api/auth/register set no session cookie');
  return { username, token: decodeURIComponent(token) };
}

/**
 * An owner and `count` people registered on a Yigao of their own, stopped, its store kept (remove `storeDir`
 * when done). Each password is hashed with scrypt (tens of milliseconds): once per run, not once per case.
 */
export async function registerPeople(count: number, options: Omit<StartOptions, 'dataDir'>): Promise<People> {
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-people-'));
  try {
    const server = await startYigao({ ...options, dataDir: storeDir });
    try {
      const { base, token } = server.http!;
      const accounts: Account[] = [];
      // A few at a time: the hashes run on the server's thread pool.
      for (let n = 1; n <= count; n += 8) {
        accounts.push(...(await Promise.all(Array.from({ length: Math.min(8, count + 1 - n) }, (_, k) => register(base, n + k)))));
      }
      return { storeDir, owner: { username: 'bench0', token }, accounts };
    } finally {
      await server.stop();
    }
  } catch (err) {
    fs.rmSync(storeDir, { recursive: true, force: true });
    throw err;
  }
}
