// `npm run bench:browser`: Yigao against the bare stack in Debian's Chromium,
// in one run, the stacks taking turns case by case. Writes the raw results
// (bench/raw/browser-*.json) and the report: the "Browser" section of
// bench/RESULTS.md (the rest of the file is `npm run bench`'s and stays), or
// with --quick bench/raw/RESULTS-browser-quick.md.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../tests/helpers/browser.js';
import { killStrayServers, repoRoot } from '../servers/ServerProcess.js';
import { measureLoads, measureRoute, type LoadResult, type RouteResult } from './loads.js';
import { planFromArgs, type BrowserPlan } from './plan.js';
import { renderBrowserReport } from './report.js';
import { writeBrowserSection } from './resultsFile.js';
import { SEATS, startBareStack, startYigaoStack, type SeededDocument, type Stack } from './stacks.js';
import { measureTyping, type TypingResult } from './typing.js';

export interface BrowserRunMeta {
  date: string;
  command: string;
  durationSeconds: number;
  machine: string;
  chromium: string;
  commit: string;
  loadAverageAtStart: number[];
  loadAverageAtEnd: number[];
}

export interface BrowserRun {
  meta: BrowserRunMeta;
  plan: BrowserPlan;
  stacks: Record<string, string>;
  loads: LoadResult[];
  routes: RouteResult[];
  typing: TypingResult[];
}

/** The stacks in turn, the first one changing from case to case, so neither always goes first. */
const inTurn = (stacks: Stack[], n: number): Stack[] => (n % 2 === 0 ? stacks : [...stacks].reverse());

export async function runBrowserBench(plan: BrowserPlan, command: string, print: (line: string) => void = console.log): Promise<BrowserRun> {
  const started = Date.now();
  const log = (line: string) => print(`${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s  ${line}`);
  const loadAverageAtStart = os.loadavg();
  // Documents each Yigao case seeds: one per size, one for the routes, one per typing case.
  const documents = plan.sizes.length + 1 + plan.typing.length;
  const stacks: Stack[] = [];
  const browsers: Browser[] = [];
  try {
    log('starting Yigao (building what changed, registering its people) and the bare stack');
    stacks.push(await startYigaoStack(documents), await startBareStack());
    browsers.push(await launchBrowser(), await launchBrowser());
    const [browser, observerBrowser] = browsers;
    const run: BrowserRun = {
      meta: {
        date: new Date(started).toISOString(),
        command,
        durationSeconds: 0,
        machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}; Node ${process.version}`,
        chromium: browser.version(),
        commit: git('rev-parse', '--short', 'HEAD'),
        loadAverageAtStart,
        loadAverageAtEnd: [],
      },
      plan,
      stacks: Object.fromEntries(stacks.map((s) => [s.name, s.description])),
      loads: [],
      routes: [],
      typing: [],
    };
    // One document per stack for the routes, opened once unmeasured first: the first page a browser process
    // shows pays for starting its renderer and compiling the stack's scripts, which no later open does.
    const routeDocuments = new Map<Stack, SeededDocument>();
    for (const stack of stacks) {
      routeDocuments.set(stack, await stack.seed(plan.routePages));
      if (!plan.warmUp) continue;
      log(`warm-up: ${stack.name}`);
      await measureLoads(stack, browser, routeDocuments.get(stack)!, 1);
    }
    let turn = 0;
    for (const pages of plan.sizes) {
      for (const stack of inTurn(stacks, turn++)) {
        log(`open ${pages} pages: ${stack.name}`);
        run.loads.push(await measureLoads(stack, browser, await stack.seed(pages), plan.loadRepeats));
      }
    }
    for (const stack of stacks) {
      for (const route of stack.routes) {
        log(`scripts of ${route.name}: ${stack.name}`);
        run.routes.push(await measureRoute(stack, browser, routeDocuments.get(stack)!, route));
      }
    }
    for (const c of plan.typing) {
      for (const stack of inTurn(stacks, turn++)) {
        log(`typing ${c.input}, ${c.crowd} others${c.remote ? ', observed' : ''}: ${stack.name}`);
        run.typing.push(await measureTyping(stack, browser, observerBrowser, c));
      }
    }
    run.meta.durationSeconds = (Date.now() - started) / 1000;
    run.meta.loadAverageAtEnd = os.loadavg();
    return run;
  } finally {
    for (const browser of browsers) await browser.close();
    for (const stack of stacks) await stack.stop();
  }
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Writes the raw run and the report; returns the report's path. */
export function writeBrowserRun(run: BrowserRun): string {
  const rawDir = path.join(repoRoot, 'bench/raw');
  fs.mkdirSync(rawDir, { recursive: true });
  fs.writeFileSync(path.join(rawDir, `browser-${run.meta.date.replace(/[:.]/g, '-')}.json`), JSON.stringify(run));
  return writeReport(run);
}

function writeReport(run: BrowserRun): string {
  const out = path.join(repoRoot, run.plan.out);
  const report = renderBrowserReport(run);
  if (run.plan.quick) fs.writeFileSync(out, `# Browser benchmark (smoke run)\n\n${report}`);
  else writeBrowserSection(out, report);
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const reportOnly = args.find((a) => a.startsWith('--report='));
  if (reportOnly) {
    // Renders a run on file again (after a change to the report), without running anything.
    const run = JSON.parse(fs.readFileSync(reportOnly.slice('--report='.length), 'utf8')) as BrowserRun;
    console.log(`report: ${path.relative(repoRoot, writeReport(run))}`);
    return;
  }
  const plan = planFromArgs(args);
  const run = await runBrowserBench(plan, `npm run bench:browser${args.length ? ` -- ${args.join(' ')}` : ''}`);
  console.log(`report: ${path.relative(repoRoot, writeBrowserRun(run))} (${Math.round(run.meta.durationSeconds)} s; ${SEATS} people per Yigao document)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err) => {
    console.error(err);
    killStrayServers();
    process.exitCode = 1;
  });
}
