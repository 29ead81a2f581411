// Browser end-to-end: the export dialog counts the 〔…〕 placeholders still in
// the content it exports, and the file marks them, or leaves them out when
// asked; a document without any says nothing about them. In Debian's Chromium.
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newDocument, newUser, type TestUser } from '../helpers/api.js';
import { editorReady, pageAs, screenshot } from '../helpers/browser.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

const TITLE = '菜花坪镇政协联工委2026年工作总结';

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
const contexts: BrowserContext[] = [];

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  owner = await newUser(srv.url, '张丽');
});

/** Clicks the export button and waits until the dialog knows what it exports. */
async function openExportDialog(page: Page) {
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.locator('select[name="export-version"]:not([disabled])').waitFor();
  return dialog;
}

/** Clicks the download link and reads the file it saves. */
async function download(page: Page, dialog: ReturnType<Page['getByTestId']>): Promise<{ filename: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
  return { filename: file.suggestedFilename(), body: fs.readFileSync(await file.path()) };
}

describe.skipIf(!ready)('unfilled guidance in the export dialog', () => {
  it('counts the placeholders left in the draft, marks them in Word, and leaves them out when ticked', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', TITLE);
    const page = await pageAs(browser, srv.url, owner, contexts);
    await page.goto(`${srv.url}/d/${id}`);
    await editorReady(page);

    // Filling one of the template's 18 placeholders: a click selects it, typing replaces it.
    await page.locator('[data-testid="editor"] .guidance', { hasText: '〔走访的地方、座谈会次数〕' }).click();
    await page.keyboard.insertText('先后赴省城、市区走访在外乡贤，召开座谈会3次。');
    await page.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

    let dialog = await openExportDialog(page);
    expect(await dialog.locator('select[name="export-version"]').inputValue()).toBe('current');
    const guidance = dialog.getByTestId('export-guidance');
    await guidance.waitFor();
    expect(await guidance.innerText()).toContain('还有 17 处〔…〕待填写');
    const leaveOut = guidance.locator('input[name="export-omit-guidance"]');
    expect(await leaveOut.isChecked()).toBe(false); // marked unless asked
    await screenshot(page, 'export-dialog-guidance-marked');

    // By default the placeholders are highlighted in the Word file.
    const marked = await download(page, dialog);
    const markedXml = await (await JSZip.loadAsync(marked.body)).file('word/document.xml')!.async('string');
    expect(markedXml.match(/<w:highlight w:val="yellow"\/>/g)).toHaveLength(17);
    expect(markedXml).toContain('〔调研题目、走访的企业和村组、形成的建议或提案、相关部门采纳情况〕');
    await dialog.waitFor({ state: 'detached' });

    dialog = await openExportDialog(page);
    await dialog.getByTestId('export-guidance').waitFor();
    await dialog.locator('input[name="export-omit-guidance"]').check();
    await screenshot(page, 'export-dialog-guidance');
    expect(await dialog.getByTestId('export-download').getAttribute('href')).toContain('guidance=omit');
    const omitted = await download(page, dialog);
    expect(omitted.filename).toBe(`${TITLE}.docx`);
    const omittedXml = await (await JSZip.loadAsync(omitted.body)).file('word/document.xml')!.async('string');
    expect(omittedXml).not.toContain('〔');
    expect(omittedXml).not.toContain('w:highlight');
    expect(omittedXml).toContain('二是结合重点产业开展调研。');
    expect(omittedXml).toContain('先后赴省城、市区走访在外乡贤，召开座谈会3次。');
  });

  it('says nothing about placeholders when the content has none', async () => {
    const id = await newDocument(srv.url, owner, 'blank', '关于村组道路养护的建议');
    const page = await pageAs(browser, srv.url, owner, contexts);
    await page.goto(`${srv.url}/`);
    const row = page.locator(`[data-testid="document-row"][data-document-id="${id}"]`);
    await row.getByTestId('row-menu').click();
    await row.getByTestId('export-document').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.locator('select[name="export-version"]:not([disabled])').waitFor();
    // once the draft's content has been counted, the dialog still has nothing to say
    await dialog.locator('[data-guidance-count="0"]').waitFor();
    expect(await dialog.getByTestId('export-guidance').count()).toBe(0);
    expect(await dialog.innerText()).not.toContain('〔');
    expect(await dialog.getByTestId('export-download').getAttribute('href')).not.toContain('guidance');
  });
});
