// The set-up every browser test file shares: a server on the built client and
// Debian's Chromium for the file's tests, the browser contexts a test opened
// closed after it, then the browser and the server closed after the file.
//
//   let srv: TestServer;
//   let browser: Browser;
//   const contexts: BrowserContext[] = [];
//   useBrowserSuite({ contexts }, async (started) => {
//     ({ srv, browser } = started);
//     alice = await newUser(srv.url, '张丽');
//   });
//
// (Kept apart from browser.ts, which requirements.ts reads for CHROMIUM: this
// module starts a server.)
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { startTestServer, type TestServer } from './testServer.js';

export interface BrowserSuite {
  readonly srv: TestServer;
  readonly browser: Browser;
}

export interface BrowserSuiteOptions {
  /** The server's environment on top of CLIENT_DIR=dist. */
  env?: Record<string, string>;
  /** The contexts the tests open (pageAs, openWatched): closed after each test, or after the file with closeContexts: 'afterAll'. */
  contexts?: BrowserContext[];
  closeContexts?: 'afterEach' | 'afterAll';
}

/**
 * Registers the file's hooks: before its tests, starts the server on dist/ and
 * launches Chromium, then calls `ready` with both (sign up the file's users
 * there); closes `contexts` after each test (or after the file); after the
 * file, closes the browser and stops the server.
 */
export function useBrowserSuite(options: BrowserSuiteOptions, ready: (suite: BrowserSuite) => Promise<void>): void {
  let srv: TestServer | undefined;
  let browser: Browser | undefined;
  const { contexts, closeContexts = 'afterEach' } = options;

  beforeAll(async () => {
    srv = await startTestServer({ CLIENT_DIR: 'dist', ...options.env });
    browser = await launchBrowser();
    await ready({ srv, browser });
  });

  if (contexts && closeContexts === 'afterEach') {
    afterEach(async () => {
      for (const c of contexts.splice(0)) await c.close();
    });
  }

  afterAll(async () => {
    if (contexts && closeContexts === 'afterAll') for (const c of contexts.splice(0)) await c.close();
    await browser?.close();
    await srv?.stop();
  });
}
