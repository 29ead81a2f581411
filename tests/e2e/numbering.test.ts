// Automatic numbering in Chromium: two members insert and delete sections at
// the same time; the numbers are right on both screens, in content.text and in
// every export, and a heading can be set unnumbered.
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

const openAs = (user: TestUser, documentId: string): Promise<Page> => openWatched(browser, srv.url, user, documentId, contexts, pageErrors);

/** The section headings (levels 2 and 3) as the page shows them, number included (others' carets left out). */
const sections = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="editor"] h2, [data-testid="editor"] h3').evaluateAll((headings) =>
    headings.map((heading) => {
      const copy = heading.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );

/** Puts the caret at the end of the heading holding `text`. */
async function endOfHeading(page: Page, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] h2', { hasText: text }).first().click();
  await page.keyboard.press('End');
}

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

describe.skipIf(!ready)('automatic numbering in the browser', () => {
  it('renumbers for both members while they insert and delete sections at once, everywhere the document is shown', async () => {
    const documentId = await newDocument(srv.url, alice);
    await share(srv.url, alice, documentId, bob, 'editor');
    const a = await openAs(alice, documentId);
    const b = await openAs(bob, documentId);
    expect(await sections(a)).toEqual(['一、参政议政更主动', '二、服务发展更务实', '三、民主监督更有效', '四、联络联谊更广泛', '五、委员活动更多样']);

    // 张丽 inserts a section after the first; at the same time 王明 deletes the third heading's line
    await endOfHeading(a, '参政议政更主动');
    await a.keyboard.press('Enter');
    await a.getByTestId('paragraph-style').selectOption('h2');
    await a.keyboard.type('新增的一节');
    await endOfHeading(b, '民主监督更有效');
    await b.keyboard.press('Shift+Home');
    await b.getByTestId('paragraph-style').selectOption('paragraph');

    const expected = ['一、参政议政更主动', '二、新增的一节', '三、服务发展更务实', '四、联络联谊更广泛', '五、委员活动更多样'];
    for (const page of [a, b]) {
      try {
        await until(async () => JSON.stringify(await sections(page)) === JSON.stringify(expected), 'both screens renumbered', 10_000);
      } catch (err) {
        await screenshot(page, 'numbering-failed');
        throw new Error(`${(err as Error).message}: ${JSON.stringify(await sections(page))}`, { cause: err });
      }
    }

    // a heading set unnumbered keeps its place but takes no number
    await endOfHeading(a, '联络联谊更广泛');
    await a.getByTestId('toolbar-numbering').click();
    const unnumbered = ['一、参政议政更主动', '二、新增的一节', '三、服务发展更务实', '联络联谊更广泛', '四、委员活动更多样'];
    for (const page of [a, b])
      await until(async () => JSON.stringify(await sections(page)) === JSON.stringify(unnumbered), 'the unnumbered heading on both screens', 10_000);
    // the outline beside the page lists the same, and takes the caret to a section
    const outline = () => b.getByTestId('outline').locator('button').allInnerTexts();
    await until(async () => (await outline()).includes('四、委员活动更多样'), 'the outline renumbered', 10_000);
    expect(await outline()).toEqual(expect.arrayContaining([...unnumbered]));
    await b.getByTestId('outline').getByText('四、委员活动更多样').click();
    await b.keyboard.type('（续）');
    await until(
      async () => (await sections(a)).some((text) => text.startsWith('四、（续）委员活动更多样')),
      'the outline put the caret in the heading',
      10_000,
    );
    for (let i = 0; i < 3; i++) await b.keyboard.press('Backspace');
    // the number is not text: the caret cannot go into it, and the stored heading has none
    await endOfHeading(b, '新增的一节');
    await b.keyboard.press('Home');
    await b.keyboard.type('【】');
    await until(async () => (await sections(a)).includes('二、【】新增的一节'), 'typing at the start of a heading goes after its number', 10_000);
    await b.keyboard.press('Backspace');
    await b.keyboard.press('Backspace');

    for (const page of [a, b]) await until(async () => (await page.getByTestId('save-status').getAttribute('data-state')) === 'saved', 'saved', 10_000);
    const content = (await api(srv.url, 'GET', `/api/documents/${documentId}/content`, { token: alice.token })).body;
    expect(JSON.stringify(content.json)).not.toContain('二、新增');
    for (const line of unnumbered) expect(content.text).toContain(line);
    const md = (await api(srv.url, 'GET', `/api/documents/${documentId}/export?format=md&version=current`, { token: alice.token })).body as string;
    expect(md).toContain('## 二、新增的一节');
    expect(md).toContain('## 联络联谊更广泛');
    expect(md).toContain('## 四、委员活动更多样');
    const html = (await api(srv.url, 'GET', `/api/documents/${documentId}/export?format=html&version=current`, { token: alice.token })).body as string;
    expect(html).toContain('三、服务发展更务实');
    await screenshot(a, 'numbering');
    expect(await socketCloses(a)).toEqual([]);
    expect(await socketCloses(b)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
