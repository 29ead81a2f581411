// `npm run bench`: runs every scenario against every server, each server a
// fresh child process per case, servers alternating case by case, and writes
// the raw results (bench/raw/) and the report (bench/RESULTS.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingGeneratorFlags, v8Flags } from './generatorFlags.js';
import { longHistory, summaryDocument, type History } from './client/histories.js';
import { planPinning, pinGenerator, pinServersTo, type Pinning } from './pinning.js';
import { planFromArgs, type Plan } from './plan.js';
import { renderReport } from './report.js';
import { runColdOpen, type ColdOpenResult } from './scenarios/coldOpen.js';
import { runConnections, type ConnectionsResult } from './scenarios/connections.js';
import { runExport, type ExportResult } from './scenarios/exportDocx.js';
import { runManyDocs, type ManyDocsResult } from './scenarios/manyDocs.js';
import { runStockTyping, type StockTypingResult } from './scenarios/stockTyping.js';
import type { TypingCase, TypingResult } from './scenarios/typing.js';
import { killStrayServers, repoRoot } from './servers/ServerProcess.js';
import type { ServerName, ServerUnderTest, StartOptions } from './servers/ServerUnderTest.js';
import { startServer } from './servers/startServer.js';
import { registerPeople, type People } from './servers/yigao.js';

export interface RunMeta {
  date: string;
  command: string;
  durationSeconds: number;
  node: string;
  cpuModel: string;
  cores: number;
  memoryBytes: number;
  os: string;
  loadAverageAtStart: number[];
  git: { commit: string; dirtyFiles: number };
  versions: Record<string, string>;
  /** The CPUs of the servers and of the load generator while typing; null when they ran unpinned, with why. */
  pinning: Pinning | null;
  pinningNote: string | null;
  /** Which servers the load generator typed against, unmeasured, before the first typing case. */
  warmedUpAgainst?: ServerName[];
  /** V8 flags the load generator ran with (`npm run bench` sets them: docs/performance.md). */
  generatorNodeFlags: string[];
  /** Seconds each scenario took, in the order run. */
  scenarioSeconds: Partial<Record<string, number>>;
}

export interface RunError {
  scenario: string;
  server: ServerName;
  case: string;
  message: string;
}

export interface BenchRun {
  meta: RunMeta;
  plan: Plan;
  /** Typing with stock y-websocket providers, every round of every case on every server. */
  typing: StockTypingResult[];
  coldOpen: ColdOpenResult[];
  manyDocs: ManyDocsResult[];
  export: ExportResult[];
  connections: ConnectionsResult[];
  errors: RunError[];
}

const rawDir = path.join(repoRoot, 'bench/raw');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { plan, reportOnly } = planFromArgs(args);
  if (reportOnly) {
    const run = JSON.parse(fs.readFileSync(reportOnly, 'utf8')) as BenchRun;
    writeReport(run, plan.out === 'bench/RESULTS.md' && run.plan.quick ? run.plan.out : plan.out);
    return;
  }
  fs.mkdirSync(rawDir, { recursive: true });
  const missing = missingGeneratorFlags(process.execArgv);
  if (missing.length > 0) {
    console.log(
      `note: the load generator runs without ${missing.join(' ')}, which \`npm run bench\` gives it (docs/performance.md): its own garbage collections will be in every latency figure`,
    );
  }
  const { pinning, why } = plan.pin ? planPinning() : { pinning: null, why: 'turned off with --no-pin' };
  /** The typing scenario runs pinned (bench/pinning.ts), the others on any core. */
  const pinned = (on: boolean) => {
    if (!pinning) return;
    pinGenerator(on ? pinning : null);
    pinServersTo(on ? pinning.server : null);
  };
  const started = Date.now();
  const stamp = new Date(started).toISOString().replace(/[:.]/g, '-');
  const run: BenchRun = {
    meta: { ...meta(args, started), pinning, pinningNote: why },
    plan,
    typing: [],
    coldOpen: [],
    manyDocs: [],
    export: [],
    connections: [],
    errors: [],
  };
  const log = (line: string) => console.log(line);
  const rotatedAmong = (servers: ServerName[], k: number) => servers.map((_, i) => servers[(i + k) % servers.length]);
  const rotated = (k: number) => rotatedAmong(plan.servers, k);
  let caseIndex = 0;

  const attempt = async <T>(scenario: string, name: ServerName, label: string, work: () => Promise<T>): Promise<T | null> => {
    log(`${scenario} · ${label} · ${name} [${((Date.now() - started) / 1000).toFixed(0)} s]`);
    try {
      return await work();
    } catch (err) {
      const message = (err as Error).stack ?? String(err);
      log(`  failed: ${message}`);
      run.errors.push({ scenario, server: name, case: label, message: (err as Error).message });
      return null;
    }
  };

  const caseName = (spec: TypingCase) => `${spec.documents}×${spec.clientsPerDocument} @ ${spec.editsPerSecond}/s`;
  /**
   * Every case on each of `servers`, round after round, who goes first moving on from case to case and from round
   * to round (so no server keeps one place in a case); first, unmeasured, `warmup` against every server, the first
   * case's first server last: the first measured run is nobody's first contact with the generator (its client code
   * for that server, and the machine, cold). Returns the servers warmed up against.
   */
  const inRounds = async <R extends TypingResult>(
    scenario: string,
    cases: TypingCase[],
    servers: ServerName[],
    warmup: TypingCase | null,
    runCase: (name: ServerName, spec: TypingCase) => Promise<R>,
    into: R[],
    describe: (result: R) => string = () => '',
  ): Promise<ServerName[] | undefined> => {
    const warmedUp = warmup ? [...rotatedAmong(servers, 0)].reverse() : undefined;
    for (const name of warmedUp ?? []) await attempt(scenario, name, `${caseName(warmup!)}, warm-up, not measured`, () => runCase(name, warmup!));
    for (let round = 1; round <= plan.typingRounds; round++) {
      for (const [c, spec] of cases.entries()) {
        const label = `${caseName(spec)}${plan.typingRounds > 1 ? `, round ${round}` : ''}`;
        for (const name of rotatedAmong(servers, c + round - 1)) {
          const result = await attempt(scenario, name, label, () => runCase(name, spec));
          if (!result) continue;
          result.round = round;
          into.push(result);
          log(
            `  p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, lost ${result.lostEdits}, converged ${result.converged}${describe(result)}`,
          );
        }
      }
    }
    return warmedUp;
  };

  for (const scenario of plan.scenarios) {
    const scenarioStarted = Date.now();
    pinned(scenario === 'typing');
    if (scenario === 'typing') {
      let servers = plan.servers;
      let people: People | null = null;
      if (servers.includes('yigao')) {
        const count = Math.max(...[...plan.typing, ...(plan.typingWarmup ? [plan.typingWarmup] : [])].map((c) => c.documents * c.clientsPerDocument));
        // On any core: a password hash each, and nothing measured.
        pinned(false);
        people = await attempt('typing', 'yigao', `registering ${count} people, not measured`, () =>
          registerPeople(count, { roomIdleSeconds: plan.roomIdleSeconds }),
        );
        pinned(true);
        if (!people) servers = servers.filter((s) => s !== 'yigao');
      }
      try {
        run.meta.warmedUpAgainst = await inRounds(
          'typing',
          plan.typing,
          servers,
          plan.typingWarmup,
          (name, spec) =>
            withServer(name, { roomIdleSeconds: plan.roomIdleSeconds, people: name === 'yigao' ? people! : undefined }, (server) =>
              runStockTyping(server, spec, log),
            ),
          run.typing,
          (r) =>
            `, socket closes ${r.disconnects.closes}${
              r.disconnects.closes
                ? ` (${Object.entries(r.disconnects.byCode)
                    .map(([code, n]) => `${code} ×${n}`)
                    .join(', ')})`
                : ''
            }, closed for good ${r.disconnects.closedForGood}`,
        );
      } finally {
        if (people) fs.rmSync(people.storeDir, { recursive: true, force: true });
      }
    }

    if (scenario === 'cold-open') {
      const documents: Array<[string, () => History]> = [
        [`history-${plan.coldOpen.historyEdits}`, () => longHistory(plan.coldOpen.historyEdits)],
        [`summary-${plan.coldOpen.summaryPages}-pages`, () => summaryDocument(plan.coldOpen.summaryPages)],
      ];
      for (const [document, build] of documents) {
        const history = build();
        log(
          `cold-open · ${document}: ${history.updates.length} updates, ${history.characters} characters, ${(history.stateBytes / 1024).toFixed(0)} KB as one update`,
        );
        for (const name of rotated(caseIndex++)) {
          const result = await attempt('cold-open', name, document, () =>
            withServer(name, { roomIdleSeconds: plan.roomIdleSeconds }, (server, dataDir) =>
              runColdOpen(server, { document, opens: plan.coldOpen.opens }, history, dataDir, log),
            ),
          );
          if (result) {
            run.coldOpen.push(result);
            log(`  whole state in ${result.p50ToWholeStateMs.toFixed(0)} ms (p50), ${result.bytesReceived} bytes, complete ${result.complete}`);
          }
        }
      }
    }

    if (scenario === 'many-docs') {
      for (const documents of plan.manyDocs.documents) {
        const spec = { documents, bytesPerDocument: plan.manyDocs.bytesPerDocument, unloadWaitSeconds: plan.manyDocs.unloadWaitSeconds };
        for (const name of rotated(caseIndex++)) {
          const result = await attempt('many-docs', name, `${documents} documents`, () =>
            withServer(name, { roomIdleSeconds: plan.roomIdleSeconds }, (server) => runManyDocs(server, spec, log)),
          );
          if (result) {
            run.manyDocs.push(result);
            log(
              `  ${(result.perOpenDocumentBytes / 1024).toFixed(0)} KB RSS per open document, ${(result.retainedPerDocumentBytes / 1024).toFixed(0)} KB after unload`,
            );
          }
        }
      }
    }

    if (scenario === 'export' && plan.servers.includes('yigao')) {
      const history = summaryDocument(plan.export.pages);
      const result = await attempt('export', 'yigao', `${plan.export.pages} pages`, () =>
        withServer('yigao', { roomIdleSeconds: plan.roomIdleSeconds }, (server) => runExport(server, plan.export, history)),
      );
      if (result) {
        run.export.push(result);
        log(`  p50 ${result.p50Ms.toFixed(0)} ms, ${result.docxBytes} bytes`);
      }
    }

    if (scenario === 'connections') {
      for (const name of rotated(caseIndex++)) {
        const result = await attempt('connections', name, `${plan.connections.editorsPerDocument} per document`, () =>
          withServer(name, { roomIdleSeconds: plan.roomIdleSeconds }, (server) => runConnections(server, plan.connections, log)),
        );
        if (result) run.connections.push(result);
      }
    }

    run.meta.scenarioSeconds[scenario] = (Date.now() - scenarioStarted) / 1000;
  }

  run.meta.durationSeconds = (Date.now() - started) / 1000;
  const raw = path.join(rawDir, `${plan.quick ? 'quick-' : ''}${stamp}.json`);
  fs.writeFileSync(raw, JSON.stringify(run, null, 2));
  fs.copyFileSync(raw, path.join(rawDir, plan.quick ? 'latest-quick.json' : 'latest.json'));
  writeReport(run, plan.out);
  log(`raw results: ${path.relative(repoRoot, raw)}`);
  log(`done in ${run.meta.durationSeconds.toFixed(0)} s; ${run.errors.length} error(s)`);
  if (run.errors.length > 0) process.exitCode = 1;
}

function writeReport(run: BenchRun, out: string): void {
  const file = path.resolve(repoRoot, out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, renderReport(run));
  console.log(`report: ${path.relative(repoRoot, file)}`);
}

/** Starts a fresh server on a fresh store, runs `work`, stops it and removes the store. */
async function withServer<T>(
  name: ServerName,
  options: Omit<StartOptions, 'dataDir'>,
  work: (server: ServerUnderTest, dataDir: string) => Promise<T>,
): Promise<T> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  let server: ServerUnderTest | null = null;
  try {
    server = await startServer(name, { ...options, dataDir });
    return await work(server, dataDir);
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function meta(args: string[], started: number): RunMeta {
  const version = (pkg: string) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', pkg, 'package.json'), 'utf8')).version as string;
    } catch {
      return 'missing';
    }
  };
  const git = (...gitArgs: string[]) => {
    try {
      return execFileSync('git', gitArgs, { cwd: repoRoot, encoding: 'utf8' }).trim();
    } catch {
      return '';
    }
  };
  return {
    date: new Date(started).toISOString(),
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    durationSeconds: 0,
    node: process.version,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    cores: os.cpus().length,
    memoryBytes: os.totalmem(),
    os: `${os.type()} ${os.release()}`,
    loadAverageAtStart: os.loadavg(),
    generatorNodeFlags: v8Flags(process.execArgv),
    git: { commit: git('rev-parse', '--short', 'HEAD'), dirtyFiles: git('status', '--porcelain', '--', 'server', 'shared').split('\n').filter(Boolean).length },
    versions: {
      yjs: version('yjs'),
      'y-protocols': version('y-protocols'),
      lib0: version('lib0'),
      ws: version('ws'),
      'better-sqlite3': version('better-sqlite3'),
      tsx: version('tsx'),
      'y-websocket': version('y-websocket'),
      '@y/websocket-server': version('@y/websocket-server'),
      'y-leveldb (under @y/websocket-server)': version('@y/websocket-server/node_modules/y-leveldb'),
      'ws (under @y/websocket-server)': version('@y/websocket-server/node_modules/ws'),
    },
    pinning: null,
    pinningNote: null,
    scenarioSeconds: {},
  };
}

process.on('exit', killStrayServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killStrayServers();
    process.exit(130);
  });
}

await main();
