// The committee's meeting: three members in Chromium and thirty more through
// stock providers (own accounts, carets on) type together while a comment is
// added, a version is saved, an older one is restored and the document is
// approved; at the server's default limits. No page error, no socket closed,
// every replica the same, and what was stored is there after a restart.
// Longer on demand: MEETING_SECONDS=60 npx vitest run --project e2e tests/e2e/meeting.test.ts
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { api, contentText, newDocument, newUser, type TestUser } from '../helpers/api.js';
import { clickEndOf, editorReady, pageAs, recordSocketCloses, screenshot, socketCloses } from '../helpers/browser.js';
import { connect, synced, until } from '../helpers/collabClient.js';
import { allSaved, committee, seat, typeTogether, type Typist } from '../helpers/crowd.js';
import { useBrowserSuite } from '../helpers/browserSuite.js';
import type { TestServer } from '../helpers/testServer.js';
import { chromium, requires } from '../helpers/requirements.js';

const ready = requires(chromium());

const SECONDS = Number(process.env.MEETING_SECONDS ?? 20);
const PROVIDERS = Number(process.env.MEETING_PROVIDERS ?? 30);
/** Where each browser member types: the end of one of the template's leads. */
const LEADS = ['一是围绕中心工作建言献策', '二是结合重点产业开展调研', '三是联系热点问题反映民意'];

let srv: TestServer;
let browser: Browser;
let owner: TestUser;
const contexts: BrowserContext[] = [];

// Default limits; only registrations are raised, since the whole committee registers from one address.
useBrowserSuite({ env: { REGISTRATIONS_PER_HOUR: '100000' }, contexts, closeContexts: 'afterAll' }, async (started) => {
  ({ srv, browser } = started);
  owner = await newUser(srv.url, '张丽');
});

/** Types at the caret, a character every ~120 ms, until `stop` says so. */
async function typeInBrowser(page: Page, mark: string, stop: () => boolean): Promise<void> {
  for (let i = 0; !stop(); i++) {
    await page.keyboard.insertText(i % 10 === 0 ? mark : '议');
    await page.waitForTimeout(120);
  }
}

/** The text of the editor's body without the others' caret labels, and without white space. */
const bodyText = (page: Page): Promise<string> =>
  page.getByTestId('editor').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return (copy.textContent ?? '').replace(/\s/g, '');
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!ready)('a committee meeting', () => {
  it(
    `3 browsers and ${PROVIDERS} stock providers for ${SECONDS} s through a comment, a version, a restore and the approval`,
    async () => {
      const id = await newDocument(srv.url, owner);
      const [editorA, editorB, ...members] = await committee(srv.url, owner, id, PROVIDERS + 2);
      const errors: string[] = [];
      const pages: Page[] = [];
      for (const [i, user] of [owner, editorA, editorB].entries()) {
        const page = await pageAs(browser, srv.url, user, contexts);
        page.on('pageerror', (err) => errors.push(`${user.displayName}: ${err.message}`));
        await recordSocketCloses(page);
        await page.goto(`${srv.url}/d/${id}`);
        await editorReady(page);
        await clickEndOf(page, LEADS[i]);
        pages.push(page);
      }
      const typists: Typist[] = [];
      for (const [i, member] of members.entries()) typists.push(await seat(srv.wsUrl, id, member, `〈${i}〉`));

      let providersStop = false;
      let browsersStop = false;
      const providersTyping = typeTogether(typists, 2, SECONDS, () => providersStop);
      const browsersTyping = Promise.all(pages.map((page, i) => typeInBrowser(page, `№${i}`, () => browsersStop)));
      const at = (fraction: number) => sleep(SECONDS * 1000 * fraction);

      await at(0.2);
      const thread = await api(srv.url, 'POST', `/api/documents/${id}/comments`, {
        token: editorA.token,
        body: { quote: '参政议政更主动', body: '这一节请补充数据' },
      });
      expect(thread.status).toBe(201);
      await at(0.2);
      const version = await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: editorB.token, body: { name: '征求意见稿' } });
      expect(version.status).toBe(201);
      await at(0.2);
      expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${version.body.id}/restore`, { token: owner.token })).status).toBe(200);
      // What each member types from here on must survive: the restore took away only what came before it.
      await until(() => typists.every((t) => t.client.events.some((e) => e.type === 'restored')), 'the restore to reach every member', 15_000);
      const afterRestore = typists.map((t) => t.typed.length);
      // the members in the browser who did not restore are told, while they type
      // (one whose socket dropped meanwhile is told on reconnecting; the failure names the closes seen)
      for (const page of pages.slice(1)) {
        await page
          .getByTestId('restored-notice')
          .waitFor()
          .catch(async (err: Error) => {
            throw new Error(`${err.message}\nsocket closes in this page: ${JSON.stringify(await socketCloses(page))}`);
          });
      }
      await at(0.3);
      providersStop = true;
      await providersTyping;
      await allSaved(typists, 60_000);
      const approval = await api(srv.url, 'POST', `/api/documents/${id}/approve`, { token: owner.token });
      expect(approval.status).toBe(200);
      await sleep(500);
      browsersStop = true;
      await browsersTyping;

      // every window: the comment, the restore notice (for those who did not restore), locked, no page error
      for (const page of pages) {
        await page.getByTestId('approved-banner').waitFor();
        await page.getByTestId('comment-highlight').first().waitFor();
      }
      await screenshot(pages[1], 'meeting-editor');
      expect(errors).toEqual([]);
      expect(typists.flatMap((t) => t.client.closeCodes)).toEqual([]);
      // the page closes sockets itself (1005) when it reads the server's copy and rebuilds a refused one: the server closed none
      for (const page of pages) expect((await socketCloses(page)).filter((code) => code !== 1005)).toEqual([]);

      // one document: every provider, every window and the server agree
      const frozen = await contentText(srv.url, owner, id);
      await until(() => new Set(typists.map((t) => t.client.fragment.toString())).size === 1, 'the providers to converge', 20_000);
      for (const page of pages) await until(async () => (await bodyText(page)) === frozen.replace(/\s/g, ''), 'the window to show the frozen text', 20_000);
      for (const [i, t] of typists.entries()) expect(frozen, t.user.displayName).toContain(t.typed.slice(afterRestore[i]));

      // after a restart: the same, as the approved version
      const replica = typists[0].client.fragment.toString();
      for (const t of typists) t.client.destroy();
      await srv.restart();
      const versions = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body as { id: string; kind: string }[];
      const approved = versions.find((v) => v.kind === 'approved')!;
      expect((await api(srv.url, 'GET', `/api/documents/${id}/versions/${approved.id}`, { token: owner.token })).body.text).toBe(frozen);
      const fresh = connect(srv.wsUrl, id, owner.token);
      try {
        await synced(fresh);
        expect(await contentText(srv.url, owner, id)).toBe(frozen);
        expect(fresh.fragment.toString()).toBe(replica);
      } finally {
        fresh.destroy();
      }
    },
    180_000 + SECONDS * 3_000,
  );
});
