// 从 Word 导入 in Chromium: a .docx made here (a centred title, 一、 headings
// typed as bold paragraphs, a table, a signature) is picked in the new-document
// dialog, lands in the editor with its headings numbered once, and is co-edited
// by a colleague; a PDF renamed .docx dropped on the list is explained in Chinese.
import { AlignmentType, Document, Header, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { contentText, newUser, share, type TestUser } from '../helpers/api.js';
import { clickEndOf, editorReady, editorText, openWatched, pageAs, screenshot } from '../helpers/browser.js';
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

const TITLE = '菜花坪镇政协联工委2026年工作总结';
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const body = (text: string) => new Paragraph({ children: [new TextRun({ text, font: '仿宋_GB2312', size: 32 })], indent: { firstLine: 640 } });
const heading = (text: string) => new Paragraph({ children: [new TextRun({ text, bold: true, font: '黑体', size: 32 })] });
const cell = (text: string) => new TableCell({ children: [new Paragraph(text)], width: { size: 4500, type: WidthType.DXA } });

/** A summary as a committee member types it in Word: no heading styles, the numbers typed. */
async function summaryDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph('内部资料')] }) },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: TITLE, bold: true, size: 44, font: '方正小标宋简体' })] }),
          body('今年以来，镇政协联工委在镇党委的领导下，围绕中心、服务大局，较好地完成了全年各项工作任务。'),
          heading('一、主要工作'),
          body('全年组织委员视察调研，提出意见建议，反映社情民意。'),
          new Table({
            rows: [
              new TableRow({ children: [cell('项目'), cell('次数')] }),
              new TableRow({ children: [cell('视察调研'), cell('6')] }),
              new TableRow({ children: [cell('民主评议'), cell('2')] }),
            ],
          }),
          heading('二、存在的问题'),
          body('委员履职能力有待进一步提高。'),
          heading('三、明年工作打算'),
          body('继续加强学习，提高履职水平。'),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('菜花坪镇政协联工委')] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('2026年12月7日')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The section headings as the page shows them, number included (others' carets left out). */
const sections = (page: Page): Promise<string[]> =>
  page.locator('[data-testid="editor"] h2, [data-testid="editor"] h3').evaluateAll((headings) =>
    headings.map((h) => {
      const copy = h.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove());
      return copy.textContent ?? '';
    }),
  );

/** The list page as `user`, its errors recorded. */
async function listAs(user: TestUser): Promise<Page> {
  const page = await pageAs(browser, srv.url, user, contexts);
  page.on('pageerror', (err) => pageErrors.push(`${user.displayName}: ${err.message}`));
  await page.goto(srv.url);
  await page.getByTestId('new-document').waitFor();
  return page;
}

/** Drags a file (made in the page) over the list and drops it, as from the desktop. */
async function dropFile(page: Page, name: string, bytes: Buffer, type: string): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type }));
      return transfer;
    },
    { name, data: [...bytes], type },
  );
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.getByTestId('page-drop-zone').waitFor();
  expect(await page.getByTestId('page-drop-zone').innerText()).toContain('松开鼠标，从 Word 导入');
  await screenshot(page, 'import-drop-zone');
  await page.dispatchEvent('main', 'drop', { dataTransfer });
}

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [alice, bob] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});

describe.skipIf(!ready)('import from Word in the browser', () => {
  it('imports a .docx through the new-document dialog, numbers its headings once, and two people co-edit it', async () => {
    const page = await listAs(alice);
    await page.getByTestId('new-document').click();
    await page.getByTestId('new-from-import').click();
    await page.getByTestId('import-file').setInputFiles({ name: '2026年工作总结（初稿）.docx', mimeType: DOCX_MIME, buffer: await summaryDocx() });

    // the dry run: the title found fills the field, and what will not be carried over is listed
    const titleField = page.getByTestId('import-title');
    await titleField.waitFor();
    expect(await titleField.inputValue()).toBe(TITLE);
    expect(await page.getByTestId('import-found-title').innerText()).toBe(`识别到的标题：${TITLE}`);
    expect(await page.getByTestId('import-warnings').innerText()).toContain('页眉页脚未导入');
    await screenshot(page, 'import-dialog');

    await page.getByTestId('import-create').click();
    await page.waitForURL(/\/d\//);
    const documentId = new URL(page.url()).pathname.split('/').pop()!;
    await editorReady(page, '主要工作');
    // numbered by the editor, once: the typed 一、 was taken over
    await until(async () => (await sections(page)).length === 3, 'three section headings', 10_000);
    expect(await sections(page)).toEqual(['一、主要工作', '二、存在的问题', '三、明年工作打算']);
    const text = await editorText(page);
    expect(text).not.toContain('一、一、');
    expect(text).toContain('视察调研');
    // the 署名 and 成文日期 at the end became the signature block
    const signature = page.getByTestId('signature');
    expect(await signature.locator('.signature-block__issuer').inputValue()).toBe('菜花坪镇政协联工委');
    expect(await signature.locator('.signature-block__date').inputValue()).toBe('2026-12-07');
    expect(await page.getByTestId('editor').locator('table').count()).toBe(1);
    // the warnings once more, above the editor, until dismissed; not again after a reload
    const notice = page.getByTestId('import-notice');
    expect(await notice.innerText()).toContain('页眉页脚未导入');
    await screenshot(page, 'import-editor');
    await page.getByTestId('import-notice-dismiss').click();
    await notice.waitFor({ state: 'detached' });
    await page.reload();
    await editorReady(page, '主要工作');
    expect(await notice.count()).toBe(0);

    // a colleague shared as editor: both see each other's typing
    await share(srv.url, alice, documentId, bob, 'editor');
    const b = await openWatched(browser, srv.url, bob, documentId, contexts, pageErrors, '主要工作');
    await clickEndOf(page, '全年组织委员视察调研');
    await page.keyboard.insertText('张丽补充的内容。');
    await clickEndOf(b, '委员履职能力有待进一步提高');
    await b.keyboard.insertText('王明补充的内容。');
    for (const p of [page, b])
      await until(
        async () => (await editorText(p)).includes('张丽补充的内容。') && (await editorText(p)).includes('王明补充的内容。'),
        'both texts on both screens',
        10_000,
      );
    await until(async () => (await contentText(srv.url, alice, documentId)).includes('王明补充的内容。'), 'the server to store it', 10_000);
    expect(await sections(b)).toEqual(['一、主要工作', '二、存在的问题', '三、明年工作打算']);
    expect(pageErrors).toEqual([]);
  });

  it('explains in Chinese why a PDF renamed .docx, dropped on the list, cannot be imported', async () => {
    const page = await listAs(alice);
    await dropFile(page, '工作总结.docx', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n'), DOCX_MIME);
    const dialog = page.getByTestId('new-document-dialog');
    await dialog.waitFor();
    const problem = page.getByTestId('import-problem');
    await problem.waitFor();
    expect(await problem.getAttribute('data-problem')).toBe('pdf');
    expect(await problem.innerText()).toContain('这是 PDF 文件，不能导入');
    expect(await page.getByTestId('import-file-name').innerText()).toBe('工作总结.docx');
    await screenshot(page, 'import-pdf');

    // a .doc (an OLE file) dropped over the open dialog replaces it, with its own explanation
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512), Buffer.from('WordDocument', 'utf16le')]);
    const dataTransfer = await page.evaluateHandle(
      (data) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], '总结.doc', { type: 'application/msword' }));
        return transfer;
      },
      [...ole],
    );
    await page.dispatchEvent('[data-testid="import-drop"]', 'dragenter', { dataTransfer });
    await page.dispatchEvent('[data-testid="import-drop"]', 'drop', { dataTransfer });
    await until(async () => (await problem.getAttribute('data-problem')) === 'legacy', 'the .doc explained');
    expect(await problem.innerText()).toContain('请在 Word 或 WPS 中另存为 .docx 后再导入');

    // a damaged .docx goes to the server, whose invalid_docx is worded too
    const damaged = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('word/document.xml'), Buffer.alloc(64, 7)]);
    await page.getByTestId('import-file').setInputFiles({ name: '总结.docx', mimeType: DOCX_MIME, buffer: damaged });
    await until(async () => (await problem.getAttribute('data-problem')) === 'damaged', 'the damaged file explained', 10_000);
    expect(await problem.innerText()).toContain('无法读取这个文件');

    // closed, the dialog leaves the list as it was: no drop zone left over from the drags
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('page-drop-zone').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });
});
