// What one keystroke costs in the editor, and where (issue 26): a long 年终总结
// on a server of its own, people typing in it from Node, the editor in Debian's
// Chromium typing into the middle through CDP (Input.insertText) while CDP's
// sampling profiler runs. Prints keystroke → next paint (median, p95) and the
// time per keystroke of each source file and function. docs/performance.md
// says how to run it and what it found.
//
//   npm run build
//   node --import tsx scripts/profile-typing.ts [--pages 5,30,100] [--people 10] [--rate 2] [--keys 80] [--rounds 1] [--no-profile] [--callers 'prosemirror-model eq:'] [--app DIR]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Page } from 'playwright-core';
import { schema } from '../shared/schema.js';
import { api, newDocument, newUser } from '../tests/helpers/api.js';
import { clickEndOf, launchBrowser, pageAs, editorReady } from '../tests/helpers/browser.js';
import { connect, saved, synced } from '../tests/helpers/collabClient.js';
import { committee, seat, typeTogether } from '../tests/helpers/crowd.js';
import { summarise, type Cost, type CpuProfile } from './profileTyping/cpuProfile.js';
import { installKeystrokeTimer, takeKeystrokeTimes } from './profileTyping/keystrokeTimer.js';
import { longSummary, paragraphsOf, quoteOfParagraph } from './profileTyping/longSummary.js';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '100' },
    people: { type: 'string', default: '10' },
    rate: { type: 'string', default: '2' },
    keys: { type: 'string', default: '80' },
    rounds: { type: 'string', default: '1' },
    threads: { type: 'string', default: '20' },
    top: { type: 'string', default: '25' },
    'no-profile': { type: 'boolean', default: false },
    callers: { type: 'string' },
    app: { type: 'string' },
  },
});
/** The build measured: this checkout's by default, or another's (`--app /tmp/before`, built there with `npm run build`), to compare. */
const app = values.app ? path.resolve(values.app) : root;
const PAGES = values.pages.split(',').map(Number);
/** Everyone typing, the person in the browser included. */
const PEOPLE = Number(values.people);
const KEYS = Number(values.keys);
const ROUNDS = Number(values.rounds);
const THREADS = Number(values.threads);
/** The person in the browser types briskly: a keystroke every 150 ms. */
const KEY_INTERVAL_MS = 150;
/** Keystrokes a second of each other person (the server benchmark's rate: an input method commits a word or two a second). */
const OTHERS_RATE = Number(values.rate);
const TYPED = '政协委员履职调研协商监督民生议政建言';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** The compiled server (dist-server/, serving dist/) on a fresh data directory, as `npm run serve` runs it. */
async function startServer(): Promise<{ url: string; wsUrl: string; stop: () => void }> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yigao-profile-'));
  const child = spawn(process.execPath, ['--no-memory-reducer', 'dist-server/index.js'], {
    cwd: app,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', REGISTRATIONS_PER_HOUR: '1000' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      if (tries > 300) throw new Error('the server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    stop: () => {
      child.kill('SIGTERM');
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const ms = (value: number) => value.toFixed(2).padStart(8);

function printCosts(title: string, costs: Cost[], keys: number, top: number) {
  console.log(`\n${title} (ms per keystroke)\n${'self'.padStart(8)} ${'total'.padStart(8)}  name`);
  for (const cost of costs.slice(0, top)) console.log(`${ms(cost.selfMs / keys)} ${ms(cost.totalMs / keys)}  ${cost.name}`);
}

async function typeKeys(page: Page, count: number): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < count; i++) {
    await cdp.send('Input.insertText', { text: TYPED[i % TYPED.length] });
    await new Promise((r) => setTimeout(r, KEY_INTERVAL_MS));
  }
  await cdp.detach();
}

async function profileAt(pages: number, browser: Awaited<ReturnType<typeof launchBrowser>>, server: Awaited<ReturnType<typeof startServer>>) {
  const owner = await newUser(server.url, '张丽');
  const id = await newDocument(server.url, owner);
  const json = longSummary(pages);
  const writer = connect(server.wsUrl, id, owner.token);
  await synced(writer);
  prosemirrorJSONToYXmlFragment(schema, json, writer.fragment);
  await saved(writer, 60_000);
  writer.destroy();
  // Comment threads spread over the document, as a review leaves them.
  const paragraphs = paragraphsOf(json);
  for (let t = 0; t < THREADS; t++) {
    const quote = quoteOfParagraph(json, 1 + Math.floor(((t + 0.5) * paragraphs) / THREADS));
    const res = await api(server.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote, body: `请核实第${t + 1}处数字。` } });
    if (res.status !== 201) throw new Error(`comment: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const members = await committee(server.url, owner, id, PEOPLE - 1);
  const typists = await Promise.all(members.map((member, i) => seat(server.wsUrl, id, member, `【委员${i + 1}补充】`)));

  const contexts: Parameters<typeof pageAs>[3] = [];
  const page = await pageAs(browser, server.url, owner, contexts);
  await installKeystrokeTimer(page);
  await page.goto(`${server.url}/d/${id}`);
  await editorReady(page, quoteOfParagraph(json, paragraphs)!);
  const characters = await page.getByTestId('word-count').innerText();
  await clickEndOf(page, quoteOfParagraph(json, Math.floor(paragraphs / 2))!);

  let stop = false;
  const others = typeTogether(typists, OTHERS_RATE, 3600, () => stop);
  // Warm up: the first keystrokes compile the code they run.
  await typeKeys(page, 10);
  await takeKeystrokeTimes(page);
  const cdp = await page.context().newCDPSession(page);
  const profiling = !values['no-profile'];
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  await typeKeys(page, KEYS);
  const profile = profiling ? ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile : null;
  const times = (await takeKeystrokeTimes(page)).sort((a, b) => a - b);
  stop = true;
  await others;
  for (const typist of typists) typist.client.destroy();
  for (const context of contexts) await context.close();

  console.log(
    `\n=== ${pages} pages (${characters}), ${PEOPLE} people typing (the others ${OTHERS_RATE}/s), ${THREADS} threads: ${times.length} keystrokes measured`,
  );
  console.log(
    `keystroke → next paint: median ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`,
  );
  if (profile) {
    const summary = summarise(profile, path.join(app, 'dist'), values.callers ? new RegExp(values.callers) : null);
    const top = Number(values.top);
    console.log(`main thread busy: ${(summary.busyMs / KEYS).toFixed(2)} ms per keystroke (the page's whole work, the others' typing included)`);
    printCosts('by source file', summary.byFile, KEYS, top);
    printCosts('by function', summary.byFunction, KEYS, top);
    printCosts(
      'by function, where the time was spent (self)',
      [...summary.byFunction].sort((a, b) => b.selfMs - a.selfMs),
      KEYS,
      top,
    );
    if (values.callers)
      printCosts(`callers of /${values.callers}/ (self: as its direct caller, total: the project's code above it)`, summary.callers, KEYS, top);
  }
}

const server = await startServer();
const browser = await launchBrowser();
try {
  for (let round = 0; round < ROUNDS; round++) for (const pages of PAGES) await profileAt(pages, browser, server);
} finally {
  await browser.close();
  server.stop();
}
process.exit(0);
