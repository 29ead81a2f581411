// Browser end-to-end: naming a version, comparing it with the draft and restoring it, in Debian's Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { editorReady, editorText, pageAs, screenshot } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
const contexts: BrowserContext[] = [];

async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  await page.goto(`${srv.url}/d/${documentId}`);
  await editorReady(page);
  return page;
}

const paragraph = (page: Page, text: string) => page.locator('[data-testid="editor"] p', { hasText: text }).first();

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob, carol] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明'), newUser(srv.url, '李红')]);
});

describe.skipIf(!ready)('version history in the browser', () => {
  it('the owner names a version, sees her later typing marked as hers, and restores it for everyone', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    await share(srv.url, alice, id, carol, 'viewer');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    const c = await openAs(carol, id);
    const lead = '一是围绕中心工作建言献策';
    const leadBefore = await paragraph(a, lead).innerText();

    await a.getByTestId('save-version-button').click();
    const dialog = a.getByTestId('save-version-dialog');
    await dialog.getByRole('button', { name: '征求意见稿' }).click();
    expect(await dialog.locator('input[name="version-name"]').inputValue()).toBe('征求意见稿');
    await dialog.getByTestId('save-version-submit').click();
    await dialog.waitFor({ state: 'detached' });
    expect(await a.getByTestId('toast').innerText()).toContain('征求意见稿');

    const sentence = '全年共提出意见建议十二条，均已转交有关部门办理。';
    await paragraph(a, lead).click();
    await a.keyboard.press('End');
    await a.keyboard.insertText(sentence);
    await until(async () => (await editorText(b)).includes(sentence), 'the sentence to reach the other editor');
    await a.locator('[data-testid="save-status"][data-state="saved"]').waitFor();

    await a.getByTestId('history-button').click();
    const panel = a.getByTestId('history-panel');
    await panel.locator('[data-testid="version-item"][data-kind="named"]', { hasText: '征求意见稿' }).click();
    const view = a.getByTestId('version-view');
    await view.getByText('正在查看“征求意见稿”').waitFor();
    const insert = view.locator('[data-testid="diff-insert"]', { hasText: sentence });
    await insert.waitFor();
    expect(await insert.innerText()).toBe(sentence);
    expect(await insert.getAttribute('data-author')).toBe(alice.username);
    expect(await insert.getAttribute('title')).toContain('张丽');
    expect(await view.locator('[data-testid="diff-block"][data-status="modified"]').count()).toBe(1);
    expect(await view.getByTestId('diff-summary').innerText()).toContain(`新增 ${sentence.length} 字`);
    expect(await a.getByTestId('editor').isVisible()).toBe(false);
    await insert.scrollIntoViewIfNeeded();
    await screenshot(a, 'version-compare');

    // the version's own text, without marks
    await view.getByText('显示修改').click();
    await view.locator('[data-testid="version-body"]').getByText(lead).waitFor();
    expect(await view.getByTestId('version-body').innerText()).not.toContain(sentence);
    expect(await view.locator('[data-testid="diff-insert"]').count()).toBe(0);

    // carol's network drops just before the restore: she is told when it comes back
    await c.context().setOffline(true);
    await c.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await view.getByTestId('restore-version').click();
    await a.getByTestId('confirm-dialog').getByText('当前内容会先自动保存为一个版本').waitFor();
    await a.getByTestId('confirm-ok').click();
    await view.waitFor({ state: 'detached' });
    await until(async () => !(await editorText(b)).includes(sentence), 'the restore to reach the other editor');
    expect(await paragraph(b, lead).innerText()).toBe(leadBefore);
    // bob is told who replaced the text on his screen, and where what was there is kept
    const notice = b.getByTestId('restored-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/^张丽 已将文档恢复到“征求意见稿”（.+）。 恢复前的内容（包括您刚才的修改）保存在自动保存的版本（.+）中。/);
    await screenshot(b, 'version-restored-notice');
    await c.context().setOffline(false);
    await c.getByTestId('restored-notice').getByText('张丽 已将文档恢复到“征求意见稿”').waitFor();
    // told once: a page opened after the restore says nothing of it
    await c.reload();
    await editorReady(c);
    // connected means synced, and the server repeats its last restore before it answers the sync
    await c.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    expect(await c.getByTestId('restored-notice').count()).toBe(0);
    await notice.getByTestId('restored-notice-view').click();
    await b.getByTestId('version-view').getByText('正在查看自动保存的版本').waitFor();
    await b.getByTestId('version-body').getByText(sentence).waitFor();
    await b.getByTestId('back-to-current').click();
    expect(await notice.count()).toBe(0);
    // the restorer has her toast, not the notice
    expect(await a.getByTestId('restored-notice').count()).toBe(0);
    await until(async () => !(await editorText(a)).includes(sentence), "the restore in the restorer's editor");
    expect(await a.getByTestId('editor').isVisible()).toBe(true);
    await panel.locator('[data-testid="version-item"][data-kind="named"]', { hasText: '恢复到“征求意见稿”' }).waitFor();
    // the text before the restore was kept as an automatic version
    expect(await panel.locator('[data-testid="version-item"][data-kind="auto"]').count()).toBeGreaterThanOrEqual(1);
    await screenshot(a, 'version-history');
    expect(await contentText(srv.url, alice, id)).not.toContain(sentence);
  });

  it('a viewer can read the history but not save or restore; an editor names a version with Ctrl+Alt+S', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    await share(srv.url, alice, id, carol, 'viewer');
    const saved = await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: alice.token, body: { name: '初稿' } });
    expect(saved.status).toBe(201);

    const c = await openAs(carol, id);
    expect(await c.getByTestId('save-version-button').count()).toBe(0);
    await c.keyboard.press('Control+Alt+s');
    await c.getByTestId('history-button').click();
    await c.locator(`[data-testid="version-item"][data-version-id="${saved.body.id}"]`).click();
    await c.getByTestId('version-view').getByText('正在查看“初稿”').waitFor();
    expect(await c.getByTestId('restore-version').count()).toBe(0);
    expect(await c.getByTestId('save-version-dialog').count()).toBe(0);
    await c.getByTestId('back-to-current').click();
    await c.getByTestId('editor').waitFor();

    const b = await openAs(bob, id);
    await paragraph(b, '一是围绕中心工作建言献策').click();
    await b.keyboard.press('Control+Alt+s');
    const dialog = b.getByTestId('save-version-dialog');
    // a name is text, never markup
    await dialog.locator('input[name="version-name"]').fill('<b>王明</b>修改稿');
    await dialog.locator('input[name="version-name"]').press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const list = await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: carol.token });
    expect(list.body[0]).toMatchObject({ name: '<b>王明</b>修改稿', kind: 'named', createdBy: bob.username });
    await b.getByTestId('history-button').click();
    const item = b.locator('[data-testid="version-item"][data-kind="named"]').first();
    expect(await item.locator('.version-item__name').innerText()).toBe('<b>王明</b>修改稿');
    expect(await item.locator('b').count()).toBe(0);
  });
});
