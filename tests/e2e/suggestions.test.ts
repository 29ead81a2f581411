// Browser end-to-end: a round of 修订. A commenter suggests an insertion and a
// deletion with nothing but the keyboard; the owner sees them live in colour,
// accepts one from the text and rejects the other from the 修订 pane; both
// screens agree and the export has the accepted text. An editor whose
// document is in review suggests through an input method. Nobody's
// connection is closed for what the editor sent.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { api, contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { bodyText, openWatched, screenshot, socketCloses, textWithoutCarets } from '../helpers/browser.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import { until } from '../helpers/collabClient.js';
import { chromium, requires } from '../helpers/requirements.js';
import type { TestServer } from '../helpers/testServer.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let alice: TestUser;
let bob: TestUser;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

/** Headings of the year-end template, one line each, so that End reaches their end. */
const SUPERVISE = '民主监督更有效';
const PARTICIPATE = '参政议政更主动';

async function caretAtEndOf(page: Page, heading: string): Promise<void> {
  await page.locator('[data-testid="editor"] h2', { hasText: heading }).click();
  await page.keyboard.press('End');
}

const suggestionsOn = (page: Page, kind: 'ins' | 'del', author: TestUser) =>
  page.locator(`[data-testid="editor"] ${kind}[data-suggestion][data-author="${author.username}"]`);

const open = (user: TestUser, id: string) => openWatched(browser, srv.url, user, id, contexts, pageErrors);

useBrowserSuite({}, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  expect(pageErrors.splice(0)).toEqual([]);
});

describe.skipIf(!ready)('修订: suggesting, accepting and rejecting in the browser', () => {
  it('a commenter suggests, the owner accepts one and rejects the other, and both screens and the export agree', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'commenter');
    const a = await open(alice, id);
    const b = await open(bob, id);

    // A commenter can only suggest: the toggle is locked on 修订.
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();
    expect(await b.getByTestId('mode-edit').isDisabled()).toBe(true);

    await caretAtEndOf(b, SUPERVISE);
    await b.keyboard.type('、更有力');
    await caretAtEndOf(b, PARTICIPATE);
    await b.keyboard.press('Backspace');
    await b.keyboard.press('Backspace');
    // Enter would split the heading: not a suggestion, so nothing happens and the page says why.
    await b.keyboard.press('Enter');
    await b.getByTestId('toast').filter({ hasText: '修订' }).waitFor();

    // The owner sees both live, in bob's colour.
    const inserted = suggestionsOn(a, 'ins', bob);
    const deleted = suggestionsOn(a, 'del', bob);
    await until(async () => (await inserted.count()) > 0 && (await deleted.count()) > 0, 'the owner to see the suggestions');
    expect(await textWithoutCarets(inserted.first())).toBe('、更有力');
    expect(await textWithoutCarets(deleted.first())).toBe('主动');
    const colour = (page: Page, selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => getComputedStyle(el).color);
    // the colour is drawn by a decoration inside the mark's element
    const insertColour = await colour(
      a,
      `[data-testid="editor"] ins[data-author="${bob.username}"] .suggestion--insert, [data-testid="editor"] .suggestion--insert`,
    );
    expect(insertColour).not.toBe(await colour(a, '[data-testid="editor"] h2'));
    await screenshot(a, 'suggestions-seen-by-the-owner');

    // 定稿 waits for them: the dialog says so and leads to the 修订 pane.
    await a.getByTestId('approve-button').click();
    await a.getByTestId('approval-suggestions').filter({ hasText: '2' }).waitFor();
    expect(await a.getByTestId('approve-anyway').isDisabled()).toBe(true);
    await screenshot(a, 'suggestions-stop-approval');
    await a.getByTestId('approval-open-suggestions').click();
    await a.getByTestId('suggestions-panel').waitFor();
    await a.getByTestId('suggestions-toggle').click();
    await a.getByTestId('suggestions-panel').waitFor({ state: 'detached' });

    // Accept the insertion from the text: its card on hover.
    // (the card goes away when the text scrolls under it: scrolled there first, as a reader would)
    await inserted.first().scrollIntoViewIfNeeded();
    const card = a.getByTestId('suggestion-popover');
    await until(async () => {
      await inserted.first().hover();
      return card.isVisible();
    }, 'the card to show on hover');
    await screenshot(a, 'suggestion-hover-card');
    await card.getByTestId('accept-suggestion').click();
    // Reject the deletion from the 修订 pane.
    await a.getByTestId('suggestions-toggle').click();
    const pane = a.getByTestId('suggestions-panel');
    await pane.getByTestId('suggestion-card').filter({ hasText: '主动' }).getByTestId('reject-suggestion').click();
    await pane.getByTestId('suggestions-empty').waitFor();
    await screenshot(a, 'suggestions-settled');

    for (const page of [a, b]) {
      await until(async () => (await page.locator('[data-testid="editor"] [data-suggestion]').count()) === 0, 'no suggestion to be left on screen');
    }
    await until(async () => (await bodyText(a)) === (await bodyText(b)), 'both screens to agree');
    expect(await bodyText(b)).toContain(`${SUPERVISE}、更有力`);
    expect(await bodyText(b)).toContain(PARTICIPATE);

    await until(async () => (await contentText(srv.url, alice, id)).includes(`${SUPERVISE}、更有力`), 'the server to store the accepted text');
    const markdown = await api<string>(srv.url, 'GET', `/api/documents/${id}/export?format=md&version=current`, { token: alice.token });
    expect(markdown.body).toContain(`${SUPERVISE}、更有力`);
    expect(markdown.body).toContain(PARTICIPATE);
    expect(markdown.body).not.toMatch(/<ins|<del/);
    for (const page of [a, b]) expect(await socketCloses(page)).not.toContain(CloseCode.invalidChange);
  });

  it('an editor suggests through an input method while the document is in review', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: alice.token });
    const a = await open(alice, id);
    const b = await open(bob, id);
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();

    await caretAtEndOf(b, SUPERVISE);
    const cdp = await b.context().newCDPSession(b);
    for (const text of ['xiang', 'xiang cun', 'xiang cun zhen xing']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: '乡村振兴' });
    await b.keyboard.type('工作');

    const inserted = suggestionsOn(a, 'ins', bob);
    await until(
      async () => (await Promise.all((await inserted.all()).map(textWithoutCarets))).join('') === '乡村振兴工作',
      'the owner to see the composed suggestion',
      10_000,
    );
    await screenshot(b, 'suggestion-by-ime');
    const listed = await api<{ author: string; kind: string; text: string }[]>(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: alice.token });
    expect(listed.body.map(({ author, kind, text }) => ({ author, kind, text }))).toEqual([{ author: bob.username, kind: 'insert', text: '乡村振兴工作' }]);
    // Until it is accepted, the text as agreed does not have it, nor ever the pinyin.
    const agreed = await contentText(srv.url, alice, id);
    expect(agreed).not.toContain('乡村振兴工作');
    expect(agreed).not.toMatch(/[a-z]/);
    expect(await bodyText(b)).not.toMatch(/[a-z]/);

    // Composing inside one's own suggestion (its colours drawn around the composition) continues it.
    await b.keyboard.press('ArrowLeft');
    await b.keyboard.press('ArrowLeft');
    for (const text of ['chu', 'chu li']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await cdp.send('Input.insertText', { text: '处理' });
    await until(
      async () => (await Promise.all((await inserted.all()).map(textWithoutCarets))).join('') === '乡村振兴处理工作',
      'the composition inside the suggestion to reach the owner',
      10_000,
    );
    const after = await api<{ text: string }[]>(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: alice.token });
    expect(after.body.map(({ text }) => text)).toEqual(['乡村振兴处理工作']);
    expect(await bodyText(b)).not.toMatch(/[a-z]/);
    expect(await bodyText(a)).not.toMatch(/[a-z]/);
    for (const page of [a, b]) expect(await socketCloses(page)).not.toContain(CloseCode.invalidChange);
  });

  it('words an editor typed offline, refused once the draft went to review meanwhile, come back as their suggestions', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    const a = await open(alice, id);
    const b = await open(bob, id);
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="edit"]').waitFor();

    await b.context().setOffline(true);
    await b.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    await caretAtEndOf(b, SUPERVISE);
    await b.keyboard.type('、离线补充');
    // meanwhile the owner submits the draft: editors may only suggest from now on
    expect((await api(srv.url, 'POST', `/api/documents/${id}/submit`, { token: alice.token })).status).toBe(200);
    await b.context().setOffline(false);

    // the server refuses the direct edit; the page takes the server's copy and types the words again as bob's suggestion
    await b.getByTestId('discarded-notice').filter({ hasText: '重新标出' }).waitFor({ timeout: 15_000 });
    await until(
      async () => (await textWithoutCarets(suggestionsOn(a, 'ins', bob).first()).catch(() => '')) === '、离线补充',
      'the owner to see it as a suggestion',
      15_000,
    );
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();
    await screenshot(b, 'suggestions-refused-retyped');
    expect(await contentText(srv.url, alice, id)).not.toContain('离线补充');
    const listed = await api<{ author: string; text: string }[]>(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: alice.token });
    expect(listed.body.map(({ author, text }) => ({ author, text }))).toEqual([{ author: bob.username, text: '、离线补充' }]);
    expect(await socketCloses(b)).not.toContain(CloseCode.invalidChange);
  });

  it('a commenter types on in a suggestion the owner accepted meanwhile: the accepted words are text, the words typed after a suggestion of their own', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'commenter');
    const a = await open(alice, id);
    const b = await open(bob, id);
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();
    const listed = async () =>
      (await api<{ id: string; author: string; text: string }[]>(srv.url, 'GET', `/api/documents/${id}/suggestions`, { token: alice.token })).body;

    await caretAtEndOf(b, SUPERVISE);
    await b.keyboard.type('、更有力');
    await until(async () => (await listed()).some((s) => s.text === '、更有力'), 'the server to hold the suggestion');
    const [first] = await listed();

    // bob's connection drops while he types on; meanwhile the owner accepts what she saw
    await b.context().setOffline(true);
    await b.locator('[data-testid="connection-status"][data-state="offline"]').waitFor();
    expect((await api(srv.url, 'POST', `/api/documents/${id}/suggestions/${first.id}/accept`, { token: alice.token })).status).toBe(200);
    await b.keyboard.type('、更务实');
    await b.context().setOffline(false);

    // every word kept: the accepted ones as text, the rest bob's pending suggestion, under another id
    await until(
      async () => {
        const now = await listed();
        return now.length === 1 && now[0].id !== first.id && now[0].author === bob.username && now[0].text === '、更务实';
      },
      'the words typed on to be a suggestion of their own',
      15_000,
    );
    await until(async () => (await contentText(srv.url, alice, id)).includes(`${SUPERVISE}、更有力`), 'the accepted words to be text');
    await until(
      async () => (await textWithoutCarets(suggestionsOn(a, 'ins', bob).first()).catch(() => '')) === '、更务实',
      'the owner to see the rest as a suggestion',
    );
    await until(async () => (await bodyText(a)) === (await bodyText(b)), 'both screens to agree');
    expect(await bodyText(b)).toContain(`${SUPERVISE}、更有力、更务实`);
    // (typed on, the words took the mark the accept removed meanwhile: merged, they were plain text, which a commenter may not
    // write; the page typed them again as his suggestion and says why, without blaming a review that is not there)
    const notice = b.getByTestId('discarded-notice');
    await notice.filter({ hasText: '重新标出' }).waitFor();
    expect(await notice.innerText()).toContain('与他人同时的修改');
    expect(await notice.innerText()).not.toContain('审议');
    await screenshot(b, 'suggestions-typed-on-after-accept');
    for (const page of [a, b]) expect(await socketCloses(page)).not.toContain(CloseCode.invalidChange);
  });

  it('a commenter fills a placeholder in 修订; accepted, the words are written text, not guidance', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'commenter');
    const a = await open(alice, id);
    const b = await open(bob, id);
    await b.locator('[data-testid="suggest-mode-toggle"][data-mode="suggest"]').waitFor();
    // a click selects the whole placeholder, typing replaces it (as in 编辑)
    await b.locator('[data-testid="editor"] .guidance', { hasText: '〔年份〕' }).first().click();
    await b.keyboard.type('2026');
    const inserted = suggestionsOn(a, 'ins', bob);
    await until(async () => (await inserted.count()) > 0 && (await textWithoutCarets(inserted.first())) === '2026', 'the owner to see the filled placeholder');
    expect(await textWithoutCarets(suggestionsOn(a, 'del', bob).first())).toBe('〔年份〕');
    expect(await inserted.first().locator('.guidance').count()).toBe(0);

    await a.getByTestId('suggestions-toggle').click();
    await a.getByTestId('accept-all-suggestions').click();
    await a.getByTestId('confirm-ok').click();
    await until(async () => (await contentText(srv.url, alice, id)).includes('2026年，我镇'), 'the accepted text to be stored');
    for (const page of [a, b]) {
      await until(async () => (await page.locator('[data-testid="editor"] [data-suggestion]').count()) === 0, 'no suggestion left');
      expect(await page.locator('[data-testid="editor"] .guidance', { hasText: '2026' }).count()).toBe(0);
    }
    expect(await socketCloses(b)).not.toContain(CloseCode.invalidChange);
  });
});
