// Browser end-to-end, 分工 around the editor: the document list's progress, an
// assignment in the bell that opens the document at its section, and the
// sections not 已完成 in the check before 定稿; in Debian's Chromium.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { SectionDto } from '../../shared/api.js';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { pageAs, screenshot } from '../helpers/browser.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
let member: TestUser;
let other: TestUser;
const contexts: BrowserContext[] = [];

const newPageAs = (user: TestUser): Promise<Page> => pageAs(browser, srv.url, user, contexts);

useBrowserSuite({ contexts }, async (started) => {
  ({ srv, browser } = started);
  [owner, member, other] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '李明'), newUser(srv.url, '王明')]);
});

async function assign(documentId: string, sectionId: string, body: object): Promise<void> {
  const res = await api(srv.url, 'PUT', `/api/documents/${documentId}/sections/${sectionId}`, { token: owner.token, body });
  expect(res.status).toBe(200);
}

describe.skipIf(!ready)('分工 around the editor', () => {
  it('the list shows progress and what is overdue, the bell opens an assignment at its section, and the approval check lists the unfinished sections', async () => {
    const documentId = await newDocument(srv.url, owner);
    await share(srv.url, owner, documentId, member, 'editor');
    await share(srv.url, owner, documentId, other, 'editor');
    const sections = (await api<SectionDto[]>(srv.url, 'GET', `/api/documents/${documentId}/sections`, { token: owner.token })).body;
    const [first, second, third] = sections.filter((s) => s.level === 1);
    await assign(documentId, first.id, { assignees: [other.username], status: 'done' });
    await assign(documentId, second.id, { assignees: [member.username, other.username], status: 'drafting', due: '2000-01-10' });
    await assign(documentId, third.id, { assignees: [member.username] });

    // the list: 已完成 1/3, 1 项逾期
    const page = await newPageAs(member);
    await page.goto(srv.url + '/');
    const progress = page.locator(`[data-document-id="${documentId}"] [data-testid="document-progress"]`);
    await progress.waitFor();
    expect(await progress.innerText()).toContain('已完成 1/3');
    expect(await progress.getByTestId('document-overdue').innerText()).toBe('1 项逾期');
    await screenshot(page, 'sections-list');

    // the bell: 张丽 把「二、…」分配给了您, which opens the document at the section
    await page.getByTestId('notifications-bell').click();
    const item = page.locator(`[data-testid="notification-item"][data-section-id="${second.id}"]`);
    await item.waitFor();
    expect(await item.getAttribute('data-kind')).toBe('assigned');
    expect(await item.innerText()).toContain(`张丽 把「${second.number}${second.title}」分配给了您`);
    expect(await page.locator('[data-testid="notification-item"][data-kind="assigned"]').count()).toBe(2);
    await screenshot(page, 'sections-notifications');
    await item.click();
    await page.waitForURL((url) => url.pathname === `/d/${documentId}`);

    // the check before 定稿: every section not 已完成, with its status and assignees
    const ownerPage = await newPageAs(owner);
    await ownerPage.goto(`${srv.url}/d/${documentId}`);
    await ownerPage.getByTestId('approve-button').click();
    const rows = ownerPage.getByTestId('approval-section');
    await rows.first().waitFor();
    const ids = await rows.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-section-id')));
    expect(ids).not.toContain(first.id);
    expect(ids.slice(0, 2)).toEqual([second.id, third.id]);
    const secondRow = await rows.first().innerText();
    expect(secondRow).toContain(`${second.number}${second.title}`);
    expect(secondRow).toContain('起草中');
    expect(secondRow).toContain('李明、王明');
    expect(await rows.nth(1).innerText()).toContain('待写');
    await screenshot(ownerPage, 'sections-approval');
  });
});
