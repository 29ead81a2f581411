// Browser end-to-end: Chinese typed through an input method stays on the
// typist's computer while it is composed (the pinyin is neither sent nor
// counted), arrives once committed, and merges with what a colleague typed
// meanwhile. The input method is Chromium's own, driven through CDP.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { bodyText, editorReady, pageAs, screenshot } from '../helpers/browser.js';
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
const pageErrors: Error[] = [];

/** A heading of the template: one line, so that End reaches its end. */
const HEADING = '三、民主监督更有效';
const PINYIN = ['xiang', 'xiang cun', 'xiang cun zhen xing'];
const HANZI = '乡村振兴';
/** Pinyin anywhere: the template has no Latin letters. */
const LATIN = /[a-z]/;
/** Long enough for anything sent to have reached the other browser many times over; no timing is asserted. */
const SETTLE_MS = 1_500;

async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  page.on('pageerror', (error) => pageErrors.push(error));
  await page.goto(`${srv.url}/d/${documentId}`);
  await editorReady(page);
  return page;
}

/** Composes `steps` one after another, as a pinyin input method shows them, leaving the composition open. */
async function compose(cdp: CDPSession, steps: readonly string[]): Promise<void> {
  for (const text of steps) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
}

/** Puts the caret at the end (or, with `key` Home, the start) of the template's heading `text`. */
async function caretIn(page: Page, text: string, key: 'End' | 'Home' = 'End'): Promise<void> {
  await page.locator('[data-testid="editor"] h2', { hasText: text }).click();
  await page.keyboard.press(key);
}

const wordCount = async (page: Page): Promise<number> => Number((await page.getByTestId('word-count').innerText()).replace(/\D/g, ''));

useBrowserSuite({}, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(pageErrors.splice(0).map(String)).toEqual([]);
});

describe.skipIf(!ready)('typing through an input method', () => {
  it("keeps the pinyin on the typist's computer and out of the 字数, then sends the committed hanzi once", async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await caretIn(a, HEADING);
    const othersBefore = await bodyText(b);
    const countBefore = await wordCount(a);
    expect(othersBefore).not.toMatch(LATIN);

    const cdp = await a.context().newCDPSession(a);
    await compose(cdp, PINYIN);
    await until(async () => (await bodyText(a)).includes(`${HEADING}xiang cun zhen xing`), 'the typist to see the pinyin');
    await a.waitForTimeout(SETTLE_MS);
    expect(await bodyText(b)).toBe(othersBefore);
    // her caret, as the other sees it, stays where the composition began
    await b.locator('[data-testid="editor"] h2', { hasText: HEADING }).locator('.collaboration-carets__caret').waitFor();
    expect(await contentText(srv.url, alice, id)).not.toMatch(LATIN);
    // the pinyin would count as four words, like the four hanzi it becomes
    expect(await wordCount(a)).toBe(countBefore);
    await screenshot(a, 'ime-composing');
    await b.locator('[data-testid="editor"] h2', { hasText: HEADING }).scrollIntoViewIfNeeded();
    await screenshot(b, 'ime-composing-seen-by-a-colleague');

    await cdp.send('Input.insertText', { text: HANZI });
    await until(async () => (await bodyText(b)).includes(`${HEADING}${HANZI}`), 'the committed text to reach the other editor');
    for (const page of [a, b]) {
      const text = await bodyText(page);
      expect(occurrences(text, HANZI)).toBe(1);
      expect(text).not.toMatch(LATIN);
    }
    await until(async () => (await wordCount(a)) === countBefore + HANZI.length, 'the 字数 to count the hanzi');
    await until(async () => (await contentText(srv.url, alice, id)).includes(HANZI), 'the server to store it');
    expect(await contentText(srv.url, alice, id)).not.toMatch(LATIN);
  });

  it("merges a colleague's typing during the composition with the committed text, in both editors", async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await caretIn(a, HEADING);
    const cdp = await a.context().newCDPSession(a);
    await compose(cdp, PINYIN.slice(0, 2));

    // Bob writes at the start of the heading alice is composing in, and in another heading, while she composes.
    await caretIn(b, HEADING, 'Home');
    await b.keyboard.insertText('王明：');
    await caretIn(b, '五、委员活动更多样');
    await b.keyboard.insertText('王明补充');
    await until(async () => (await contentText(srv.url, bob, id)).includes('王明补充'), "bob's typing to reach the server");
    await a.waitForTimeout(SETTLE_MS);
    expect(await bodyText(b)).not.toMatch(LATIN);

    // Her composition is unbroken: it goes on and commits.
    await compose(cdp, PINYIN.slice(2));
    expect(await bodyText(a)).toContain('xiang cun zhen xing');
    await screenshot(a, 'ime-composing-while-a-colleague-types');
    await cdp.send('Input.insertText', { text: HANZI });
    // and the caret stays after the committed text
    await a.keyboard.insertText('委员');

    // Home goes to the start of the heading's text, after its automatic number (not text)
    const merged = `三、王明：${HEADING.slice('三、'.length)}${HANZI}委员`;
    await until(async () => (await bodyText(a)) === (await bodyText(b)), 'the two editors to converge', 10_000);
    for (const page of [a, b]) {
      const text = await bodyText(page);
      expect(text).toContain(merged);
      expect(text).toContain('五、委员活动更多样王明补充');
      expect(occurrences(text, HANZI)).toBe(1);
      expect(occurrences(text, '王明：')).toBe(1);
      expect(text).not.toMatch(LATIN);
    }
    await b.locator('[data-testid="editor"] h2', { hasText: HEADING.slice('三、'.length) }).scrollIntoViewIfNeeded();
    await screenshot(b, 'ime-merged');
    await until(async () => (await contentText(srv.url, alice, id)).includes(merged), 'the server to store the merged text');

    // Undo takes back her text, not his (twice: what she typed after the commit may be a step of its own).
    await a.keyboard.press('Control+z');
    await a.keyboard.press('Control+z');
    await until(async () => !(await bodyText(b)).includes(HANZI), "alice's undo to reach bob");
    expect(await bodyText(b)).toContain(`三、王明：${HEADING.slice('三、'.length)}一`);
    expect(await bodyText(a)).toContain('五、委员活动更多样王明补充');
  });
});
