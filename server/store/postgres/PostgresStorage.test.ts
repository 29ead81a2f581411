import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { describeStorageContract } from '../storageContract.js';
import { openPostgresStorage } from './openPostgresStorage.js';
import { postgres, requires } from '../../../tests/helpers/requirements.js';

// The PostgreSQL running on this machine (CI starts it when it is down); each run uses schemas of its own.
const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const ready = requires(await postgres(url));
const schemas: string[] = [];

if (ready)
  describeStorageContract('PostgreSQL', async () => {
    const schema = `yigao_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return openPostgresStorage(url, schema);
  });

afterAll(async () => {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe.skipIf(!ready)('PostgreSQL shared by several instances', () => {
  it('creates a new schema once when instances start together, and migrates it once', async () => {
    const schema = `yigao_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const opened = await Promise.all(Array.from({ length: 4 }, () => openPostgresStorage(url, schema)));
    await Promise.all(opened.map((s) => s.close()));
  });

  it('commits appends of two instances to the same documents at once, without a deadlock or a lost entry', async () => {
    const schema = `yigao_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    const [a, b] = [await openPostgresStorage(url, schema), await openPostgresStorage(url, schema)];
    try {
      const owner = { id: 'u-owner', username: 'owner', displayName: '主任', passwordHash: 'h', isAdmin: false, createdAt: 1 };
      await a.accounts.createUser(owner);
      const ids = ['d1', 'd2', 'd3'];
      const docs = ids.map(() => new Y.Doc());
      const seed = (i: number) => Y.encodeStateAsUpdate(docs[i]);
      for (const [i, id] of ids.entries()) {
        await a.records.createDocument({ id, title: '总结', status: 'draft', ownerId: owner.id, template: 'blank', createdAt: 1, updatedAt: 1 }, seed(i));
      }
      const edit = (i: number, text: string) => {
        const before = Y.encodeStateVector(docs[i]);
        docs[i].getText('t').insert(0, text);
        return { update: Y.encodeStateAsUpdate(docs[i], before), userId: owner.id, attribution: { clients: [docs[i].clientID], deletes: null } };
      };
      // Each instance's batches cover the documents in a different order, many times over.
      const appends: Promise<void>[] = [];
      for (let round = 0; round < 40; round++) {
        for (const i of [0, 1, 2]) appends.push(a.documents.append(ids[i], [edit(i, `a${round}`)]));
        for (const i of [2, 1, 0]) appends.push(b.documents.append(ids[i], [edit(i, `b${round}`), edit(i, `c${round}`)]));
        if (round % 5 === 0) await Promise.all(appends);
      }
      await Promise.all(appends);
      for (const [i, id] of ids.entries()) {
        const stored = await b.documents.load(id);
        const replica = new Y.Doc();
        for (const u of stored.updates) Y.applyUpdate(replica, u);
        expect(replica.getText('t').toString()).toBe(docs[i].getText('t').toString());
        expect(stored.updates.length).toBe(1 + 40 * 3);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
