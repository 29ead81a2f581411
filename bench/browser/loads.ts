// Opening a document: time to editable with all content shown, from a fresh
// profile (cold: nothing cached, no service worker, no local copy) and again
// in the same profile (warm: whatever the stack kept: HTTP cache, Yigao's
// service worker and its IndexedDB copy of the document); and the JavaScript
// each route loads on a first visit, gzipped as it would be shipped.
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { editableWithLastLine, probeScript } from './probes.js';
import type { SeededDocument, Stack, StackName } from './stacks.js';
import { LAST_LINE } from './summaryDoc.js';

export interface LoadResult {
  stack: StackName;
  pages: number;
  chars: number;
  /** Navigation start to editable with the last line in the DOM (ms), one per fresh profile. */
  coldMs: number[];
  /** The same, reopened in the profile of the cold open before it. */
  warmMs: number[];
}

export interface RouteResult {
  stack: StackName;
  route: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

const OPEN_TIMEOUT_MS = 60_000;

export async function newProbedContext(stack: Stack, browser: Browser, who: 'typist' | 'observer' | null, document?: SeededDocument): Promise<BrowserContext> {
  const context = await stack.newContext(browser, who, document);
  await context.addInitScript({ content: probeScript() });
  return context;
}

/** Opens the document in a new page of `context`; ms from navigation start until editable with the last line shown. */
export async function openDocument(context: BrowserContext, url: string): Promise<{ page: Page; ms: number }> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(editableWithLastLine, LAST_LINE, { polling: 'raf', timeout: OPEN_TIMEOUT_MS });
  return { page, ms: (await handle.jsonValue()) as number };
}

/** Where the stack has a service worker, until it is active (a second visit is only warm with it). */
async function serviceWorkerSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (!('serviceWorker' in navigator) || !(await navigator.serviceWorker.getRegistration())) return;
    await Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 10_000))]);
  });
}

export async function measureLoads(stack: Stack, browser: Browser, document: SeededDocument, repeats: number): Promise<LoadResult> {
  const result: LoadResult = { stack: stack.name, pages: document.summary.pages, chars: document.summary.chars, coldMs: [], warmMs: [] };
  const url = stack.url(document, 'typist');
  for (let i = 0; i < repeats; i++) {
    const context = await newProbedContext(stack, browser, 'typist');
    try {
      const cold = await openDocument(context, url);
      result.coldMs.push(cold.ms);
      await serviceWorkerSettled(cold.page);
      // A moment for what a stack stores after opening (Yigao's local copy) to be written, as between two visits.
      await cold.page.waitForTimeout(1_000);
      await cold.page.close();
      const warm = await openDocument(context, url);
      result.warmMs.push(warm.ms);
    } finally {
      await context.close();
    }
  }
  return result;
}

/** The scripts a route loads on a first visit (a fresh profile), until the network is idle; each gzipped (level 9) as a server would ship it. */
export async function measureRoute(stack: Stack, browser: Browser, document: SeededDocument, route: Stack['routes'][number]): Promise<RouteResult> {
  const context = await newProbedContext(stack, browser, route.signedIn ? 'typist' : null);
  try {
    const page = await context.newPage();
    const bodies = new Map<string, Promise<Buffer>>();
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script' && response.ok()) bodies.set(response.url(), response.body());
    });
    const base = new URL(stack.url(document, 'typist')).origin;
    await page.goto(base + route.path(document), { waitUntil: 'networkidle' });
    // Scripts a page fetches once it has drawn (lazy chunks) are part of what the route loads.
    await page.waitForTimeout(1_000);
    await page.waitForLoadState('networkidle');
    let rawBytes = 0;
    let gzipBytes = 0;
    for (const body of bodies.values()) {
      const bytes = await body;
      rawBytes += bytes.length;
      gzipBytes += zlib.gzipSync(bytes, { level: 9 }).length;
    }
    return { stack: stack.name, route: route.name, files: bodies.size, rawBytes, gzipBytes };
  } finally {
    await context.close();
  }
}
