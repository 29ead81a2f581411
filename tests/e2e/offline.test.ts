// Browser end-to-end: working offline across a reload, through the service
// worker (app shell, cached API reads) and IndexedDB (the document).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { clickEndOf, controlledByServiceWorker, editorReady, editorText, pageAs, screenshot } from '../helpers/browser.js';
import { occurrences, until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let bob: TestUser;
const contexts: BrowserContext[] = [];

const newPageAs = (user: TestUser): Promise<Page> => pageAs(browser, srv.url, user, contexts);

/** Opens the document and waits until it is live and the service worker controls the page. */
async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await newPageAs(user);
  await page.goto(`${srv.url}/d/${documentId}`);
  await controlledByServiceWorker(page);
  await editorReady(page);
  return page;
}

const saveState = (page: Page) => page.getByTestId('save-status').getAttribute('data-state');

async function userId(user: TestUser): Promise<string> {
  const me = await api(srv.url, 'GET', '/api/me', { token: user.token });
  return me.body.user.id;
}

/** Whether the page's IndexedDB copy of the document (y-indexeddb's update log) holds `text`. */
function storedLocally(page: Page, dbName: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ dbName, text }) =>
      new Promise<boolean>((resolve, reject) => {
        const open = indexedDB.open(dbName);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const read = db.transaction('updates').objectStore('updates').getAll();
          read.onerror = () => reject(read.error);
          read.onsuccess = () => {
            db.close();
            // Yjs stores inserted text as UTF-8 inside the update.
            const needle = new TextEncoder().encode(text);
            const hasNeedle = (bytes: Uint8Array) => bytes.some((_, start) => needle.every((byte, i) => bytes[start + i] === byte));
            resolve((read.result as Uint8Array[]).some(hasNeedle));
          };
        };
      }),
    { dbName, text },
  );
}

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

describe.skipIf(!ready)('offline', () => {
  it('an editor types offline, reloads offline, still has the sentence, and it reaches the server once when the network returns', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    expect(
      (await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: alice.token, body: { quote: '参政议政更主动', body: '请补充数据' } })).status,
    ).toBe(201);
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await b.getByTestId('comment-highlight').first().waitFor();
    const sentence = '断网后写下、刷新后仍在的一句';
    const localCopy = `yigao:${await userId(bob)}:${id}`;

    await b.context().setOffline(true);
    await b.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await clickEndOf(b, '一是开展专项摸底');
    await b.keyboard.insertText(sentence);
    await b.locator('[data-testid="save-status"][data-state="unsaved"]').waitFor();
    await until(() => storedLocally(b, localCopy, sentence), 'the sentence in IndexedDB');

    // Leaving with unsaved changes asks first; the test says yes.
    const dialogs: string[] = [];
    b.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await b.reload();
    expect(dialogs).toEqual(['beforeunload']);

    // The page came from the service worker, the document from IndexedDB.
    await b.getByTestId('editor').getByText(sentence).waitFor();
    expect(await b.getByTestId('connection-status').getAttribute('data-state')).toBe('offline');
    expect(await saveState(b)).toBe('unsaved');
    expect(await b.getByTestId('save-status').innerText()).toBe('有未保存的修改');
    await b.getByTestId('offline-banner').waitFor();
    await screenshot(b, 'offline-after-reload');
    expect(await editorText(a)).not.toContain(sentence);

    await b.context().setOffline(false);
    await b.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    expect(occurrences(await contentText(srv.url, alice, id), sentence)).toBe(1);
    await until(async () => (await editorText(a)).includes(sentence), 'the sentence to reach the colleague', 10_000);
    expect(occurrences(await editorText(a), sentence)).toBe(1);
    expect(await b.getByTestId('offline-banner').count()).toBe(0);
    // the comments, which could not be read while offline, came back by themselves
    await b.getByTestId('comment-highlight').first().waitFor({ timeout: 10_000 });
    expect(await b.locator('.side-panel__error').count()).toBe(0);
    await screenshot(b, 'offline-back-online');
  });

  it('signing out forgets the cached API answers, so the documents cannot be opened offline afterwards', async () => {
    const id = await newDocument(srv.url, alice);
    const a = await openAs(alice, id);
    const cached = () => a.evaluate(async () => (await (await caches.open('yigao-api-v1')).keys()).map((r) => new URL(r.url).pathname));
    await until(async () => (await cached()).includes(`/api/documents/${id}`), 'the document to be cached');
    await a.getByTestId('user-menu').click();
    await a.getByTestId('sign-out').click();
    await a.waitForURL(/\/login/);
    expect(await a.evaluate(() => caches.has('yigao-api-v1'))).toBe(false);
  });
});
