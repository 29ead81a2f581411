// What people write is shown as text everywhere in the browser, never run.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { signedInContext } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

const HOSTILE = `<img src=x onerror="window.__pwned=1">"'&<script>window.__pwned=2</script>`;

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let mallory: TestUser;

useBrowserSuite({}, async (started) => {
  ({ srv, browser } = started);
  alice = await newUser(srv.url, '张丽');
  mallory = await newUser(srv.url, HOSTILE.slice(0, 40));
});

describe.skipIf(!ready)('markup written by members', () => {
  it('stays text in the list, the title bar, the share dialog, presence and the body', async () => {
    const id = await newDocument(srv.url, alice, 'blank', HOSTILE);
    await share(srv.url, alice, id, mallory, 'editor');
    const context = await signedInContext(browser, srv.url, alice);
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(srv.url);
    await page.getByTestId('document-row').first().waitFor();
    expect(await page.getByTestId('document-row').first().innerText()).toContain('<img src=x onerror=');
    await page.getByTestId('document-row').first().click();
    await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    // the body: typed markup is text
    await page.getByTestId('editor').locator('p').last().click();
    await page.keyboard.insertText(HOSTILE);
    await until(async () => (await contentText(srv.url, alice, id)).includes('<script>window.__pwned=2</script>'), 'the typed text stored');
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-dialog').locator(`[data-testid="member-row"][data-username="${mallory.username}"]`).waitFor();
    expect(await page.getByTestId('share-dialog').innerText()).toContain('<img src=x');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
    const html = (await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: alice.token })).body.html as string;
    expect(html).not.toContain('<script>');
    await context.close();
  });
});
