// The write path under random interleavings, replayable from a seed: three
// clients edit one document through a Room on the production store (SQLite
// on disk, through the edit journal), and the seed decides everything that
// happens, in order: who edits, whose frame the server reads next, when a
// client reads what the server sent it, when a turn of the event loop ends
// (the pipeline's batch point), when the room is unloaded and loaded again.
// After every turn: whatever a client has received, and whatever it has been
// acknowledged, is in the store. At the end every client, the room and the
// store agree.
//
// Replay a seed with FUZZ_SEED=<n> FUZZ_SEEDS=1: the same seed makes the same
// run, message for message.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mulberry32, pickWeighted, randomInt, type Rng } from '../../shared/random.js';
import { FuzzEditor } from '../../tests/helpers/fuzzEdits.js';
import type { Storage } from '../store/Storage.js';
import { openSqliteStorage } from '../store/sqlite/openSqliteStorage.js';
import { Connection } from './Connection.js';
import { encodeUpdate } from './protocol.js';
import { Room } from './Room.js';
import { TestSocket } from './testSocket.js';

const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 1);
const SEED_COUNT = Number(process.env.FUZZ_SEEDS ?? 20);
const STEPS = 160;
const DOC = 'doc1';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

interface Client {
  doc: Y.Doc;
  editor: FuzzEditor;
  socket: TestSocket;
  connection: Connection;
  /** The updates this client made, in order; the first `sent` have gone to the server as frames. */
  own: Uint8Array[];
  sent: number;
  /** How many of the socket's frames this client has read. */
  read: number;
}

const endOfTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Whether `stored` already holds everything in `update` (applying it changes nothing). */
function holds(stored: Y.Doc, update: Uint8Array): boolean {
  const before = Y.encodeStateAsUpdate(stored);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, before);
  Y.applyUpdate(copy, update);
  return Buffer.from(Y.encodeStateAsUpdate(copy)).equals(Buffer.from(before)) && copy.store.pendingStructs === null;
}

async function storedDoc(storage: Storage): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await storage.documents.load(DOC)).updates) Y.applyUpdate(doc, update);
  return doc;
}

async function run(seed: number): Promise<void> {
  const rng: Rng = mulberry32(seed);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-fuzz-'));
  dirs.push(dir);
  let storage = openSqliteStorage(dir);
  await storage.accounts.createUser({ id: 'u1', username: 'owner', displayName: '张丽', passwordHash: 'h', isAdmin: false, createdAt: 1 });
  await storage.records.createDocument(
    { id: DOC, title: '总结', status: 'draft', ownerId: 'u1', template: 'blank', createdAt: 1, updatedAt: 1 },
    Y.encodeStateAsUpdate(new Y.Doc()),
  );

  const open = async () =>
    new Room(
      {
        documentId: DOC,
        status: 'draft',
        store: storage.documents,
        logger: pino({ level: 'silent' }),
        compactAfterUpdates: 15,
        compactWhenIdleMs: 60_000,
        onEmpty: () => {},
      },
      await storage.documents.load(DOC),
    );
  let room = await open();
  const clients: Client[] = [0, 1, 2].map((i) => {
    const doc = new Y.Doc();
    // Yjs orders concurrent inserts by client id: ids from the seed, so that the seed decides the text too.
    doc.clientID = 1 + randomInt(rng, 0, 2 ** 30);
    const editor = new FuzzEditor(i, doc, mulberry32(seed * 31 + i));
    const client = { doc, editor, own: [] as Uint8Array[], sent: 0, read: 0 } as Client;
    // Every update but the server's, as the stock provider sends (Yjs's own formatting cleanup after a remote change included).
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') client.own.push(update);
    });
    return client;
  });
  const connect = (client: Client, i: number) => {
    client.socket = new TestSocket();
    client.connection = new Connection(client.socket, { id: `user${i}`, username: `user${i}`, displayName: `U${i}`, color: '#123456' }, 'editor', true);
    client.read = 0;
    // what this client has not sent yet is sent again from the start of its own updates, as a reconnecting provider does
    client.sent = 0;
    Y.applyUpdate(client.doc, Y.encodeStateAsUpdate(room.doc), 'server');
    room.join(client.connection);
  };
  clients.forEach(connect);

  const log: string[] = [];
  const check = async () => {
    const stored = await storedDoc(storage);
    for (const [i, c] of clients.entries()) {
      for (const update of c.socket.updates)
        expect(holds(stored, update), `seed ${seed}: client ${i} received an unstored change\n${log.join('\n')}`).toBe(true);
      const acked = c.socket.acks.at(-1) ?? 0;
      for (const update of c.own.slice(0, Math.min(acked, c.sent)))
        expect(holds(stored, update), `seed ${seed}: client ${i} was acknowledged an unstored change\n${log.join('\n')}`).toBe(true);
    }
  };

  for (let step = 0; step < STEPS; step++) {
    const action = pickWeighted(rng, { edit: 5, send: 5, read: 3, turn: 3, reload: 0.2 });
    const i = randomInt(rng, 0, clients.length - 1);
    const c = clients[i];
    log.push(`${step} ${action} ${i}`);
    if (action === 'edit') c.editor.edit();
    else if (action === 'send' && c.sent < c.own.length) room.receive(c.connection, encodeUpdate(c.own[c.sent++]));
    else if (action === 'read') {
      for (const update of c.socket.updates.slice(c.read)) Y.applyUpdate(c.doc, update, 'server');
      c.read = c.socket.updates.length;
    } else if (action === 'turn') {
      await endOfTurn();
      await check();
    } else if (action === 'reload') {
      // The room is unloaded (its changes stored, its log compacted) and loaded again; the clients reconnect.
      await room.compact();
      await room.destroy();
      room = await open();
      clients.forEach(connect);
    }
  }
  // Everything sent, stored, relayed and read, until nothing is left (reading can make updates: Yjs's formatting cleanup).
  for (let round = 0; clients.some((c) => c.sent < c.own.length || c.read < c.socket.updates.length); round++) {
    expect(round, `seed ${seed}: the clients do not settle`).toBeLessThan(10);
    for (const c of clients) while (c.sent < c.own.length) room.receive(c.connection, encodeUpdate(c.own[c.sent++]));
    await room.flushed();
    await endOfTurn();
    await check();
    for (const c of clients) {
      for (const update of c.socket.updates.slice(c.read)) Y.applyUpdate(c.doc, update, 'server');
      c.read = c.socket.updates.length;
    }
  }
  const body = (doc: Y.Doc) => doc.getXmlFragment('default').toJSON();
  for (const [i, c] of clients.entries()) expect(body(c.doc), `seed ${seed}: client ${i} differs from the room\n${log.join('\n')}`).toBe(body(room.doc));
  await room.destroy();
  await storage.close();
  storage = openSqliteStorage(dir);
  expect(body(await storedDoc(storage)), `seed ${seed}: the store differs from the room`).toBe(body(clients[0].doc));
  for (const c of clients) c.editor.destroy();
  await storage.close();
}

describe('the write path under seeded interleavings', () => {
  for (let seed = FIRST_SEED; seed < FIRST_SEED + SEED_COUNT; seed++) {
    it(`seed ${seed}`, () => run(seed));
  }
});
