// A committee typing in one document through stock providers, at the server's
// default limits: nobody is thrown out however many echo everyone's presence,
// nothing is lost, every replica ends up the same. Longer on demand:
// CROWD_PEOPLE=50 CROWD_SECONDS=60 npx vitest run tests/integration/crowd.test.ts
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QuietProvider } from '../../client/editor/quietProvider.js';
import { MessageType } from '../../shared/collab.js';
import { newDocument, newUser, type TestUser } from '../helpers/api.js';
import { connect, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { allSaved, committee, seat, typeTogether, type Typist } from '../helpers/crowd.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const PEOPLE = Number(process.env.CROWD_PEOPLE ?? 20);
const SECONDS = Number(process.env.CROWD_SECONDS ?? 8);

let srv: TestServer;
let owner: TestUser;

beforeAll(async () => {
  // Default limits; only registrations are raised, since the whole committee registers from one address.
  srv = await startTestServer({ REGISTRATIONS_PER_HOUR: '100000' });
  owner = await newUser(srv.url, '主任');
});
afterAll(async () => {
  await srv?.stop();
});

describe('a committee in one document', () => {
  it(
    `${PEOPLE} stock providers typing 2 keystrokes a second with their carets for ${SECONDS} s: no disconnects, nothing lost, one document`,
    async () => {
      const id = await newDocument(srv.url, owner);
      const members = await committee(srv.url, owner, id, PEOPLE);
      const typists: Typist[] = [];
      try {
        for (const [i, member] of members.entries()) typists.push(await seat(srv.wsUrl, id, member, `〈${i}〉`));
        await typeTogether(typists, 2, SECONDS);
        await allSaved(typists);
        expect(typists.flatMap((t) => t.client.closeCodes)).toEqual([]);
        const bodies = () => typists.map((t) => t.client.fragment.toString());
        await until(() => new Set(bodies()).size === 1, 'every replica to converge', 20_000);
      } finally {
        for (const t of typists) t.client.destroy();
      }
      await srv.restart();
      const fresh = connect(srv.wsUrl, id, owner.token);
      try {
        await synced(fresh);
        const text = fresh.fragment.toString();
        for (const t of typists) expect(text, t.user.displayName).toContain(t.typed);
      } finally {
        fresh.destroy();
      }
    },
    60_000 + PEOPLE * 1_000 + SECONDS * 2_000,
  );

  it("the editor's provider sends only its own presence, and only when it changes, and still sees everyone's", async () => {
    const id = await newDocument(srv.url, owner);
    const others = await Promise.all(Array.from({ length: 4 }, () => connect(srv.wsUrl, id, owner.token)));
    const sentPresence: number[] = [];
    const Counting = class extends WebSocket {
      override send(data: Uint8Array, ...rest: never[]): void {
        if (data[0] === MessageType.awareness) sentPresence.push(Date.now());
        super.send(data, ...rest);
      }
    };
    const doc = new Y.Doc();
    const quiet = new QuietProvider(srv.wsUrl, id, doc, {
      params: { token: owner.token },
      WebSocketPolyfill: Counting as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    const clients: CollabClient[] = others;
    try {
      await Promise.all(others.map(synced));
      await until(() => quiet.synced, 'the quiet provider to sync');
      quiet.awareness.setLocalStateField('cursor', 1);
      await until(() => others.every((o) => o.provider.awareness.getStates().get(doc.clientID)?.cursor === 1), 'its caret at the others');
      const before = sentPresence.length;
      // its own caret set again where it is (Tiptap does so after every remote change): nothing to send
      for (let i = 0; i < 5; i++) quiet.awareness.setLocalStateField('cursor', 1);
      for (let round = 1; round <= 5; round++) for (const o of others) o.provider.awareness.setLocalStateField('cursor', round);
      await until(() => others.every((o) => quiet.awareness.getStates().get(o.doc.clientID)?.cursor === 5), "everyone's last caret at the quiet provider");
      expect(sentPresence.length).toBe(before);
    } finally {
      quiet.destroy();
      doc.destroy();
      for (const c of clients) c.destroy();
    }
  });
});
