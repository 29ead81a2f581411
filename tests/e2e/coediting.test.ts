// Browser end-to-end: signed-in members co-editing in Debian's Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { clickEndOf, editorReady, editorText, pageAs, screenshot } from '../helpers/browser.js';
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

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob, carol] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明'), newUser(srv.url, '李红')]);
});

describe.skipIf(!ready)('in the browser', () => {
  it('a new member registers, creates the year-end summary from the template and sees the skeleton with guidance', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(srv.url);
    await page.waitForURL(/\/login/);
    await page.getByTestId('switch-to-register').click();
    const username = `ui${Date.now().toString(36)}`;
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="displayName"]').fill('周委员');
    await page.locator('input[name="password"]').fill('a-good-password');
    await page.locator('button[type="submit"]').click();
    await page.getByTestId('new-document').click();
    await page.locator('input[name="title"]').fill('2026年政协联工委工作总结');
    await page.getByTestId('template-year-end-summary').click();
    await page.getByTestId('create-document').click();
    await page.waitForURL(/\/d\//);
    const editor = page.getByTestId('editor');
    await editor.getByText('委员活动更多样').waitFor();
    expect(await editor.locator('h1').innerText()).toBe('2026年政协联工委工作总结');
    expect(await editor.locator('h2').count()).toBe(5);
    // guidance looks different from written text
    const guidance = editor.locator('.guidance').first();
    await guidance.waitFor();
    const [guideColor, bodyColor] = await Promise.all([
      guidance.evaluate((el) => getComputedStyle(el).color),
      editor
        .locator('p')
        .first()
        .evaluate((el) => getComputedStyle(el).color),
    ]);
    expect(guideColor).not.toBe(bodyColor);
    expect(await page.getByTestId('word-count').innerText()).toMatch(/\d{3,}/);
    await screenshot(page, 'editor-new-document');
    await page.goto(srv.url);
    await page.getByTestId('document-row').first().waitFor();
    expect(await page.getByTestId('document-row').first().innerText()).toContain('2026年政协联工委工作总结');
    await screenshot(page, 'document-list');
  });

  it("two editors see each other's typing, named carets and presence", async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await clickEndOf(a, '一是围绕中心工作建言献策');
    await a.keyboard.insertText('张丽补充的内容');
    await until(async () => (await editorText(b)).includes('张丽补充的内容'), 'the text to reach the other editor');
    // the other editor sees alice's caret, with her name on it, and both avatars
    await b.locator('.collaboration-carets__label', { hasText: '张丽' }).waitFor();
    await until(async () => (await b.getByTestId('presence-user').count()) === 2, 'both people in the presence list');
    await clickEndOf(b, '二是结合重点产业开展调研');
    await b.keyboard.insertText('王明写的');
    await until(async () => (await editorText(a)).includes('王明写的'), 'the reply');
    await a.locator('.collaboration-carets__label', { hasText: '王明' }).waitFor();
    await screenshot(b, 'two-editors');
    await until(async () => (await contentText(srv.url, alice, id)).includes('王明写的'), 'the server to store it');
  });

  it("undo takes back one's own typing only, not a colleague's", async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await clickEndOf(a, '一是组织委员开展民主评议');
    await a.keyboard.insertText('甲的修改');
    await until(async () => (await editorText(b)).includes('甲的修改'), "alice's text at bob");
    await clickEndOf(b, '二是组织委员视察重点工程和项目');
    await b.keyboard.insertText('乙的修改');
    await until(async () => (await editorText(a)).includes('乙的修改'), "bob's text at alice");
    await a.keyboard.press('Control+z');
    await until(async () => !(await editorText(b)).includes('甲的修改'), "alice's undo to reach bob");
    expect(await editorText(a)).toContain('乙的修改');
    await a.keyboard.press('Control+Shift+z');
    await until(async () => (await editorText(b)).includes('甲的修改'), 'the redo');
  });

  it('Chinese typed through an input method arrives whole, without stray pinyin', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await clickEndOf(a, '三是联系热点问题反映民意');
    const cdp = await a.context().newCDPSession(a);
    for (const step of ['z', 'zh', 'zhe', 'zheng', 'zhengx', 'zhengxi', 'zhengxie']) {
      await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
    }
    await cdp.send('Input.insertText', { text: '政协' });
    await a.keyboard.insertText('委员');
    await until(async () => (await editorText(b)).includes('政协委员'), 'the composed text to arrive');
    const text = await editorText(b);
    expect(text.split('政协委员').length - 1).toBe(1);
    expect(text).not.toMatch(/zh|zheng/);
    expect(await contentText(srv.url, alice, id)).not.toMatch(/zheng/);
  });

  it('a viewer sees edits live but cannot change the text', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, carol, 'viewer');
    const a = await openAs(alice, id);
    const c = await openAs(carol, id);
    await c.getByTestId('readonly-banner').waitFor();
    expect(await c.getByTestId('editor').getAttribute('contenteditable')).toBe('false');
    await c.locator('[data-testid="editor"] p', { hasText: '一是围绕中心工作建言献策' }).click();
    await c.keyboard.insertText('查看者试图输入');
    await clickEndOf(a, '一是围绕中心工作建言献策');
    await a.keyboard.insertText('所有者写的');
    await until(async () => (await editorText(c)).includes('所有者写的'), 'the viewer to see the edit');
    expect(await editorText(c)).not.toContain('查看者试图输入');
    expect(await contentText(srv.url, alice, id)).not.toContain('查看者试图输入');
    await screenshot(c, 'viewer');
  });

  it('an editor who goes offline keeps typing, is told it is not saved, and merges on reconnect', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await openAs(alice, id);
    const b = await openAs(bob, id);
    await b.context().setOffline(true);
    await b.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await clickEndOf(b, '一是开展专项摸底');
    await b.keyboard.insertText('离线时写的一句');
    await b.getByTestId('offline-banner').waitFor();
    expect(await b.getByTestId('save-status').getAttribute('data-state')).toBe('unsaved');
    await screenshot(b, 'offline');
    await clickEndOf(a, '二是组织对外联谊活动');
    await a.keyboard.insertText('在线时写的一句');
    await b.context().setOffline(false);
    await b.locator('[data-testid="save-status"][data-state="saved"]').waitFor({ timeout: 20_000 });
    await until(
      async () => (await editorText(a)).includes('离线时写的一句') && (await editorText(b)).includes('在线时写的一句'),
      'both edits on both sides',
      20_000,
    );
    const stored = await contentText(srv.url, alice, id);
    expect(stored.split('离线时写的一句').length - 1).toBe(1);
    expect(stored.split('在线时写的一句').length - 1).toBe(1);
    expect(await b.getByTestId('offline-banner').count()).toBe(0);
  });

  it('switches the interface to English and back', async () => {
    const id = await newDocument(srv.url, alice);
    const a = await openAs(alice, id);
    const statusBefore = await a.getByTestId('connection-status').innerText();
    await a.getByTestId('language-switch').selectOption('en');
    await until(async () => (await a.getByTestId('connection-status').innerText()) !== statusBefore, 'the language to change');
    expect(await a.getByTestId('connection-status').innerText()).toMatch(/^[\x20-\x7e…]+$/);
    // the choice is remembered
    await a.reload();
    await a.locator('[data-testid="connection-status"][data-state="connected"]').waitFor();
    expect(await a.getByTestId('connection-status').innerText()).toMatch(/^[\x20-\x7e…]+$/);
    await a.getByTestId('language-switch').selectOption('zh');
    await until(async () => (await a.getByTestId('connection-status').innerText()) === statusBefore, 'Chinese again');
  });

  it('the owner shares the document from the share dialog, and the colleague finds it in their list', async () => {
    const id = await newDocument(srv.url, alice);
    const a = await openAs(alice, id);
    await a.getByTestId('share-button').click();
    const dialog = a.getByTestId('share-dialog');
    await dialog.locator('input[name="member-username"]').fill(bob.username);
    await dialog.locator('select[name="member-role"]').selectOption('editor');
    await dialog.getByTestId('add-member').click();
    await dialog.locator(`[data-testid="member-row"][data-username="${bob.username}"]`).waitFor();
    await dialog.locator('input[name="member-username"]').fill('no-such-person');
    await dialog.getByTestId('add-member').click();
    await dialog.getByTestId('share-error').waitFor();
    await screenshot(a, 'share-dialog');
    const list = await api(srv.url, 'GET', '/api/documents', { token: bob.token });
    expect(list.body.find((d: { id: string }) => d.id === id)?.role).toBe('editor');
  });
});
