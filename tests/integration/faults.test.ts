// Faults of the real server process: kill -9 while several people type,
// SIGTERM, and fifty clients reconnecting at once. Acknowledged means stored.
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, occurrences, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';

let proc: ServerProcess | null = null;
const clients: CollabClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await proc?.stop();
  proc = null;
});

/** A member typing markers; remembers which of them the server acknowledged. */
class Typist {
  readonly markers: string[] = [];
  readonly acknowledged = new Set<string>();
  private readonly waiting: { marker: string; socket: unknown; frame: number }[] = [];
  private n = 0;

  constructor(
    readonly client: CollabClient,
    readonly name: string,
  ) {
    client.acks.onAck((frames) => {
      const socket = client.provider.ws;
      for (const w of this.waiting) if (w.socket === socket && w.frame <= frames) this.acknowledged.add(w.marker);
    });
  }

  type(): void {
    const marker = `«${this.name}-${this.n++}»`;
    appendParagraph(this.client, `委员${marker}`);
    this.markers.push(marker);
    // sending is synchronous while connected: this insert is the socket's latest update frame
    if (this.client.provider.wsconnected) this.waiting.push({ marker, socket: this.client.provider.ws, frame: this.client.acks.sentFrames });
  }
}

async function team(server: ServerProcess, size: number): Promise<{ id: string; typists: Typist[]; owner: TestUser }> {
  const users = await Promise.all(Array.from({ length: size }, (_, i) => newUser(server.url, `委员${i}`)));
  const owner = users[0];
  const id = await newDocument(server.url, owner);
  for (const u of users.slice(1)) await share(server.url, owner, id, u, 'editor');
  const typists = users.map((u, i) => {
    const c = connect(server.wsUrl, id, u.token);
    clients.push(c);
    return new Typist(c, `c${i}`);
  });
  await Promise.all(typists.map((t) => synced(t.client)));
  return { id, typists, owner };
}

async function typeFor(typists: Typist[], ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    for (const t of typists) t.type();
    await new Promise((r) => setTimeout(r, 4));
  }
}

describe('faults of the server process', () => {
  it('keeps every acknowledged edit through kill -9 during typing, and merges the rest once without duplicates', async () => {
    proc = await startServerProcess();
    const { id, typists, owner } = await team(proc, 4);
    await typeFor(typists, 600);
    const typing = typeFor(typists, 300);
    await new Promise((r) => setTimeout(r, 100));
    proc.kill('SIGKILL');
    expect(await proc.exited).toBe('SIGKILL');
    await typing;
    // hold the clients back, so that only the store can answer the first question
    for (const t of typists) t.client.provider.disconnect();
    const acknowledged = typists.flatMap((t) => [...t.acknowledged]);
    expect(acknowledged.length).toBeGreaterThan(100);
    await proc.start();
    // before the clients have resent anything, the store alone holds every acknowledged edit
    const afterRestart = await contentText(proc.url, owner, id);
    const missing = acknowledged.filter((m) => occurrences(afterRestart, m) !== 1);
    expect(missing, `acknowledged edits missing after kill -9 (${missing.length} of ${acknowledged.length})`).toEqual([]);
    // the clients come back and deliver what was not acknowledged, once
    for (const t of typists) t.client.provider.connect();
    await Promise.all(typists.map((t) => saved(t.client, 20_000)));
    const final = await contentText(proc.url, owner, id);
    for (const t of typists) for (const m of t.markers) expect(occurrences(final, m), m).toBe(1);
    const texts = typists.map((t) => t.client.fragment.toString());
    expect(new Set(texts).size).toBe(1);
  });

  it('on SIGTERM stores everything, closes sockets with 1012 and exits 0; clients come back', async () => {
    proc = await startServerProcess();
    const { id, typists, owner } = await team(proc, 3);
    await typeFor(typists, 300);
    const sent = typists.flatMap((t) => t.markers);
    proc.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    for (const t of typists) expect(t.client.closeCodes).toContain(CloseCode.serviceRestart);
    for (const t of typists) t.client.provider.disconnect();
    await proc.start();
    // everything the clients had sent before the signal was stored on the way down
    const stored = await contentText(proc.url, owner, id);
    const acknowledged = typists.flatMap((t) => [...t.acknowledged]);
    for (const m of acknowledged) expect(occurrences(stored, m), m).toBe(1);
    for (const t of typists) t.client.provider.connect();
    await Promise.all(typists.map((t) => saved(t.client, 20_000)));
    const final = await contentText(proc.url, owner, id);
    for (const m of sent) expect(occurrences(final, m), m).toBe(1);
  });

  it('takes back fifty clients reconnecting at once after a restart', async () => {
    proc = await startServerProcess();
    const users = await Promise.all(Array.from({ length: 5 }, (_, i) => newUser(proc!.url, `重连${i}`)));
    const id = await newDocument(proc.url, users[0]);
    for (const u of users.slice(1)) await share(proc.url, users[0], id, u, 'editor');
    const fifty = Array.from({ length: 50 }, (_, i) => connect(proc!.wsUrl, id, users[i % 5].token));
    clients.push(...fifty);
    await Promise.all(fifty.map(synced));
    proc.kill('SIGKILL');
    await proc.exited;
    await until(() => fifty.every((c) => !c.provider.wsconnected), 'every client to notice');
    await proc.start();
    await until(() => fifty.every((c) => c.provider.synced && c.provider.wsconnected), 'all fifty to reconnect', 30_000);
    fifty.forEach((c, i) => appendParagraph(c, `第${i}位回来了`));
    await Promise.all(fifty.map((c) => saved(c, 30_000)));
    const text = await contentText(proc.url, users[0], id);
    for (let i = 0; i < 50; i++) expect(occurrences(text, `第${i}位回来了`)).toBe(1);
    await until(() => new Set(fifty.map((c) => c.fragment.toString())).size === 1, 'all fifty to converge', 15_000);
    expect((await api(proc.url, 'GET', '/healthz')).status).toBe(200);
  });
});
