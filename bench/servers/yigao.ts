// Yigao as the project ships it (SQLite in the data directory), its limits
// raised so that the load generator's many sockets per account are allowed;
// or as real users meet it (`people`): at its default limits, every person
// with an account of their own, registered once per benchmark run
// (registerPeople) into a store that each case starts from a copy of.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { yWebsocketWire, type Wire } from '../client/wire.js';
import { processBacked, type BenchDocument, type ServerUnderTest, type StartOptions } from './ServerUnderTest.js';
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

let built: Promise<string[]> | null = null;
/** The server as `npm start` runs it: Node's flags, then the compiled entry point (built once per benchmark run if the sources changed). */
function builtServer(): Promise<string[]> {
  built ??= (import(path.join(repoRoot, 'scripts/buildServer.mjs')) as Promise<{ buildServer: () => Promise<string>; serverNodeFlags: string[] }>).then(
    async (m) => [...m.serverNodeFlags, await m.buildServer()],
  );
  return built;
}

export async function startYigao(options: StartOptions): Promise<ServerUnderTest> {
  const people = options.people ?? null;
  if (people) fs.cpSync(people.storeDir, options.dataDir, { recursive: true });
  const port = await freePort();
  const processHandle = new ServerProcess({
    // As `npm start` runs it (compiled by scripts/buildServer.mjs).
    args: await builtServer(),
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      CLIENT_DIR: options.clientDir ?? path.join(options.dataDir, 'no-client'),
      LOG_LEVEL: 'warn',
      ROOM_IDLE_SECONDS: String(options.roomIdleSeconds),
      ...(people ? REGISTRATIONS : RAISED_LIMITS),
    },
    healthUrl: `http://127.0.0.1:${port}/healthz`,
  });
  await processHandle.start();
  const base = `http://127.0.0.1:${port}`;

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
    await processHandle.stop();
    throw err;
  }

  const wire = (document: BenchDocument, seat: number): Wire => {
    const token = (people ? documentPeople.get(document.id) : accounts)?.[seat]?.token;
    if (!token) throw new Error(`no account for seat ${seat}: create the document with more editors`);
    return yWebsocketWire(`ws://127.0.0.1:${port}/collab/${document.id}?token=${token}&ack=1`, 'ack');
  };

  return processBacked(processHandle, {
    name: 'yigao',
    description: 'Yigao (this repository), SQLite store, every edit committed before it is relayed' + (people ? ', default limits, an account per person' : ''),
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
    wire,
  });
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
