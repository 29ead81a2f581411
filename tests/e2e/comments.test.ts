// Browser end-to-end: a commenter comments on selected words, the owner sees it
// live, replies, resolves and reopens; mentions reach the bell; what people
// write stays text; submitting for review shows for everyone; in Debian's Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { editorReady, pageAs, screenshot } from '../helpers/browser.js';
import { until } from '../helpers/collabClient.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
let commenter: TestUser;
let viewer: TestUser;
const contexts: BrowserContext[] = [];
/** Alerts any page raised: markup in a comment must never run. */
const dialogs: string[] = [];

async function openAs(user: TestUser, documentId: string): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${srv.url}/d/${documentId}`);
  await editorReady(page);
  return page;
}

/** Drags the mouse over `words` in the body, from the left of its first character to the right of its last. */
async function dragOver(page: Page, words: string): Promise<void> {
  const box = await page.getByTestId('editor').evaluate((root, needle) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(needle);
      if (at < 0) continue;
      node.parentElement?.scrollIntoView({ block: 'center' });
      const char = (index: number) => {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + 1);
        return range.getBoundingClientRect();
      };
      const first = char(at);
      const last = char(at + needle.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    return null;
  }, words);
  if (!box) throw new Error(`"${words}" is not in the body`);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move(box.x2, box.y2, { steps: 8 });
  await page.mouse.up();
}

const highlights = (page: Page) => page.locator('[data-testid="comment-highlight"]');
/** The highlighted words, without the names of other people's carets drawn among them. */
const highlightedText = (page: Page) =>
  page.getByTestId('editor').evaluate((root) =>
    Array.from(root.querySelectorAll('[data-testid="comment-highlight"]'))
      .filter((span) => !span.parentElement?.closest('[data-testid="comment-highlight"]'))
      .map((span) => {
        const copy = span.cloneNode(true) as Element;
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
        return copy.textContent;
      })
      .join(''),
  );
/** The body's text without the names on other people's carets. */
const bodyText = (page: Page) =>
  page.getByTestId('editor').evaluate((root) => {
    const copy = root.cloneNode(true) as Element;
    copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
    return copy.textContent ?? '';
  });

useBrowserSuite({}, async (started) => {
  ({ srv, browser } = started);
  [owner, commenter, viewer] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '陈静'), newUser(srv.url, '李红')]);
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(dialogs).toEqual([]);
});

describe.skipIf(!ready)('comments in the browser', () => {
  it('a commenter comments on selected words; the owner sees it live, replies, resolves, reopens and opens it from the bell', async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, commenter, 'commenter');
    const o = await openAs(owner, id);
    const c = await openAs(commenter, id);
    const passage = '认真履行政治协商、民主监督、参政议政三大职能';
    const xss = '<img src=x onerror=alert(1)>';

    // the commenter may only suggest (修订): words can be selected and commented on
    await c.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();
    await dragOver(c, passage);
    await c.getByTestId('comment-button').click();
    const composer = c.getByTestId('comment-composer');
    await composer.waitFor();
    expect(await composer.innerText()).toContain(passage);
    const box = composer.locator('textarea[name="comment-body"]');
    await box.pressSequentially('建议写明全年协商次数，');
    // @ offers the members; the owner is chosen with the keyboard
    await box.pressSequentially(`@${owner.username.slice(0, 4)}`);
    await c.locator('[data-testid="mention-option"]', { hasText: '张丽' }).waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe(`建议写明全年协商次数，@${owner.username} `);
    await box.pressSequentially(`请核对。\n${xss}`);
    await composer.getByTestId('comment-submit').click();
    await composer.waitFor({ state: 'detached' });

    const mine = c.getByTestId('thread');
    await mine.waitFor();
    expect(await mine.getByTestId('thread-quote').innerText()).toBe(passage);
    expect(await mine.getByTestId('thread-body').innerText()).toBe(`建议写明全年协商次数，@${owner.username} 请核对。\n${xss}`);
    expect(await mine.locator('.mention').innerText()).toBe(`@${owner.username}`);
    expect(await c.getByTestId('comments-panel').locator('img').count()).toBe(0);
    const threadId = await mine.getAttribute('data-thread-id');

    // the owner: the highlight and the thread arrive without a reload
    await highlights(o).first().waitFor();
    expect(await highlights(o).first().getAttribute('data-thread-id')).toBe(threadId);
    expect(await highlightedText(o)).toBe(passage);
    await o.locator('[data-testid="comments-count"]', { hasText: '1' }).waitFor();
    await o.locator('[data-testid="notifications-count"]', { hasText: '1' }).waitFor();
    await o.getByTestId('comments-toggle').click();
    const thread = o.locator(`[data-testid="thread"][data-thread-id="${threadId}"]`);
    await thread.waitFor();
    expect(await thread.getAttribute('data-resolved')).toBe('false');
    expect(await thread.getByTestId('thread-body').innerText()).toContain(xss);
    expect(await o.getByTestId('comments-panel').locator('img').count()).toBe(0);

    // a click on the highlighted words activates the thread
    await highlights(o).first().click();
    await thread.getByTestId('reply-box').waitFor();
    expect(await thread.getAttribute('aria-current')).toBe('true');
    await thread.locator('textarea[name="reply-body"]').fill('好的，已补充协商次数。');
    await thread.getByTestId('reply-submit').click();
    await c.getByTestId('thread').getByText('好的，已补充协商次数。').waitFor();
    await o.waitForTimeout(300);
    await screenshot(o, 'comments-sidebar');

    // resolved: the highlight goes and the thread folds away, until asked for
    await thread.getByTestId('resolve-thread').click();
    await until(async () => (await highlights(o).count()) === 0, 'the highlight to go');
    await thread.waitFor({ state: 'detached' });
    expect(await o.getByTestId('comments-count').count()).toBe(0);
    await until(async () => (await highlights(c).count()) === 0, 'the highlight to go for the commenter');
    expect(await o.getByTestId('show-resolved').evaluate((input) => input.parentElement?.textContent)).toContain('显示已解决（1）');
    await o.getByTestId('show-resolved').click();
    await o.locator(`[data-testid="thread"][data-thread-id="${threadId}"][data-resolved="true"]`).waitFor();
    await thread.getByTestId('reopen-thread').click();
    await o.locator(`[data-testid="thread"][data-thread-id="${threadId}"][data-resolved="false"]`).waitFor();
    await highlights(o).first().waitFor();
    await highlights(c).first().waitFor();

    // the bell: one unread mention; opening it shows the thread and reads it
    await o.getByTestId('close-comments').click();
    await o.getByTestId('notifications-bell').click();
    const item = o.getByTestId('notification-item');
    await item.waitFor();
    expect(await item.count()).toBe(1);
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.innerText()).toContain('陈静 在《2026年政协联工委工作总结》中提到了您');
    await screenshot(o, 'notifications-dropdown');
    await item.click();
    await o.locator(`[data-testid="thread"][data-thread-id="${threadId}"][aria-current="true"]`).waitFor();
    await o.locator('.comment-highlight--active').first().waitFor();
    await o.getByTestId('notifications-count').waitFor({ state: 'detached' });
    expect(new URL(o.url()).search).toBe('');
    expect((await api(srv.url, 'GET', '/api/notifications', { token: owner.token })).body.unread).toBe(0);

    // the commenter still cannot change the body: what they type is their suggestion, not the text
    await c.getByTestId('editor').getByText('参政议政更主动').click();
    await c.keyboard.type('评论者打字');
    await o.locator(`[data-testid="editor"] ins[data-author="${commenter.username}"]`, { hasText: '评论者打字' }).waitFor();
    expect(await contentText(srv.url, owner, id)).not.toContain('评论者打字');
  });

  it("an editor's words follow typing; a viewer reads threads only; submitting for review shows for everyone", async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, commenter, 'commenter');
    await share(srv.url, owner, id, viewer, 'viewer');
    const o = await openAs(owner, id);
    const v = await openAs(viewer, id);

    // the owner comments with Ctrl+Alt+M on a passage, mentioning the commenter with the mouse
    await dragOver(o, '民主监督更有效');
    await o.keyboard.press('Control+Alt+m');
    const box = o.locator('textarea[name="comment-body"]');
    await box.waitFor();
    await box.pressSequentially('@');
    await o.locator('[data-testid="mention-option"]', { hasText: '陈静' }).click();
    await box.pressSequentially('请补充监督事项。');
    await box.press('Control+Enter');
    await o.getByTestId('thread').waitFor();
    await until(async () => (await api(srv.url, 'GET', '/api/notifications', { token: commenter.token })).body.unread === 1, "the commenter's notification");

    // typing just before the words (after the heading's automatic number) leaves the highlight on them
    await dragOver(o, '民主监督更有效');
    await o.keyboard.press('ArrowLeft');
    await o.keyboard.type('（二）');
    await until(async () => (await bodyText(o)).includes('三、（二）民主监督更有效'), 'the typing');
    expect(await highlightedText(o)).toBe('民主监督更有效');

    // the viewer sees the thread live but cannot comment, reply or resolve
    await highlights(v).first().waitFor();
    await until(async () => (await bodyText(v)).includes('三、（二）民主监督更有效'), 'the typing at the viewer');
    expect(await highlightedText(v)).toBe('民主监督更有效');
    expect(await v.getByTestId('comment-button').count()).toBe(0);
    await v.getByTestId('comments-toggle').click();
    const thread = v.getByTestId('thread');
    await thread.click();
    expect(await thread.getAttribute('aria-current')).toBe('true');
    expect(await thread.getByTestId('reply-box').count()).toBe(0);
    expect(await thread.getByTestId('resolve-thread').count()).toBe(0);
    expect(await v.getByTestId('comments-panel').innerText()).toContain('您是查看者');
    expect(await v.getByTestId('submit-review').count()).toBe(0);

    // submit for review: the badge changes for the viewer too, and in the list
    await o.getByTestId('submit-review').click();
    await o.getByTestId('confirm-dialog').getByText('审议中').first().waitFor();
    await o.getByTestId('confirm-ok').click();
    await o.locator('[data-testid="status-badge"][data-status="in_review"]').waitFor();
    await v.locator('[data-testid="status-badge"][data-status="in_review"]').waitFor();
    expect(await o.getByTestId('submit-review').count()).toBe(0);
    await v.getByTestId('back-to-list').click();
    await v.locator(`[data-testid="document-row"][data-document-id="${id}"] [data-testid="status-badge"][data-status="in_review"]`).waitFor();
  });

  it('a version lists the threads on its words and marks them in the page', async () => {
    const id = await newDocument(srv.url, owner);
    const made = await api(srv.url, 'POST', `/api/documents/${id}/comments`, {
      token: owner.token,
      body: { quote: '联络联谊更广泛', body: '补充联谊活动次数' },
    });
    expect(made.status).toBe(201);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '征求意见稿' } })).status).toBe(201);
    const o = await openAs(owner, id);
    await o.getByTestId('history-button').click();
    await o.locator('[data-testid="version-item"][data-kind="named"]').click();
    const view = o.getByTestId('version-view');
    await view.getByTestId('diff-summary').waitFor();
    await view.getByTestId('version-comments-toggle').click();
    const listed = view.locator(`[data-testid="version-comment"][data-thread-id="${made.body.id}"]`);
    expect(await listed.innerText()).toBe('联络联谊更广泛');
    await listed.click();
    expect(await listed.getAttribute('aria-pressed')).toBe('true');
    // marked with the CSS Custom Highlight API, over exactly those words
    await until(async () => (await o.evaluate(() => CSS.highlights.get('version-comment-active')?.size ?? 0)) === 1, 'the mark');
    expect(await o.evaluate(() => [...(CSS.highlights.get('version-comment-active') as Highlight)].map((range) => range.toString()).join(''))).toBe(
      '联络联谊更广泛',
    );
    // …and scrolled to
    await until(
      async () =>
        o.evaluate(() => {
          const first = [...(CSS.highlights.get('version-comment-active') as Highlight)][0] as Range | undefined;
          const top = first?.getBoundingClientRect().top ?? -1;
          return top > 0 && top < innerHeight;
        }),
      'the words to scroll into view',
    );
    await screenshot(o, 'version-comments');
  });
});
