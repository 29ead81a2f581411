// Browser end-to-end: the owner approves after seeing what is unfinished, the
// other members' windows lock live, changes after the freeze are refused and
// thrown away, Word export of the approved version and of the draft, and
// reopening; in Debian's Chromium.
import fs from 'node:fs';
import JSZip from 'jszip';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { editorReady, editorText, pageAs, screenshot } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

const TITLE = '菜花坪镇政协联工委2026年工作总结';

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
let editor: TestUser;
let viewer: TestUser;
const contexts: BrowserContext[] = [];

const newPageAs = (user: TestUser): Promise<Page> => pageAs(browser, srv.url, user, contexts);

async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await newPageAs(user);
  await page.goto(`${srv.url}/d/${documentId}`);
  await editorReady(page);
  return page;
}

async function typeAtEndOf(page: Page, paragraph: string, text: string): Promise<void> {
  await page.locator('[data-testid="editor"] p', { hasText: paragraph }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.insertText(text);
}

/** Downloads through the export dialog's link, as a person would; the file's name and its Word parts. */
async function exportWord(page: Page, version: string): Promise<{ filename: string; parts: Record<string, string> }> {
  await page.getByTestId('export-button').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.waitFor();
  await dialog.locator('select[name="export-version"]:not([disabled])').waitFor();
  await dialog.locator('input[name="export-format"][value="docx"]').check();
  await dialog.locator('select[name="export-version"]').selectOption(version);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
  const file = await download.path();
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files).filter((n) => /^word\/.*\.xml$/.test(n))) parts[name] = await zip.file(name)!.async('string');
  await dialog.waitFor({ state: 'detached' });
  return { filename: download.suggestedFilename(), parts };
}

const pageHeaders = (parts: Record<string, string>) =>
  Object.entries(parts)
    .filter(([name]) => /^word\/header\d*\.xml$/.test(name))
    .map(([, xml]) => xml)
    .join('');

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [owner, editor, viewer] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明'), newUser(srv.url, '李红')]);
});

describe.skipIf(!ready)('approval and export in the browser', () => {
  it('the owner approves after the warnings, the editor is locked live, Word exports with and without 草稿, and reopening lets the editor type again', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', TITLE);
    await share(srv.url, owner, id, editor, 'editor');
    expect(
      (await api(srv.url, 'POST', `/api/documents/${id}/comments`, { token: editor.token, body: { quote: '服务发展更务实', body: '请补充走访企业的数据' } }))
        .status,
    ).toBe(201);
    const o = await openAs(owner, id);
    const e = await openAs(editor, id);
    expect(await e.getByTestId('approve-button').count()).toBe(0);

    // 定稿: first what is unfinished, each a way back to it
    await o.getByTestId('approve-button').click();
    const dialog = o.getByTestId('approval-dialog');
    await dialog.getByTestId('approval-placeholder').first().waitFor();
    expect(await dialog.getByTestId('approval-placeholder').count()).toBe(18);
    expect(await dialog.getByTestId('approval-placeholder').first().innerText()).toBe('〔年份〕');
    expect(await dialog.getByTestId('approval-thread').innerText()).toContain('请补充走访企业的数据');
    await screenshot(o, 'approval-dialog');
    const placeholder = '〔走访的地方、座谈会次数〕';
    await dialog.getByTestId('approval-placeholder').filter({ hasText: placeholder }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await o.evaluate(() => window.getSelection()?.toString())).toBe(placeholder);
    await o.getByTestId('approve-button').click();
    await dialog.getByTestId('approval-thread').click();
    await o.locator('[data-testid="thread"][aria-current="true"]', { hasText: '请补充走访企业的数据' }).waitFor();
    // the editor has the version history open meanwhile
    await e.getByTestId('history-button').click();
    await e.getByTestId('history-panel').waitFor();
    await o.getByTestId('approve-button').click();
    await dialog.getByTestId('approve-anyway').click();
    await dialog.waitFor({ state: 'detached' });
    await o.getByTestId('approved-banner').waitFor();
    expect(await o.getByTestId('toast').innerText()).toContain('已定稿');
    expect(await o.getByTestId('status-badge').getAttribute('data-status')).toBe('approved');
    expect(await o.getByTestId('approve-button').count()).toBe(0);

    // the editor's window locks live
    const banner = e.getByTestId('approved-banner');
    await banner.getByText('张丽，').waitFor();
    expect(await banner.innerText()).toMatch(/^本文档已定稿（张丽，\d{4}-\d\d-\d\d \d\d:\d\d），如需修改请由所有者重新打开。$/);
    expect(await e.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    expect(await e.getByTestId('status-badge').getAttribute('data-status')).toBe('approved');
    expect(await e.getByTestId('reopen-button').count()).toBe(0);
    await screenshot(e, 'approval-locked');
    // the approved version appears in her open history without reopening it
    await e.getByTestId('history-panel').locator('[data-testid="version-item"][data-kind="approved"]').waitFor();
    await e.getByTestId('history-button').click();

    // typing in the locked window changes nothing
    const frozen = await contentText(srv.url, owner, id);
    await typeAtEndOf(e, '现将一年来的工作总结如下', '锁定后按下的键');
    await e.waitForTimeout(300);
    expect(await editorText(e)).not.toContain('锁定后按下的键');
    expect(await contentText(srv.url, owner, id)).toBe(frozen);

    // Word: the approved version by default, named after the document, without the 草稿 mark
    await e.getByTestId('export-button').click();
    const exportDialog = e.getByTestId('export-dialog');
    await exportDialog.locator('select[name="export-version"]:not([disabled])').waitFor();
    expect(await exportDialog.locator('select[name="export-version"]').inputValue()).toBe('approved');
    expect(await exportDialog.locator('input[name="export-format"]:checked').getAttribute('value')).toBe('docx');
    await exportDialog.locator('input[name="export-signature"]').fill('菜花坪镇政协联工委');
    await exportDialog.locator('input[name="export-comments"]').check();
    await screenshot(e, 'export-dialog');
    await exportDialog.locator('input[name="export-signature"]').fill('');
    await exportDialog.locator('input[name="export-comments"]').uncheck();
    await e.keyboard.press('Escape');
    await exportDialog.waitFor({ state: 'detached' });
    const approved = await exportWord(e, 'approved');
    expect(approved.filename).toBe(`${TITLE}.docx`);
    expect(approved.parts['word/document.xml']).toContain('参政议政更主动');
    expect(approved.parts['word/document.xml']).not.toContain('草稿');
    expect(pageHeaders(approved.parts)).not.toContain('草稿');

    // the current draft carries the mark (in the page header, on every page)
    const draft = await exportWord(e, 'current');
    expect(draft.filename).toBe(`${TITLE}.docx`);
    expect(pageHeaders(draft.parts)).toContain('草稿');
    expect(draft.parts['word/document.xml']).not.toContain('草稿');

    // the owner reopens: a new round, the editor types again and it is stored
    await o.getByTestId('reopen-button').click();
    await o.getByTestId('confirm-ok').click();
    await o.locator('[data-testid="status-badge"][data-status="draft"]').waitFor();
    await e.getByTestId('approved-banner').waitFor({ state: 'detached' });
    await e.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
    await typeAtEndOf(e, '现将一年来的工作总结如下', '重新打开后补充的一句。');
    await e.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    await until(async () => (await contentText(srv.url, owner, id)).includes('重新打开后补充的一句。'), 'the sentence on the server');
    const versions = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body as { kind: string }[];
    expect(versions.some((v) => v.kind === 'approved')).toBe(true);
  });

  it('what an editor typed after the freeze, before the lock reached the window, is thrown away with a notice and never comes back', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', TITLE);
    await share(srv.url, owner, id, editor, 'editor');
    const e = await openAs(editor, id);
    // The window learns of the approval by fetching the document again: held back here, it keeps typing meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await e.context().route(`**/api/documents/${id}`, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    const frozen = await contentText(srv.url, owner, id);
    const late = '定稿之后才写下的一句。';
    await typeAtEndOf(e, '现将一年来的工作总结如下', late);
    // The server drops it and acknowledges it as processed: the window even says 已保存.
    await e.waitForTimeout(300);
    await e.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    expect(await editorText(e)).toContain(late);
    expect(await contentText(srv.url, owner, id)).toBe(frozen);

    release();
    await e.getByTestId('approved-banner').waitFor();
    const notice = e.getByTestId('discarded-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain('您在定稿之后的修改未被保存，因为文档已定稿。');
    await e.locator('[data-testid="editor"]').getByText('参政议政更主动').waitFor();
    expect(await editorText(e)).not.toContain(late);
    expect(await e.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    await screenshot(e, 'approval-discarded');

    // the local copy is gone too: a reload shows the approved text and no notice (nothing was left to throw away)
    await e.reload();
    await e.getByTestId('approved-banner').waitFor();
    await e.locator('[data-testid="editor"]').getByText('参政议政更主动').waitFor();
    await e.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    expect(await editorText(e)).not.toContain(late);
    expect(await notice.count()).toBe(0);

    // nor after a reopen, when the server would take it
    expect((await api(srv.url, 'POST', `/api/documents/${id}/reopen`, { token: owner.token })).status).toBe(200);
    await e.locator('[data-testid="editor"][contenteditable="true"]').waitFor();
    await typeAtEndOf(e, '现将一年来的工作总结如下', '重新打开后写的。');
    await e.locator('[data-testid="save-status"][data-state="saved"]').waitFor();
    const text = await contentText(srv.url, owner, id);
    expect(text).toContain('重新打开后写的。');
    expect(text).not.toContain(late);
  });

  it('an editor who typed offline and opens the document after its approval sees the approved text only, with the notice', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', TITLE);
    await share(srv.url, owner, id, editor, 'editor');
    const first = await openAs(editor, id);
    const offline = '断网时写下、定稿后才回来的一句。';
    await first.context().setOffline(true);
    await first.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await typeAtEndOf(first, '现将一年来的工作总结如下', offline);
    await first.locator('[data-testid="save-status"][data-state="unsaved"]').waitFor();
    // y-indexeddb writes each change as it happens; closing the tab keeps it
    await first.waitForTimeout(300);
    const context = first.context();
    await first.close();
    await context.setOffline(false);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);

    const again = await context.newPage();
    await again.goto(`${srv.url}/d/${id}`);
    await again.getByTestId('discarded-notice').waitFor();
    await again.locator('[data-testid="editor"]').getByText('参政议政更主动').waitFor();
    expect(await editorText(again)).not.toContain(offline);
    expect(await contentText(srv.url, owner, id)).not.toContain(offline);
  });

  it('a viewer exports the approved version from the document list', async () => {
    const id = await newDocument(srv.url, owner, 'year-end-summary', TITLE);
    await share(srv.url, owner, id, viewer, 'viewer');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token })).status).toBe(200);
    const page = await newPageAs(viewer);
    await page.goto(`${srv.url}/`);
    const row = page.locator(`[data-testid="document-row"][data-document-id="${id}"]`);
    await row.getByTestId('row-menu').click();
    await row.getByTestId('export-document').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.locator('select[name="export-version"]:not([disabled])').waitFor();
    expect(await dialog.locator('select[name="export-version"]').inputValue()).toBe('approved');
    expect(await dialog.getByTestId('export-mark').innerText()).toContain('不加“草稿”标记');
    await dialog.locator('input[name="export-format"][value="md"]').check();
    expect(await dialog.locator('input[name="export-signature"]').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-download').click()]);
    expect(download.suggestedFilename()).toBe(`${TITLE}.md`);
    const markdown = fs.readFileSync(await download.path(), 'utf8');
    expect(markdown).toContain('参政议政更主动');
    expect(markdown).not.toContain('草稿');
  });
});
