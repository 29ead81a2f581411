// Yigao as the project ships it (SQLite in the data directory), its limits
// raised so that the load generator's many sockets per account are allowed.
import path from 'node:path';
import { yWebsocketWire } from '../client/wire.js';
import type { BenchDocument, ServerUnderTest, StartOptions } from './ServerUnderTest.js';
import { freePort, ServerProcess } from './ServerProcess.js';

interface Account {
  username: string;
  token: string;
}

export async function startYigao(options: StartOptions): Promise<ServerUnderTest> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const profile = options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : [];
  const processHandle = new ServerProcess({
    args: [...profile, '--import', 'tsx', 'server/index.ts'],
    env: {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: options.dataDir,
      CLIENT_DIR: path.join(options.dataDir, 'no-client'),
      LOG_LEVEL: 'warn',
      ROOM_IDLE_SECONDS: String(options.roomIdleSeconds),
      MAX_CONNECTIONS_PER_USER: '100000',
      MAX_CONNECTIONS_PER_DOCUMENT: '100000',
      MESSAGES_PER_SECOND: '1000000',
      AWARENESS_PER_SECOND: '100000',
      REGISTRATIONS_PER_HOUR: '100000',
    },
    healthUrl: `${base}/healthz`,
  });
  await processHandle.start();

  const accounts: Account[] = [];
  const account = async (seat: number): Promise<Account> => {
    while (accounts.length <= seat) {
      const username = `bench${accounts.length}`;
      const password = `bench-password-${accounts.length}`;
      await call('POST', '/api/auth/register', { username, password, displayName: `测试${accounts.length}` }, undefined, 201);
      const login = await call('POST', '/api/auth/login', { username, password }, undefined, 200);
      accounts.push({ username, token: login.token });
    }
    return accounts[seat];
  };
  const call = async (method: string, route: string, body: unknown, token: string | undefined, expected: number) => {
    const res = await fetch(base + route, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== expected) throw new Error(`${method} ${route}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  const owner = await account(0);

  return {
    name: 'yigao',
    description: 'Yigao (this repository), SQLite store, every edit committed before it is relayed',
    get pid() {
      return processHandle.pid;
    },
    http: { base, token: owner.token },
    async createDocuments(count, editors) {
      const members: Account[] = [];
      for (let seat = 1; seat < editors; seat++) members.push(await account(seat));
      const created: BenchDocument[] = [];
      // A few at a time: creation seeds the document in one transaction.
      for (let i = 0; i < count; i += 8) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(8, count - i) }, async () => {
            const doc = await call('POST', '/api/documents', { title: '2025年工作总结', template: 'blank' }, owner.token, 201);
            for (const member of members) {
              await call('PUT', `/api/documents/${doc.id}/members/${member.username}`, { role: 'editor' }, owner.token, 200);
            }
            return { id: doc.id as string };
          }),
        );
        created.push(...batch);
      }
      return created;
    },
    wire(document, seat) {
      const token = accounts[seat]?.token;
      if (!token) throw new Error(`no account for seat ${seat}: create the document with more editors`);
      return yWebsocketWire(`ws://127.0.0.1:${port}/collab/${document.id}?token=${token}&ack=1`, 'ack');
    },
    get lastStop() {
      return processHandle.lastStop;
    },
    output: () => processHandle.output(),
    sample: () => processHandle.sample(),
    collectGarbage: () => processHandle.collectGarbage(),
    async restart() {
      await processHandle.stop();
      await processHandle.start();
    },
    stop: () => processHandle.stop(),
  };
}
