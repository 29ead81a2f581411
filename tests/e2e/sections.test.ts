// Browser end-to-end (分工): the owner assigns two sections to two editors in
// the outline; each sees the bell count rise (one in the open document, one
// on the list, whose bell opens the document at the section), keeps to
// 我负责的, writes in their section (待写 becomes 起草中 by itself) and marks
// it 已完成; the owner's outline follows live. In Debian's Chromium.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { SectionDto } from '../../shared/api.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { editorReady, pageAs, screenshot } from '../helpers/browser.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import { until } from '../helpers/collabClient.js';
import { chromium, requires } from '../helpers/requirements.js';
import type { TestServer } from '../helpers/testServer.js';

const ready = requires(chromium());
/** Where screenshots go for a person to look at (as helpers/browser.ts screenshot()). */
const result = (name: string) => path.resolve(import.meta.dirname, '../../test-results', name);

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
let wang: TestUser;
let liu: TestUser;
const contexts: BrowserContext[] = [];
/** Errors thrown on any page: there must be none. */
const pageErrors: string[] = [];

async function open(user: TestUser, path: string): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  page.on('pageerror', (error) => pageErrors.push(`${user.displayName}: ${error.message}`));
  await page.goto(`${srv.url}${path}`);
  await editorReady(page);
  return page;
}

const row = (page: Page, title: string) => page.locator('[data-testid="outline-section"]', { hasText: title });
const statusOf = (page: Page, title: string) => row(page, title).getByTestId('section-status');

async function sectionsOf(documentId: string): Promise<SectionDto[]> {
  const res = await api<SectionDto[]>(srv.url, 'GET', `/api/documents/${documentId}/sections`, { token: owner.token });
  expect(res.status).toBe(200);
  return res.body;
}

/** Assigns the section titled `title` to `member`, due `due`, from its row in the outline. */
async function assign(page: Page, title: string, member: TestUser, due: string): Promise<void> {
  await row(page, title).hover();
  await row(page, title).getByTestId('section-assign').click();
  const dialog = page.getByTestId('section-assign-dialog');
  await dialog.waitFor();
  await dialog.getByTestId(`assignee-${member.username}`).check();
  await dialog.getByTestId('section-due-input').fill(due);
  await dialog.getByTestId('section-assign-save').click();
  await dialog.waitFor({ state: 'detached' });
}

/** As an assignee: only my section in the outline, write in it, then mark it 已完成. */
async function writeAndFinish(page: Page, title: string, lead: string, words: string): Promise<void> {
  await page.getByTestId('outline-mine').click();
  await until(async () => (await page.getByTestId('outline-section').count()) === 1, 'only my section in the outline');
  expect(await page.getByTestId('outline-section').innerText()).toContain(title);
  await expect.poll(() => statusOf(page, title).getAttribute('data-status')).toBe('todo');

  // typing in it makes it 起草中 (once)
  await page.locator('[data-testid="editor"] p', { hasText: lead }).first().click();
  await page.keyboard.press('End');
  await page.keyboard.type(words);
  await statusOf(page, title).and(page.locator('[data-status="drafting"]')).waitFor();
  expect(await statusOf(page, title).innerText()).toBe('起草中');
  await until(async () => (await row(page, title).getByTestId('section-chars').innerText()).length > 0, '字数');

  await row(page, title).getByTestId('section-assign').click();
  const dialog = page.getByTestId('section-assign-dialog');
  await dialog.getByTestId('section-status-select').selectOption('done');
  await dialog.getByTestId('section-assign-save').click();
  await dialog.waitFor({ state: 'detached' });
  await statusOf(page, title).and(page.locator('[data-status="done"]')).waitFor();
}

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [owner, wang, liu] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王芳'), newUser(srv.url, '刘洋')]);
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
});

describe.skipIf(!ready)('sections (分工) in the browser', () => {
  it('the owner assigns two sections; each member writes theirs and marks it done; the owner follows live', async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, wang, 'editor');
    await share(srv.url, owner, id, liu, 'editor');
    const first = '参政议政更主动';
    const second = '服务发展更务实';

    const o = await open(owner, `/d/${id}`);
    const w = await open(wang, `/d/${id}`);
    await row(o, first).waitFor();
    expect(await o.getByTestId('outline-section').count()).toBe(5);
    expect(await w.getByTestId('notifications-count').count()).toBe(0);

    await assign(o, first, wang, '2026-12-20');
    await assign(o, second, liu, '2026-12-25');
    // shown at once, and as the server has it
    await row(o, first).getByTestId('section-avatars').getByRole('img', { name: '王芳' }).waitFor();
    await row(o, second).getByTestId('section-avatars').getByRole('img', { name: '刘洋' }).waitFor();
    expect(await statusOf(o, first).innerText()).toBe('待写');
    expect(await row(o, first).getByTestId('section-due').innerText()).toBe('12月20日截止');
    const sections = await sectionsOf(id);
    const firstId = sections.find((s) => s.title === first)!.id;
    const secondId = sections.find((s) => s.title === second)!.id;
    expect(sections.find((s) => s.id === firstId)!.assignees).toEqual([wang.username]);
    expect(sections.find((s) => s.id === secondId)).toMatchObject({ assignees: [liu.username], due: '2026-12-25', status: 'todo' });

    // the margin of every page shows who writes a section
    await o.locator(`[data-testid="section-mark"][data-section-id="${firstId}"]`).getByRole('img', { name: '王芳' }).waitFor();
    await w.locator(`[data-testid="section-mark"][data-section-id="${firstId}"]`).waitFor();

    // 王芳 has the document open: her bell counts the assignment, and her outline shows it
    await w.locator('[data-testid="notifications-count"]', { hasText: '1' }).waitFor({ timeout: 15_000 });
    await row(w, first).getByTestId('section-avatars').waitFor();

    // 刘洋 is on his list of documents: the bell's assignment opens the document at his section
    const l = await pageAs(browser, srv.url, liu, contexts);
    l.on('pageerror', (error) => pageErrors.push(`${liu.displayName}: ${error.message}`));
    await l.goto(srv.url);
    await l.locator('[data-testid="notifications-count"]', { hasText: '1' }).waitFor();
    await l.getByTestId('notifications-bell').click();
    await l.locator(`[data-testid="notification-item"][data-section-id="${secondId}"]`).click();
    await editorReady(l);
    await until(() => new URL(l.url()).pathname === `/d/${id}` && new URL(l.url()).search === '', 'the document, without the link parameter');
    const caretIn = await l.evaluate(() => {
      const node = window.getSelection()?.anchorNode;
      const element = node instanceof Element ? node : node?.parentElement;
      return element?.closest('h2')?.textContent ?? '';
    });
    expect(caretIn).toContain(second);

    await writeAndFinish(w, first, '一是围绕中心工作建言献策。', '全年提出建议十二条。');
    // the owner's outline follows: 王芳's is done, 刘洋's not yet begun
    await statusOf(o, first).and(o.locator('[data-status="done"]')).waitFor();
    expect(await statusOf(o, second).getAttribute('data-status')).toBe('todo');

    await writeAndFinish(l, second, '一是招商引资当好“桥梁”。', '引进企业三家。');
    await statusOf(o, second).and(o.locator('[data-status="done"]')).waitFor();
    await until(async () => (await contentText(srv.url, owner, id)).includes('引进企业三家。'), 'the words to be saved');
    expect((await sectionsOf(id)).filter((s) => s.status === 'done').map((s) => s.id)).toEqual([firstId, secondId]);

    // refused (its heading deleted meanwhile): said in words, and the outline shows what the server has
    const third = '民主监督更有效';
    await o.route('**/api/documents/*/sections/*', (route) =>
      route.fulfill({ status: 409, json: { error: { code: 'section_removed', message: 'The section is gone' } } }),
    );
    await assign(o, third, wang, '2026-12-28');
    await o.locator('[data-testid="toast"]', { hasText: '这一部分的标题已被删除，分工已刷新。' }).waitFor();
    await row(o, third).getByTestId('section-avatars').waitFor({ state: 'detached' });
    await o.unroute('**/api/documents/*/sections/*');

    // a heading assigned, then made a plain paragraph by its writer: the section waits in 已删除的部分 with its assignment
    const fifth = '委员活动更多样';
    await assign(o, fifth, wang, '2026-12-30');
    await row(w, fifth).getByTestId('section-avatars').waitFor();
    await w.locator('[data-testid="editor"] h2', { hasText: fifth }).click();
    await w.getByTestId('paragraph-style').selectOption('paragraph');
    await o.getByTestId('outline-removed').getByText(fifth).waitFor({ timeout: 10_000 });
    expect(await o.getByTestId('outline-section').count()).toBe(4);
    expect(await o.getByTestId('outline-removed').getByRole('img', { name: '王芳' }).count()).toBe(1);

    // a click in the outline goes to the section, and marks it as the one being read
    const fourth = '联络联谊更广泛';
    await row(o, fourth).locator('.outline__link').click();
    await o.locator('[data-testid="outline-section"][aria-current="location"]', { hasText: fourth }).waitFor();
    await row(o, first).locator('.outline__link').click();
    await o.locator('[data-testid="outline-section"][aria-current="location"]', { hasText: first }).waitFor();

    // a look at the outline: the owner's, and 王芳's filtered to hers
    await o.waitForTimeout(300);
    await o.getByTestId('outline').screenshot({ path: result('sections-outline.png') });
    await screenshot(o, 'sections-owner-page');
    await w.getByTestId('outline').screenshot({ path: result('sections-outline-mine.png') });
  });

  it('a commenter sees the assignments without controls; an editor not assigned assigns but cannot set the status', async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, wang, 'editor');
    await share(srv.url, owner, id, liu, 'commenter');
    const first = (await sectionsOf(id)).find((s) => s.title === '参政议政更主动')!;
    const put = await api(srv.url, 'PUT', `/api/documents/${id}/sections/${first.id}`, {
      token: owner.token,
      body: { assignees: [owner.username], due: '2026-12-20' },
    });
    expect(put.status).toBe(200);

    const c = await open(liu, `/d/${id}`);
    await row(c, first.title).getByTestId('section-avatars').getByRole('img', { name: '张丽' }).waitFor();
    await c.locator(`[data-testid="section-mark"][data-section-id="${first.id}"]`).waitFor();
    expect(await c.getByTestId('section-assign').count()).toBe(0);
    expect(await c.locator('button[data-testid="section-mark"]').count()).toBe(0);

    const w = await open(wang, `/d/${id}`);
    await row(w, first.title).hover();
    await row(w, first.title).getByTestId('section-assign').click();
    const dialog = w.getByTestId('section-assign-dialog');
    expect(await dialog.getByTestId('section-status-select').isDisabled()).toBe(true);
    expect(await dialog.getByTestId(`assignee-${wang.username}`).isEnabled()).toBe(true);
    await dialog.getByTestId(`assignee-${wang.username}`).check();
    await dialog.getByTestId('section-assign-save').click();
    await row(c, first.title).getByTestId('section-avatars').getByRole('img', { name: '王芳' }).waitFor();
    expect((await sectionsOf(id)).find((s) => s.id === first.id)!.assignees).toEqual([owner.username, wang.username]);
  });
});
