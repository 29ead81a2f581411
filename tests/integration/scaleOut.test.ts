// Several instances on PostgreSQL and Redis: members on different instances
// see each other's edits and presence live; approvals and role changes take
// effect everywhere; faults of an instance, of Redis and of a subscription
// lose nothing acknowledged.
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { dropSchema, PrivateRedis, startCluster, TEST_DATABASE_URL, TEST_REDIS_URL, type Cluster } from '../helpers/cluster.js';
import { startServerProcess } from '../helpers/serverProcess.js';
import { appendParagraph, connect, occurrences, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { postgres, redis, requires } from '../helpers/requirements.js';
import { suggest } from '../helpers/suggestionEdits.js';

const ready = requires(await postgres(), await redis());

let cluster: Cluster;
let owner: TestUser;
let editor: TestUser;
const clients: CollabClient[] = [];

const at = (i: number) => cluster.instances[i];
function open(instance: number, id: string, user: TestUser): CollabClient {
  const c = connect(at(instance).wsUrl, id, user.token);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  cluster = await startCluster(3, { ROOM_IDLE_SECONDS: '2', COMPACT_AFTER_UPDATES: '30' });
  owner = await newUser(at(0).url, '张丽');
  editor = await newUser(at(1).url, '王明');
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});
afterAll(async () => {
  await cluster.stop();
});

async function sharedDocument(): Promise<string> {
  const id = await newDocument(at(0).url, owner);
  await share(at(2).url, owner, id, editor, 'editor');
  return id;
}

describe.skipIf(!ready)('several instances', () => {
  it('converges edits made on three instances, and shows presence across them', async () => {
    const id = await sharedDocument();
    const [a, b, c] = [open(0, id, owner), open(1, id, editor), open(2, id, owner)];
    await Promise.all([a, b, c].map(synced));
    for (let i = 0; i < 20; i++) {
      appendParagraph(a, `甲${i}号`);
      appendParagraph(b, `乙${i}号`);
      appendParagraph(c, `丙${i}号`);
    }
    await Promise.all([a, b, c].map((x) => saved(x)));
    await until(() => a.fragment.toString() === b.fragment.toString() && b.fragment.toString() === c.fragment.toString(), 'convergence across instances');
    for (const s of cluster.instances) {
      const text = await contentText(s.url, owner, id);
      for (let i = 0; i < 20; i++) for (const p of ['甲', '乙', '丙']) expect(occurrences(text, `${p}${i}号`)).toBe(1);
    }
    b.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await until(() => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.username === editor.username, "b's presence on instance 0");
    b.destroy();
    await until(() => !a.provider.awareness.getStates().has(b.doc.clientID), "b's presence to go when b leaves");
  });

  it('locks an approved document on every instance, and reopens it everywhere', async () => {
    const id = await sharedDocument();
    const [a, b] = [open(0, id, owner), open(1, id, editor)];
    await Promise.all([a, b].map(synced));
    appendParagraph(b, '定稿前');
    await saved(b);
    expect((await api(at(2).url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    await until(() => b.events.some((e) => e.type === 'document'), 'the lock to reach instance 1');
    const frozen = await contentText(at(0).url, owner, id);
    expect(frozen).toContain('定稿前');
    appendParagraph(b, '定稿后乙');
    appendParagraph(a, '定稿后甲');
    await Promise.all([saved(a), saved(b)]);
    for (const s of cluster.instances) expect(await contentText(s.url, owner, id)).toBe(frozen);
    expect((await api(at(1).url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(200);
    const fresh = open(2, id, editor);
    await synced(fresh);
    appendParagraph(fresh, '重新打开后');
    await saved(fresh);
    await until(async () => (await contentText(at(0).url, owner, id)).includes('重新打开后'), 'the edit after reopening on another instance');
  });

  it('switches an editor on another instance to suggesting, and back, as soon as the owner asks (修订)', async () => {
    const id = await sharedDocument();
    const b = open(1, id, editor);
    await synced(b);
    const documentEvents = () => b.events.filter((e) => e.type === 'document').length;
    expect((await api(at(0).url, 'PUT', `/api/documents/${id}/review`, { token: owner.token, body: { suggestOnly: true } })).status).toBe(200);
    await until(() => documentEvents() === 1, 'suggestOnly to reach instance 1');
    const sid = suggest(b, 'insert', '一是围绕', editor.username, '另一实例的建议');
    await saved(b);
    const listed = await api(at(2).url, 'GET', `/api/documents/${id}/suggestions`, { token: owner.token });
    expect(listed.body.map((x: { id: string }) => x.id)).toEqual([sid]);
    expect((await api(at(2).url, 'PUT', `/api/documents/${id}/review`, { token: owner.token, body: { suggestOnly: false } })).status).toBe(200);
    await until(() => documentEvents() === 2, 'suggestOnly off to reach instance 1');
    appendParagraph(b, '又能直接改');
    await saved(b);
    await until(async () => (await contentText(at(0).url, owner, id)).includes('又能直接改'), 'the direct edit on another instance');
    // in review, from another instance: the same connection only suggests again
    expect((await api(at(0).url, 'POST', `/api/documents/${id}/submit`, { token: owner.token })).status).toBe(200);
    await until(() => documentEvents() === 3, 'the review to reach instance 1');
    appendParagraph(b, '审议中直接改');
    await saved(b);
    await until(() => b.events.some((e) => e.type === 'refused'), 'the refusal');
    for (const s of cluster.instances) expect(await contentText(s.url, owner, id)).not.toContain('审议中直接改');
  });

  it("takes a revoked member's connections away on every instance", async () => {
    const id = await sharedDocument();
    const b = open(2, id, editor);
    await synced(b);
    expect((await api(at(0).url, 'DELETE', `/api/documents/${id}/members/${editor.username}`, { token: owner.token })).status).toBe(204);
    await until(() => b.closeCodes.includes(CloseCode.forbidden), 'the revocation on instance 2');
  });

  it('tells editors on other instances about new comments', async () => {
    const id = await sharedDocument();
    const b = open(1, id, editor);
    await synced(b);
    expect(
      (await api(at(0).url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '服务发展更务实', body: '跨实例' } })).status,
    ).toBe(201);
    await until(() => b.events.some((e) => e.type === 'comments'), 'the comments event on instance 1');
  });

  it('tells members on other instances about sections assigned there, and notifies the assignee there', async () => {
    const id = await sharedDocument();
    const b = open(1, id, editor);
    await synced(b);
    const [section] = (await api(at(2).url, 'GET', `/api/documents/${id}/sections`, { token: owner.token })).body;
    const res = await api(at(0).url, 'PUT', `/api/documents/${id}/sections/${section.id}`, { token: owner.token, body: { assignees: [editor.username] } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await until(() => b.events.some((e) => e.type === 'sections'), 'the sections event on instance 1');
    await until(() => b.events.some((e) => e.type === 'notifications'), 'the assignee told of a notification on instance 1');
    const seen = (await api(at(2).url, 'GET', `/api/documents/${id}/sections`, { token: editor.token })).body.find((s: { id: string }) => s.id === section.id);
    expect(seen.assignees).toEqual([editor.username]);
    const status = await api(at(1).url, 'PUT', `/api/documents/${id}/sections/${section.id}`, { token: editor.token, body: { status: 'done' } });
    expect(status.body.status).toBe('done');
  });

  it("loses nothing acknowledged when an instance's subscription drops while another rewrites the document", async () => {
    const id = await sharedDocument();
    const [a, b] = [open(0, id, owner), open(1, id, editor)];
    await Promise.all([a, b].map(synced));
    // instance 0 stops hearing about this document
    const pubsub = (at(0).server.registry as unknown as { pubsub: { unsubscribe(c: string): Promise<void> } }).pubsub;
    await pubsub.unsubscribe(`doc:${id}`);
    for (let i = 0; i < 60; i++) appendParagraph(b, `改写${i}号`);
    await saved(b);
    appendParagraph(a, '零号实例写的');
    await saved(a);
    // instance 0 compacts now: its snapshot must not drop what instance 1 stored
    const room = at(0).server.registry.peek(id)!;
    await room.compact();
    const text = await contentText(at(2).url, owner, id);
    for (let i = 0; i < 60; i++) expect(occurrences(text, `改写${i}号`)).toBe(1);
    expect(occurrences(text, '零号实例写的')).toBe(1);
    // and instance 0's clients get instance 1's changes from the database anyway
    await until(() => a.fragment.toString().includes('改写59号'), 'instance 0 to catch up from the database', 15_000);
  });
});

describe.skipIf(!ready)('faults of a scaled-out deployment', () => {
  let redis: PrivateRedis;
  let faulty: Cluster;
  let user: TestUser;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    faulty = await startCluster(2, { REDIS_URL: redis.url });
    user = await newUser(faulty.instances[0].url, '赵强');
  });
  afterAll(async () => {
    await faulty.stop();
    await redis.stop();
  });

  it('converges through the database while Redis is gone, and live again once it is back', async () => {
    const id = await newDocument(faulty.instances[0].url, user);
    const a = connect(faulty.instances[0].wsUrl, id, user.token);
    const b = connect(faulty.instances[1].wsUrl, id, user.token);
    clients.push(a, b);
    await Promise.all([a, b].map(synced));
    await redis.stop();
    for (let i = 0; i < 10; i++) {
      appendParagraph(a, `断开时甲${i}`);
      appendParagraph(b, `断开时乙${i}`);
    }
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString() === b.fragment.toString(), 'convergence without Redis', 20_000);
    await redis.start();
    await until(() => (faulty.instances[0].server.registry as unknown as { pubsub: { healthy: boolean } }).pubsub.healthy, 'Redis to be back', 20_000);
    await new Promise((r) => setTimeout(r, 500));
    appendParagraph(a, 'Redis回来后');
    await saved(a);
    await until(() => b.fragment.toString().includes('Redis回来后'), 'live propagation again', 10_000);
  });

  it('keeps every acknowledged edit when an instance dies, and its clients carry on at another', async () => {
    const id = await newDocument(faulty.instances[0].url, user);
    const doomed = connect(faulty.instances[1].wsUrl, id, user.token);
    const steady = connect(faulty.instances[0].wsUrl, id, user.token);
    clients.push(doomed, steady);
    await Promise.all([doomed, steady].map(synced));
    for (let i = 0; i < 30; i++) appendParagraph(doomed, `将断${i}号`);
    await saved(doomed);
    // the instance goes away without closing anything (as kill -9 would, for its sockets)
    await faulty.instances[1].server.close();
    // behind a load balancer the client would land on another instance
    doomed.provider.serverUrl = faulty.instances[0].wsUrl;
    appendParagraph(doomed, '换到零号实例');
    await saved(doomed, 20_000);
    const text = await contentText(faulty.instances[0].url, user, id);
    for (let i = 0; i < 30; i++) expect(occurrences(text, `将断${i}号`)).toBe(1);
    expect(occurrences(text, '换到零号实例')).toBe(1);
    await until(() => steady.fragment.toString() === doomed.fragment.toString(), 'convergence');
    expect(Y.encodeStateVector(steady.doc)).toEqual(Y.encodeStateVector(doomed.doc));
  });
});

describe.skipIf(!ready)('kill -9 of one instance process during typing', () => {
  it('keeps every acknowledged edit, and the clients carry on at the other instance', async () => {
    const schema = `yigao_test_kill${Date.now().toString(36)}`;
    const env = { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `${schema}:` };
    const first = await startServerProcess(env);
    const second = await startServerProcess(env);
    try {
      const user = await newUser(first.url, '钱进');
      const id = await newDocument(first.url, user);
      const typists = [connect(second.wsUrl, id, user.token), connect(second.wsUrl, id, user.token)];
      const watcher = connect(first.wsUrl, id, user.token);
      clients.push(...typists, watcher);
      await Promise.all([...typists, watcher].map(synced));
      const acknowledged = new Set<string>();
      const typed: string[] = [];
      typists.forEach((t, k) =>
        t.acks.onAck((frames) => {
          for (const [marker, frame, socket] of sent[k]) if (socket === t.provider.ws && frame <= frames) acknowledged.add(marker);
        }),
      );
      const sent: [string, number, unknown][][] = [[], []];
      let n = 0;
      const typing = (async () => {
        for (let i = 0; i < 150; i++) {
          typists.forEach((t, k) => {
            const marker = `«${k}-${n++}»`;
            appendParagraph(t, marker);
            typed.push(marker);
            if (t.provider.wsconnected) sent[k].push([marker, t.acks.sentFrames, t.provider.ws]);
          });
          await new Promise((r) => setTimeout(r, 3));
        }
      })();
      await new Promise((r) => setTimeout(r, 150));
      second.kill('SIGKILL');
      await second.exited;
      await typing;
      expect(acknowledged.size).toBeGreaterThan(20);
      const stored = await contentText(first.url, user, id);
      for (const m of acknowledged) expect(occurrences(stored, m), m).toBe(1);
      // the clients carry on at the surviving instance and deliver the rest, once
      for (const t of typists) t.provider.serverUrl = first.wsUrl;
      await Promise.all(typists.map((t) => saved(t, 20_000)));
      const final = await contentText(first.url, user, id);
      for (const m of typed) expect(occurrences(final, m), m).toBe(1);
      await until(() => watcher.fragment.toString() === typists[0].fragment.toString(), 'the watcher to converge');
    } finally {
      await second.stop();
      await first.stop();
      await dropSchema(schema);
    }
  });
});
