// Debian's Chromium driven by playwright-core, never a downloaded browser.
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { TestUser } from './api.js';

export const CHROMIUM = '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk (.ci/run does it)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A browser context signed in as `user` (its session cookie set), on a laptop-sized screen. */
export async function signedInContext(browser: Browser, baseUrl: string, user: TestUser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  await context.addCookies([{ name: 'yigao_session', value: user.token, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  return context;
}

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = path.resolve(import.meta.dirname, '../../test-results');
  fs.mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`) });
}

/**
 * Waits until the app's service worker controls the page. A worker installed
 * during this page's life takes over by itself (clients.claim); should that not
 * happen, a reload puts the page under it.
 */
export async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const isControlled = () => navigator.serviceWorker.controller !== null;
  const claimed = await page.waitForFunction(isControlled, undefined, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (claimed) return;
  await page.reload();
  await page.waitForFunction(isControlled);
}

/** A new page signed in as `user`, in a context of its own (added to `contexts`, for closing after the test). */
export async function pageAs(browser: Browser, baseUrl: string, user: TestUser, contexts: BrowserContext[]): Promise<Page> {
  const context = await signedInContext(browser, baseUrl, user);
  contexts.push(context);
  return context.newPage();
}

/** Waits until the editor is connected and shows `text` (by default, a heading of the year-end template). */
export async function editorReady(page: Page, text = '参政议政更主动'): Promise<void> {
  await page.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
  await page.locator('[data-testid="editor"]').getByText(text).first().waitFor();
}

export const editorText = (page: Page): Promise<string> => page.getByTestId('editor').innerText();

/** An element's text without other people's carets, whose name labels sit inside the text wherever they are. */
export const textWithoutCarets = (locator: Locator): Promise<string> =>
  locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return copy.textContent ?? '';
  });

/** The editor's text without other people's carets. */
export const bodyText = (page: Page): Promise<string> => textWithoutCarets(page.getByTestId('editor'));

/** Puts the caret at the end of the (visual line of the) first paragraph holding `text`. */
export async function clickEndOf(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] p', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

/** Records the close code of every WebSocket the page's scripts open (call before the page loads). */
export async function recordSocketCloses(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const closes: number[] = [];
    (window as unknown as { socketCloses: number[] }).socketCloses = closes;
    const Native = window.WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('close', (event) => closes.push(event.code));
      }
    };
  });
}

/** The close codes the page's WebSockets saw so far (recordSocketCloses). */
export const socketCloses = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { socketCloses: number[] }).socketCloses);

/**
 * Opens the document as `user` in a page of its own, recording page errors
 * into `errors` and every socket close (socketCloses), and waits for the
 * editor to show `readyText`.
 */
export async function openWatched(
  browser: Browser,
  baseUrl: string,
  user: TestUser,
  documentId: string,
  contexts: BrowserContext[],
  errors: string[],
  readyText?: string,
): Promise<Page> {
  const page = await pageAs(browser, baseUrl, user, contexts);
  page.on('pageerror', (err) => errors.push(`${user.displayName}: ${err.message}`));
  await recordSocketCloses(page);
  await page.goto(`${baseUrl}/d/${documentId}`);
  await editorReady(page, readyText);
  return page;
}
