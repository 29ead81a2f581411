// A template paragraph's bold run-in lead (一是…。) does not run on into what
// is written after it, in Chromium: Enter after the lead starts a plain
// paragraph, and a heading made there is in its own style (一级标题: 黑体, not
// bold), on the screen and in the stored document.
import type { JSONContent } from '@tiptap/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { editorReady, pageAs, screenshot } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  alice = await newUser(srv.url, '张丽');
});

/** How the page sets a piece of text: the element around it, its weight and font, and whether it sits in a <strong>. */
async function lookOf(page: Page, text: string): Promise<{ block: string; weight: string; font: string; strong: boolean }> {
  const found = page.locator('[data-testid="editor"] :is(p, h1, h2, h3, h4, h5)', { hasText: text }).last();
  return found.evaluate((block, wanted) => {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let node: Node | null;
    while ((node = walker.nextNode()) && !node.textContent?.includes(wanted));
    const element = (node?.parentElement ?? block) as HTMLElement;
    const style = getComputedStyle(element);
    return { block: block.tagName.toLowerCase(), weight: style.fontWeight, font: style.fontFamily, strong: element.closest('strong, b') !== null };
  }, text);
}

/** The marks on the stored text holding `text`, as the server has it. */
async function storedMarks(documentId: string, text: string): Promise<string[] | null> {
  const res = await api(srv.url, 'GET', `/api/documents/${documentId}/content`, { token: alice.token });
  let marks: string[] | null = null;
  const visit = (node: JSONContent) => {
    if (node.type === 'text' && node.text?.includes(text)) marks = (node.marks ?? []).map((mark) => mark.type);
    node.content?.forEach(visit);
  };
  visit(res.body.json);
  return marks;
}

describe.skipIf(!ready)('marks after a bold lead, in the browser', () => {
  it('starts a paragraph made by Enter after a lead, and a heading made there, without bold', async () => {
    const documentId = await newDocument(srv.url, alice);
    const page = await pageAs(browser, srv.url, alice, contexts);
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await page.goto(`${srv.url}/d/${documentId}`);
    await editorReady(page);
    const lead = '一是围绕中心工作建言献策。';
    const editor = page.getByTestId('editor');
    expect(await lookOf(page, lead)).toMatchObject({ block: 'p', strong: true, weight: '700' });

    // A click on the placeholder after the lead selects it (GuidanceEditing); deleting it
    // leaves the caret at the end of the paragraph, right after the bold lead.
    await editor.locator('p', { hasText: lead }).locator('.guidance').first().click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('新的一段正文');
    expect(await lookOf(page, '新的一段正文')).toMatchObject({ block: 'p', strong: false, weight: '400' });

    // The next lead's placeholder, selected by a click, replaced by Enter: the same.
    const second = '二是结合重点产业开展调研。';
    await editor.locator('p', { hasText: second }).locator('.guidance').first().click();
    await page.keyboard.press('Enter');
    await page.keyboard.type('调研之后');
    expect(await lookOf(page, '调研之后')).toMatchObject({ block: 'p', strong: false, weight: '400' });

    // A new paragraph after a lead made a 一级标题 from the style list: 黑体, not bold.
    const third = '三是联系热点问题反映民意。';
    await editor.locator('p', { hasText: third }).locator('.guidance').first().click();
    await page.keyboard.press('Backspace');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByTestId('paragraph-style').selectOption('h2');
    await page.keyboard.type('新增的一级标题');
    const heading = await lookOf(page, '新增的一级标题');
    expect(heading).toMatchObject({ block: 'h2', strong: false, weight: '400' });
    expect(heading.font).toMatch(/SimHei|黑体|Noto Sans CJK SC/);

    // A lead paragraph made a heading itself loses its bold, and so does what is typed in it.
    await editor.locator('p', { hasText: lead }).getByText(lead).click();
    await page.keyboard.press('End');
    // End is the browser's own: the editor learns the caret moved from a selectionchange event, a frame later
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await page.getByTestId('paragraph-style').selectOption('h2');
    await page.keyboard.type('改作标题');
    expect(await lookOf(page, '改作标题')).toMatchObject({ block: 'h2', strong: false, weight: '400' });
    expect(await lookOf(page, lead)).toMatchObject({ block: 'h2', strong: false });

    await screenshot(page, 'carried-marks');
    await until(async () => (await storedMarks(documentId, '改作标题')) !== null, 'the last text stored');
    expect(await storedMarks(documentId, '新的一段正文')).toEqual([]);
    expect(await storedMarks(documentId, '调研之后')).toEqual([]);
    expect(await storedMarks(documentId, '新增的一级标题')).toEqual([]);
    expect(await storedMarks(documentId, '改作标题')).toEqual([]);
    expect(await storedMarks(documentId, second)).toEqual(['bold']);
    expect(pageErrors).toEqual([]);
  });
});
