// Browser end-to-end: the parts of the app loaded on demand (client/lazy).
// Each page's first load leaves out what its first paint does not need; a
// part comes when opened, from the service worker's cache when offline, and
// one that cannot be fetched says so and is fetched again on a retry.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDocument, newUser, type TestUser } from '../helpers/api.js';
import { controlledByServiceWorker, editorReady, pageAs } from '../helpers/browser.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
const contexts: BrowserContext[] = [];

/** The parts of client/lazy/parts.ts that neither page needs for its first paint (chunks are named after their module). */
const ON_DEMAND =
  /\/assets\/(ShareDialog|SaveVersionDialog|ApprovalDialog|ExportDialog|NewDocumentDialog|InviteDialog|SectionAssignDialog|CommentsPanel|SuggestionsPanel|HistoryPanel|VersionView|en)-[\w-]+\.js$/;

/** The app's scripts the page asks for (itself, not its service worker's precaching). */
function scriptsOf(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith('/assets/') && pathname.endsWith('.js')) scripts.push(pathname);
  });
  return scripts;
}

/** A signed-in page without the service worker, so that the test sees and steers every fetch of the app's files. */
async function pageWithoutWorker(user: TestUser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', serviceWorkers: 'block' });
  contexts.push(context);
  await context.addCookies([{ name: 'yigao_session', value: user.token, url: srv.url, httpOnly: true, sameSite: 'Lax' }]);
  return context.newPage();
}

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  alice = await newUser(srv.url, '张丽');
});

describe.skipIf(!ready)('parts loaded on demand', () => {
  it('the list loads no editor code, the editor no dialog or closed panel; each comes when opened', async () => {
    const id = await newDocument(srv.url, alice);
    const page = await pageWithoutWorker(alice);
    const scripts = scriptsOf(page);

    await page.goto(`${srv.url}/`);
    await page.getByTestId('new-document').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((path) => /\/EditorPage-/.test(path) || ON_DEMAND.test(path))).toEqual([]);
    await page.getByTestId('new-document').click();
    await page.getByTestId('new-document-dialog').getByTestId('template-year-end-summary').waitFor();
    await page.keyboard.press('Escape');
    // alice signed up first: the administrator, who may invite
    await page.getByTestId('user-menu').click();
    await page.getByTestId('invite-colleagues').click();
    await page.getByTestId('create-invite').waitFor();
    await page.keyboard.press('Escape');
    expect(scripts.filter((path) => /\/(NewDocumentDialog|InviteDialog)-/.test(path))).toHaveLength(2);

    scripts.length = 0;
    await page.goto(`${srv.url}/d/${id}`);
    await editorReady(page);
    await page.waitForLoadState('networkidle');
    expect(scripts.some((path) => /\/EditorPage-/.test(path))).toBe(true);
    expect(scripts.filter((path) => ON_DEMAND.test(path))).toEqual([]);

    await page.getByTestId('export-button').click();
    await page.getByTestId('export-download').waitFor();
    expect(scripts.some((path) => /\/ExportDialog-/.test(path))).toBe(true);
    await page.keyboard.press('Escape');
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-panel').waitFor();
    expect(scripts.some((path) => /\/HistoryPanel-/.test(path))).toBe(true);
  });

  it('the English dictionary comes only for someone who chose English, and before the page shows, so it never shows in Chinese first', async () => {
    const page = await pageWithoutWorker(alice);
    const scripts = scriptsOf(page);
    await page.goto(`${srv.url}/`);
    await page.getByTestId('new-document').waitFor();
    expect(scripts.some((path) => /\/en-/.test(path))).toBe(false);

    await page.evaluate(() => localStorage.setItem('yigao.language', 'en'));
    // Whatever the new page renders first is recorded: no Chinese heading may ever appear.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { headings: string[] }).headings = seen;
      new MutationObserver(() => {
        const heading = document.querySelector('h1')?.textContent;
        if (heading && seen.at(-1) !== heading) seen.push(heading);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    await page.reload();
    await page.getByTestId('new-document').waitFor();
    expect(await page.getByTestId('new-document').innerText()).toBe('New document');
    expect(await page.evaluate(() => (window as unknown as { headings: string[] }).headings)).toEqual(['My documents']);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(scripts.some((path) => /\/en-/.test(path))).toBe(true);
  });

  it('a part that cannot be fetched says so instead of leaving a blank, and the retry brings it', async () => {
    const id = await newDocument(srv.url, alice);
    const page = await pageWithoutWorker(alice);
    await page.route(/\/assets\/HistoryPanel-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(`${srv.url}/d/${id}`);
    await editorReady(page);

    await page.getByTestId('history-button').click();
    const failed = page.getByTestId('lazy-failed');
    await failed.waitFor();
    expect(await failed.getByRole('alert').innerText()).toBe('这部分没能加载，请检查网络后重试。');
    expect(await page.getByTestId('history-panel').count()).toBe(0);
    // the editor is untouched by it
    expect(await page.getByTestId('editor').isVisible()).toBe(true);

    await page.unroute(/\/assets\/HistoryPanel-[\w-]+\.js$/);
    await failed.getByTestId('lazy-retry').click();
    await page.getByTestId('history-panel').waitFor();
    expect(await page.getByTestId('lazy-failed').count()).toBe(0);

    // a dialog alike: one that says so, and closes as the dialog would
    await page.route(/\/assets\/ShareDialog-[\w-]+\.js$/, (route) => route.abort('internetdisconnected'));
    await page.getByTestId('share-button').click();
    const failedDialog = page.getByRole('dialog', { name: '没能打开' });
    await failedDialog.waitFor();
    expect(await failedDialog.getByRole('alert').innerText()).toBe('这部分没能加载，请检查网络后重试。');
    await page.keyboard.press('Escape');
    await failedDialog.waitFor({ state: 'detached' });
  });

  it('offline, the dialogs and panels not opened before still open: the service worker has their code', async () => {
    const id = await newDocument(srv.url, alice);
    const page = await pageAs(browser, srv.url, alice, contexts);
    await page.goto(`${srv.url}/d/${id}`);
    await controlledByServiceWorker(page);
    await editorReady(page);

    await page.context().setOffline(true);
    await page.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await page.getByTestId('history-button').click();
    await page.getByTestId('history-panel').waitFor();
    await page.getByTestId('export-button').click();
    await page.getByTestId('export-download').waitFor();
    expect(await page.getByTestId('lazy-failed').count()).toBe(0);
  });
});
