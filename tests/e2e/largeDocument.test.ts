// Browser end-to-end: a long document opened cold (its room unloaded), which
// the server answers from the stored bytes before building the room
// (server/collab/storedAnswer.ts), shows whole in the editor of two members
// at once and takes their edits.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { clickEndOf, editorReady, editorText, pageAs, screenshot } from '../helpers/browser.js';
import { appendParagraph, connect, occurrences, synced, until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let bob: TestUser;
const contexts: BrowserContext[] = [];
const PARAGRAPHS = 60;

async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  await page.goto(`${srv.url}/d/${documentId}`);
  return page;
}

useBrowserSuite({ env: { ROOM_IDLE_SECONDS: '0' }, contexts, closeContexts: 'afterAll' }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

describe.skipIf(!ready)('a long document opened cold', () => {
  it('shows whole in two editors opened together and takes their typing', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const writer = connect(srv.wsUrl, id, alice.token);
    await synced(writer);
    for (let i = 0; i < PARAGRAPHS; i++) appendParagraph(writer, `第${i}条意见：` + '围绕乡村振兴开展专题调研，形成调研报告并报送县政协。'.repeat(25));
    await until(async () => (await contentText(srv.url, alice, id)).includes(`第${PARAGRAPHS - 1}条意见`), 'everything stored', 20_000);
    writer.destroy();
    await until(() => !srv.server.registry.holds(id), 'the room to unload');
    expect((await srv.server.storage.documents.load(id)).updates.reduce((n, u) => n + u.length, 0)).toBeGreaterThan(64 * 1024);

    const [a, b] = await Promise.all([openAs(alice, id), openAs(bob, id)]);
    for (const page of [a, b]) {
      await editorReady(page, `第${PARAGRAPHS - 1}条意见`);
      const text = await editorText(page);
      expect(occurrences(text, '条意见：')).toBe(PARAGRAPHS);
      expect(occurrences(text, '参政议政更主动')).toBe(1);
    }

    await clickEndOf(a, '第0条意见');
    await a.keyboard.type('（张丽补充）');
    await b.locator('[data-testid="editor"]').getByText('（张丽补充）').waitFor();
    await clickEndOf(b, `第${PARAGRAPHS - 1}条意见`);
    await b.keyboard.type('（王明补充）');
    await a.locator('[data-testid="editor"]').getByText('（王明补充）').waitFor();
    for (const page of [a, b]) await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    const stored = await contentText(srv.url, alice, id);
    expect(occurrences(stored, '（张丽补充）')).toBe(1);
    expect(occurrences(stored, '（王明补充）')).toBe(1);
    expect(occurrences(stored, '条意见：')).toBe(PARAGRAPHS);
    await screenshot(b, 'large-document-cold-open');
  });
});
