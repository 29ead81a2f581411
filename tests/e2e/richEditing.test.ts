// Everything the editor can make, made through its own UI in Chromium by two
// members at once: the document's rules (4422) never refuse an honest edit,
// whatever nodes, marks and attributes it writes. Page errors and every
// socket close are watched.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { clickEndOf, screenshot, socketCloses, openWatched } from '../helpers/browser.js';
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

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

/** Pastes HTML where the caret is, as a copy from Word or a web page arrives. */
async function pasteHtml(page: Page, html: string): Promise<void> {
  await page.evaluate((markup) => {
    const data = new DataTransfer();
    data.setData('text/html', markup);
    data.setData('text/plain', markup.replace(/<[^>]+>/g, ''));
    const target = document.querySelector('[data-testid="editor"]') as HTMLElement;
    target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
}

describe.skipIf(!ready)('rich editing in the browser', () => {
  it('headings, alignment, lists, tables, links, marks and pasted Word tables are all taken from two members at once', async () => {
    const documentId = await newDocument(srv.url, alice);
    await share(srv.url, alice, documentId, bob, 'editor');
    const a = await openAs(alice, documentId);
    const b = await openAs(bob, documentId);

    // 张丽: every paragraph style and alignment on the lead paragraph's line
    await clickEndOf(a, '一是围绕中心工作建言献策');
    await a.keyboard.press('Enter');
    for (const style of ['h1', 'h2', 'h3', 'h4', 'paragraph']) {
      await a.keyboard.type(`样式${style}`);
      await a.getByTestId('paragraph-style').selectOption(style);
      for (const alignment of ['center', 'right', 'justify', 'left']) await a.getByTestId(`toolbar-align-${alignment}`).click();
      await a.keyboard.press('End');
      await a.keyboard.press('Enter');
    }
    // lists, nested with Tab, ordered and bulleted
    await a.getByTestId('toolbar-ordered-list').click();
    await a.keyboard.type('第一条');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Tab');
    await a.keyboard.type('第一条之一');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    await a.getByTestId('toolbar-bullet-list').click();
    await a.keyboard.type('要点');
    await a.keyboard.press('Enter');
    await a.keyboard.press('Enter');
    // marks and a link typed as an address
    await a.getByTestId('toolbar-bold').click();
    await a.keyboard.type('加粗');
    await a.getByTestId('toolbar-bold').click();
    await a.getByTestId('toolbar-italic').click();
    await a.keyboard.type('倾斜');
    await a.getByTestId('toolbar-italic').click();
    await a.keyboard.type(' 见 https://www.cppcc.gov.cn/ 网站 ');
    await a.keyboard.press('Enter');

    // 王明 meanwhile: a table through the toolbar, typed into, with a row added by Tab
    await clickEndOf(b, '一是组织委员开展民主评议');
    await b.keyboard.press('Enter');
    await b.getByTestId('toolbar-insert-table').click();
    for (let cell = 0; cell < 10; cell++) {
      await b.keyboard.type(`格${cell + 1}`);
      await b.keyboard.press('Tab');
    }
    // and a table from Word with merged cells, widths, alignment and a link, pasted
    await clickEndOf(b, '一是组织委员开展民主评议');
    await b.keyboard.press('Enter');
    await pasteHtml(
      b,
      '<table><tr><th colspan="2" style="text-align:center">合并表头</th></tr>' +
        '<tr><td colwidth="120">左</td><td rowspan="1" align="right"><a href="https://example.cn/x">链接格</a></td></tr></table>' +
        '<p style="text-align: right"><u>下划线</u><s>删除线</s></p><blockquote><p>引用的话</p></blockquote><hr>',
    );

    // undo and redo of both
    await a.getByTestId('toolbar-undo').click();
    await a.getByTestId('toolbar-redo').click();
    await b.keyboard.press('Control+z');
    await b.keyboard.press('Control+y');

    for (const page of [a, b])
      await until(async () => (await page.getByTestId('save-status').getAttribute('data-state')) === 'saved', 'everything saved', 15_000);
    const html = (await api(srv.url, 'GET', `/api/documents/${documentId}/content`, { token: alice.token })).body.html as string;
    for (const expected of [
      '<h1',
      '<h4',
      'text-align: center',
      '<ol',
      '<ul',
      '<strong>加粗',
      '<em>倾斜',
      'href="https://www.cppcc.gov.cn/"',
      '格10',
      'colspan="2"',
      '合并表头',
      '链接格',
      '引用的话',
      '<hr',
    ]) {
      expect(html, expected).toContain(expected);
    }
    await until(async () => (await b.getByTestId('editor').innerText()).includes('第一条之一'), "b to see a's list", 10_000);
    await until(async () => (await a.getByTestId('editor').innerText()).includes('引用的话'), "a to see b's paste", 10_000);
    await screenshot(a, 'rich-editing');
    expect(await socketCloses(a)).toEqual([]);
    expect(await socketCloses(b)).toEqual([]);
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
