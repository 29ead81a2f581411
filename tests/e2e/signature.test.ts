// The 署名 and 成文日期 in Chromium: set once in the signature block at the end
// of the three-part summary, seen by a colleague at once, and exported once,
// after the body, by every format (even when the export is asked for a
// signature of its own).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { screenshot, socketCloses, openWatched } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let bob: TestUser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

const openAs = (user: TestUser, documentId: string): Promise<Page> => openWatched(browser, srv.url, user, documentId, contexts, pageErrors, '存在的问题和不足');

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

describe.skipIf(!ready)('the signature block in the browser', () => {
  it('is filled in once, seen by a colleague, and printed once after the body in every export', async () => {
    const documentId = await newDocument(srv.url, alice, 'year-end-summary-three-part');
    await share(srv.url, alice, documentId, bob, 'editor');
    const a = await openAs(alice, documentId);
    const b = await openAs(bob, documentId);
    const block = a.getByTestId('signature');
    await block.scrollIntoViewIfNeeded();
    await block.locator('.signature-block__issuer').fill('青山镇政协联工委');
    await block.locator('.signature-block__issuer').press('Tab');
    await block.locator('.signature-block__date').fill('2026-12-20');
    await block.locator('.signature-block__date').press('Tab');
    await until(
      async () => (await b.getByTestId('signature').locator('.signature-block__issuer').inputValue()) === '青山镇政协联工委',
      'the colleague sees the issuer',
      10_000,
    );
    await until(
      async () => (await b.getByTestId('signature').locator('.signature-block__date').inputValue()) === '2026-12-20',
      'the colleague sees the date',
      10_000,
    );
    await until(async () => (await a.getByTestId('save-status').getAttribute('data-state')) === 'saved', 'saved', 10_000);
    await screenshot(a, 'signature-block');

    const content = (await api(srv.url, 'GET', `/api/documents/${documentId}/content`, { token: alice.token })).body;
    expect(content.text.trimEnd().endsWith('青山镇政协联工委\n2026年12月20日')).toBe(true);
    for (const format of ['md', 'html']) {
      // asked for another signature too: the document's own is printed, once
      const out = (
        await api(srv.url, 'GET', `/api/documents/${documentId}/export?format=${format}&version=current&signature=别的署名&date=2026-01-01`, {
          token: alice.token,
        })
      ).body as string;
      expect(out.split('青山镇政协联工委').length - 1, format).toBe(1);
      expect(out, format).toContain('2026年12月20日');
      expect(out, format).not.toContain('别的署名');
    }
    // the export dialog says where the signature comes from, and asks for none of its own
    await a.getByTestId('export-button').click();
    const dialog = a.getByTestId('export-dialog');
    await dialog.getByTestId('export-own-signature').waitFor();
    expect(await dialog.getByTestId('export-own-signature').innerText()).toContain('青山镇政协联工委 · 2026年12月20日');
    expect(await dialog.locator('input[name="export-signature"]').count()).toBe(0);
    await screenshot(a, 'export-dialog-own-signature');
    expect(await socketCloses(a)).toEqual([]);
    expect(await socketCloses(b)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
