// Members open and close a long document fifty times around the moment the
// server unloads it, each with a local copy that comes back on reopening (as
// y-indexeddb loads it: applied after the socket opened, so the whole copy,
// everyone's changes included, goes out as one update) and in two tabs: no
// honest client is ever refused, and nothing anyone typed is lost.
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinalCloseCode } from '../../shared/collab.js';
import { contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const ROUNDS = 50;
const IDLE_MS = 1_000;

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  srv = await startTestServer({ ROOM_IDLE_SECONDS: String(IDLE_MS / 1000) });
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});
afterAll(async () => {
  await srv?.stop();
});

/** A tab: a stock provider whose doc gets this person's local copy once the socket is open, or before. */
async function openTab(id: string, user: TestUser, copy: Uint8Array | null, early: boolean): Promise<CollabClient> {
  const tab = connect(srv.wsUrl, id, user.token);
  if (copy && early) Y.applyUpdate(tab.doc, copy, 'indexeddb');
  await until(() => tab.provider.wsconnected, 'the socket to open');
  if (copy && !early) Y.applyUpdate(tab.doc, copy, 'indexeddb');
  await synced(tab);
  return tab;
}

describe('reopening around the unload', () => {
  it(`${ROUNDS} rounds of two members, three tabs and local copies: no refusal, nothing lost`, async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    // long enough that a fresh load answers its first readers from the stored bytes
    const setup = connect(srv.wsUrl, id, alice.token);
    await synced(setup);
    for (let i = 0; i < 40; i++) appendParagraph(setup, `第${i}段：${'政协委员深入基层开展调研，'.repeat(60)}`);
    await saved(setup);
    setup.destroy();

    const copies = new Map<TestUser, Uint8Array | null>([
      [alice, null],
      [bob, null],
    ]);
    const typed: string[] = [];
    const refusals: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const early = round % 2 === 0;
      const tabs = await Promise.all([
        openTab(id, alice, copies.get(alice)!, early),
        openTab(id, alice, copies.get(alice)!, !early),
        openTab(id, bob, copies.get(bob)!, early),
      ]);
      tabs.forEach((tab, i) => {
        const text = `〔第${round}轮·${i}〕`;
        appendParagraph(tab, text);
        typed.push(text);
      });
      await Promise.all(tabs.map((tab) => saved(tab, 10_000)));
      await until(() => tabs.every((tab) => typed.slice(-3).every((t) => tab.fragment.toString().includes(t))), "every tab to have the round's typing");
      copies.set(alice, Y.encodeStateAsUpdate(tabs[0].doc));
      copies.set(bob, Y.encodeStateAsUpdate(tabs[2].doc));
      for (const tab of tabs) {
        refusals.push(...tab.closeCodes.filter(isFinalCloseCode).map((code) => `round ${round}: ${code}`));
        tab.destroy();
      }
      // back just before, during or just after the unload
      await new Promise((r) => setTimeout(r, IDLE_MS - 200 + ((round * 37) % 500)));
    }
    expect(refusals).toEqual([]);
    const text = await contentText(srv.url, alice, id);
    for (const t of typed) expect(text).toContain(t);
  }, 240_000);
});
