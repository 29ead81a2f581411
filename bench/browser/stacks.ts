// The two stacks the browser benchmark compares, behind one interface: Yigao
// (its server serving its built client, at its default limits, every person
// with an account of their own) and the bare stack (the bare page, served
// statically, on the reference y-websocket server). Each seeds documents with
// the same summary (summaryDoc.ts), opens pages as the typist or as an
// observer, and hands out the wires of the ten stock providers that type
// alongside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Browser, BrowserContext } from 'playwright-core';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { StockPeer } from '../client/StockPeer.js';
import type { Wire } from '../client/wire.js';
import { startReference } from '../servers/reference.js';
import type { BenchDocument, ServerUnderTest } from '../servers/ServerUnderTest.js';
import { registerPeople, startYigao, type People } from '../servers/yigao.js';
import { bareContent, bareSchema } from './bareContent.js';
import { bareBuild, serveStatic, yigaoClient, type StaticServer } from './builds.js';
import { REACT_ROUTE } from './plan.js';
import { summaryDocument, type SummaryDocument } from './summaryDoc.js';

export type StackName = 'yigao' | 'bare';
export const STACK_NAMES: readonly StackName[] = ['yigao', 'bare'];
export type Who = 'typist' | 'observer';

/** Seats of a document: 0–9 the crowd, 10 the seeder, 11 the observer (the typist is the owner). */
const CROWD_SEATS = 10;
const SEEDER = 10;
const OBSERVER = 11;
export const SEATS = 12;

export interface SeededDocument {
  document: BenchDocument;
  summary: SummaryDocument;
}

/** A JavaScript-loading route of a stack: a page as somebody first opens it. */
export interface Route {
  name: string;
  /** Signed in (Yigao) or not. */
  signedIn: boolean;
  path: (document: SeededDocument) => string;
}

export interface Stack {
  readonly name: StackName;
  readonly description: string;
  readonly routes: readonly Route[];
  /** A fresh profile (an empty browser context), signed in as `who` (of `document`) where the stack has accounts. */
  newContext(browser: Browser, who: Who | null, document?: SeededDocument): Promise<BrowserContext>;
  /** The document page's URL. */
  url(document: SeededDocument, who: Who): string;
  /** A new document holding a summary of `pages` pages (and, in Yigao, its twenty comment threads). */
  seed(pages: number): Promise<SeededDocument>;
  /** How crowd member `i` (0–9) connects to the document. */
  crowdWire(document: SeededDocument, i: number): Wire;
  stop(): Promise<void>;
}

const CONTEXT = { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' };

/** Writes `json` into the document as one stock provider and waits until the server holds it. */
async function writeBody(wire: Wire, documentSchema: Schema, json: JSONContent, settledBy: 'ack' | 'second-peer'): Promise<void> {
  const peer = await StockPeer.connect(wire, { name: '起草人', color: '#30a46c' });
  try {
    prosemirrorJSONToYXmlFragment(documentSchema, json, peer.doc.getXmlFragment(BODY_FRAGMENT));
    await peer.settled();
    if (settledBy === 'second-peer') {
      // The reference acknowledges nothing: a second replica syncing the whole body shows the server has it.
      const expected = peer.doc.getXmlFragment(BODY_FRAGMENT).length;
      const check = await StockPeer.connect(wire, { name: '核对', color: '#30a46c' });
      const deadline = Date.now() + 30_000;
      while (check.doc.getXmlFragment(BODY_FRAGMENT).length !== expected) {
        if (Date.now() > deadline) throw new Error('the reference server did not hand back the seeded body');
        await new Promise((r) => setTimeout(r, 20));
      }
      check.destroy();
    }
  } finally {
    peer.destroy();
  }
}

/** Yigao, serving dist/, with `documents` documents' worth of people registered. */
export async function startYigaoStack(documents: number): Promise<Stack> {
  const clientDir = await yigaoClient();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-browser-yigao-'));
  let people: People | null = null;
  let server: ServerUnderTest;
  try {
    people = await registerPeople(documents * SEATS, { roomIdleSeconds: 2 });
    server = await startYigao({ dataDir, roomIdleSeconds: 2, people, clientDir });
  } catch (err) {
    if (people) fs.rmSync(people.storeDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const running = server;
  const { base, token: ownerToken } = running.http!;
  /** The observer is an editor of the document like the crowd (their tokens are in their wires). */
  const observerToken = (document: SeededDocument) => new URL(running.wire(document.document, OBSERVER).url).searchParams.get('token')!;
  return {
    name: 'yigao',
    description: 'Yigao: its server (`dist-server/`, SQLite store, default limits) serving its built client (`dist/`), signed in; the typist owns the document',
    routes: [
      { name: 'sign-in page (/login)', signedIn: false, path: () => '/login' },
      { name: 'document list (/)', signedIn: true, path: () => '/' },
      { name: 'editor (/d/:id)', signedIn: true, path: (d) => `/d/${d.document.id}` },
    ],
    async newContext(browser, who, document) {
      const context = await browser.newContext(CONTEXT);
      if (who) {
        if (who === 'observer' && !document) throw new Error("the observer's account depends on the document");
        const token = who === 'typist' ? ownerToken : observerToken(document!);
        await context.addCookies([{ name: 'yigao_session', value: token, url: base, httpOnly: true, sameSite: 'Lax' }]);
      }
      return context;
    },
    url: (document) => `${base}/d/${document.document.id}`,
    async seed(pages) {
      const summary = summaryDocument(pages);
      const [document] = await running.createDocuments(1, SEATS);
      await writeBody(running.wire(document, SEEDER), schema, summary.json, 'ack');
      for (const quote of summary.quotes) {
        const res = await fetch(`${base}/api/documents/${document.id}/comments`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ownerToken}` },
          body: JSON.stringify({ quote, body: `建议把${quote}的成效写具体些，补充数据。` }),
        });
        if (res.status !== 201) throw new Error(`comment on ${quote}: ${res.status} ${await res.text()}`);
      }
      return { document, summary };
    },
    crowdWire: (document, i) => running.wire(document.document, i % CROWD_SEATS),
    async stop() {
      await running.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(people!.storeDir, { recursive: true, force: true });
    },
  };
}

/** The bare page, served statically, on the reference server. */
export async function startBareStack(): Promise<Stack> {
  const outDir = await bareBuild();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-browser-reference-'));
  let pages: StaticServer | null = null;
  let server: ServerUnderTest;
  try {
    pages = await serveStatic(outDir);
    server = await startReference({ dataDir, roomIdleSeconds: 2 });
  } catch (err) {
    await pages?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const running = server;
  const site = pages;
  const socketBase = (document: SeededDocument) => {
    const url = running.wire(document.document, 0).url;
    return url.slice(0, url.lastIndexOf('/'));
  };
  return {
    name: 'bare',
    description:
      'bare stack: a vanilla Tiptap editor (StarterKit, tables, Collaboration, CollaborationCaret; bench/browser/bare/) built by Vite, served as static files, with the stock y-websocket provider on the reference server (`@y/websocket-server`, LevelDB)',
    routes: [
      { name: 'editor page', signedIn: false, path: (d) => `/index.html?ws=${encodeURIComponent(socketBase(d))}&room=${d.document.id}` },
      // the same editor on React (@tiptap/react), Yigao's own stack: the anchor for what the framework adds
      { name: REACT_ROUTE, signedIn: false, path: (d) => `/react.html?ws=${encodeURIComponent(socketBase(d))}&room=${d.document.id}` },
    ],
    newContext: (browser) => browser.newContext(CONTEXT),
    url: (document, who) =>
      `${site.url}/index.html?ws=${encodeURIComponent(socketBase(document))}&room=${document.document.id}&name=${who === 'typist' ? '起草人' : '审阅人'}`,
    async seed(pageCount) {
      const summary = summaryDocument(pageCount);
      const [document] = await running.createDocuments(1, SEATS);
      await writeBody(running.wire(document, SEEDER), bareSchema, bareContent(summary.json), 'second-peer');
      return { document, summary };
    },
    crowdWire: (document, i) => running.wire(document.document, i),
    async stop() {
      await running.stop();
      await site.close();
      fs.rmSync(outDir, { recursive: true, force: true });
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
