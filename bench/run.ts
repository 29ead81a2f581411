// `npm run bench`: runs every scenario against every server, each server a
// fresh child process per case, servers alternating case by case, and writes
// the raw results (bench/raw/) and the report (bench/RESULTS.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { longHistory, summaryDocument, type History } from './client/histories.js';
import { planPinning, pinGenerator, pinServersTo, type Pinning } from './pinning.js';
import { planFromArgs, type Plan } from './plan.js';
import { mainThreadProfile, summarizeProfile, type ProfileSummary } from './profile.js';
import { renderReport } from './report.js';
import { checkHocuspocusWire } from './scenarios/adapterCheck.js';
import { runColdOpen, type ColdOpenResult } from './scenarios/coldOpen.js';
import { runConnections, type ConnectionsResult } from './scenarios/connections.js';
import { runExport, type ExportResult } from './scenarios/exportDocx.js';
import { runManyDocs, type ManyDocsResult } from './scenarios/manyDocs.js';
import { runScaleOut, type ScaleOutResult } from './scenarios/scaleOut.js';
import { runStockTyping, STOCK_SERVERS, type StockTypingResult } from './scenarios/stockTyping.js';
import { runTyping, type TypingCase, type TypingResult } from './scenarios/typing.js';
import { killStrayServers, repoRoot } from './servers/ServerProcess.js';
import type { ServerName, ServerUnderTest, StartOptions } from './servers/ServerUnderTest.js';
import { startServer } from './servers/startServer.js';
import { registerPeople, type People } from './servers/yigao.js';
import { measureYardstick, type Yardstick } from './yardstick.js';
import { missingGeneratorFlags, v8Flags } from './generatorFlags.js';

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
  /** The light client and @hocuspocus/provider editing one document on Hocuspocus: 'passed', or why not. */
  hocuspocusWireCheck: string | null;
  /** The CPUs of the servers and of the load generator; null when they ran unpinned, with why (absent from runs before it existed). */
  pinning?: Pinning | null;
  pinningNote?: string | null;
  /** The machine's speed at the start and the end of the run (bench/yardstick.ts; absent from runs before it existed). */
  yardstick?: { start: Yardstick | null; end: Yardstick | null };
  /**
   * How the typing clients take in what they receive: 'on-arrival' (applied at once; an edit counted once applied),
   * 'deferred' (an edit counted as its update arrives, applied with the others before the next keystroke).
   * Absent from runs before 'deferred' existed, which were 'on-arrival'.
   */
  receivers?: 'on-arrival' | 'deferred';
  /**
   * Which servers the load generator typed against, unmeasured, before the first typing case (absent from runs
   * before every server was: those warmed up against the reference only), and whether the generator collected
   * its own garbage before every measured stretch, as the servers do (absent: it did not).
   */
  warmedUpAgainst?: ServerName[];
  /** The same for the stock-client cases (absent when they did not warm up). */
  stockWarmedUpAgainst?: ServerName[];
  generatorCollects?: boolean;
  /**
   * V8 flags the load generator ran with (`npm run bench` sets them: findings, item 35); absent from runs
   * before it recorded them, which ran with none.
   */
  generatorNodeFlags?: string[];
  /** Seconds each scenario took, in the order run (absent from runs before it existed). */
  scenarioSeconds?: Partial<Record<string, number>>;
  /** Scenarios run again later and merged into this run (--merge). */
  reruns?: Array<{ date: string; command: string; scenarios: string[]; servers: string[]; reason: string }>;
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
  typing: TypingResult[];
  profile: { summary: ProfileSummary; run: TypingResult } | null;
  coldOpen: ColdOpenResult[];
  manyDocs: ManyDocsResult[];
  export: ExportResult[];
  connections: ConnectionsResult[];
  /** Typing across instances (Yigao only; absent from runs before it existed). */
  scaleOut?: ScaleOutResult[];
  /** Typing with stock y-websocket providers (Yigao and the reference; absent from runs before it existed). */
  stock?: StockTypingResult[];
  errors: RunError[];
}

const rawDir = path.join(repoRoot, 'bench/raw');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { plan, reportOnly, merge } = planFromArgs(args);
  if (reportOnly) {
    const run = JSON.parse(fs.readFileSync(reportOnly, 'utf8')) as BenchRun;
    writeReport(run, plan.out === 'bench/RESULTS.md' && run.plan.quick ? run.plan.out : plan.out);
    return;
  }
  fs.mkdirSync(rawDir, { recursive: true });
  const missing = missingGeneratorFlags(process.execArgv);
  if (missing.length > 0) {
    console.log(`note: the load generator runs without ${missing.join(' ')}, which \`npm run bench\` gives it (findings, item 35): its own garbage collections will be in every latency figure`);
  }
  const { pinning, why } = plan.pin ? planPinning() : { pinning: null, why: 'turned off with --no-pin' };
  /** The typing scenarios run pinned (bench/pinning.ts), the others on any core. */
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
    profile: null,
    coldOpen: [],
    manyDocs: [],
    export: [],
    connections: [],
    scaleOut: [],
    stock: [],
    errors: [],
  };
  const log = (line: string) => console.log(line);
  const yardstick = (): Yardstick | null => {
    if (plan.quick) return null;
    try {
      const result = measureYardstick();
      log(`yardstick: ${result.edits} Yjs edits applied in ${result.medianMs.toFixed(0)} ms (median of ${result.repetitions}; fastest ${result.fastestMs.toFixed(0)} ms)`);
      return result;
    } catch (err) {
      log(`yardstick failed: ${(err as Error).message}`);
      return null;
    }
  };
  run.meta.yardstick = { start: yardstick(), end: null };
  run.meta.scenarioSeconds = {};
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

  // Not for the stock-client cases alone: they leave Hocuspocus out.
  if (plan.servers.includes('hocuspocus') && plan.scenarios.some((s) => s !== 'stock')) {
    const checked = await attempt('adapter check', 'hocuspocus', 'light client beside @hocuspocus/provider', () =>
      withServer('hocuspocus', { roomIdleSeconds: plan.roomIdleSeconds }, (server) => checkHocuspocusWire(server)),
    );
    run.meta.hocuspocusWireCheck = checked === null ? `failed: ${run.errors[run.errors.length - 1]?.message}` : 'passed';
    log(`  ${run.meta.hocuspocusWireCheck}`);
  }

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
      const those = round === 1 ? servers : servers.filter((s) => plan.laterRoundServers.includes(s));
      for (const [c, spec] of cases.entries()) {
        const label = `${caseName(spec)}${plan.typingRounds > 1 ? `, round ${round}` : ''}`;
        for (const name of rotatedAmong(those, c + round - 1)) {
          const result = await attempt(scenario, name, label, () => runCase(name, spec));
          if (!result) continue;
          result.round = round;
          into.push(result);
          log(`  p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, lost ${result.lostEdits}, converged ${result.converged}${describe(result)}`);
        }
      }
    }
    return warmedUp;
  };

  for (const scenario of plan.scenarios) {
    const scenarioStarted = Date.now();
    pinned(scenario === 'typing' || scenario === 'profile' || scenario === 'stock');
    if (scenario === 'typing') {
      run.meta.warmedUpAgainst = await inRounds('typing', plan.typing, plan.servers, plan.generatorWarmup, (name, spec) =>
        withServer(name, { roomIdleSeconds: plan.roomIdleSeconds }, (server) => runTyping(server, spec, log)),
        run.typing,
      );
    }

    if (scenario === 'stock') {
      let servers = plan.servers.filter((s) => STOCK_SERVERS.includes(s));
      let people: People | null = null;
      if (servers.includes('yigao')) {
        const count = Math.max(...[...plan.stock, ...(plan.stockWarmup ? [plan.stockWarmup] : [])].map((c) => c.documents * c.clientsPerDocument));
        // On any core: a password hash each, and nothing measured.
        pinned(false);
        people = await attempt('stock', 'yigao', `registering ${count} people, not measured`, () => registerPeople(count, { roomIdleSeconds: plan.roomIdleSeconds }));
        pinned(true);
        if (!people) servers = servers.filter((s) => s !== 'yigao');
      }
      try {
        run.meta.stockWarmedUpAgainst = await inRounds('stock', plan.stock, servers, plan.stockWarmup, (name, spec) =>
          withServer(name, { roomIdleSeconds: plan.roomIdleSeconds, people: name === 'yigao' ? people! : undefined }, (server) => runStockTyping(server, spec, log)),
          run.stock!,
          (r) => `, socket closes ${r.disconnects.closes}${r.disconnects.closes ? ` (${Object.entries(r.disconnects.byCode).map(([code, n]) => `${code} ×${n}`).join(', ')})` : ''}, closed for good ${r.disconnects.closedForGood}`,
        );
      } finally {
        if (people) fs.rmSync(people.storeDir, { recursive: true, force: true });
      }
    }

    if (scenario === 'profile' && plan.servers.includes('yigao') && plan.typing[plan.profileCase]) {
      const spec = plan.typing[plan.profileCase];
      const dir = path.join(rawDir, `profile-${stamp}`);
      fs.mkdirSync(dir, { recursive: true });
      await attempt('profile', 'yigao', `${spec.documents}×${spec.clientsPerDocument} @ ${spec.editsPerSecond}/s, --cpu-prof`, async () => {
        const result = await withServer('yigao', { roomIdleSeconds: plan.roomIdleSeconds, cpuProfileDir: dir }, (server) => runTyping(server, spec, log));
        const file = mainThreadProfile(dir);
        if (!file) throw new Error('the server wrote no CPU profile');
        run.profile = { summary: summarizeProfile(file, repoRoot, result.windowUs), run: result };
        log(`  profile: ${path.relative(repoRoot, file)}`);
      });
    }

    if (scenario === 'cold-open') {
      const documents: Array<[string, () => History]> = [
        [`history-${plan.coldOpen.historyEdits}`, () => longHistory(plan.coldOpen.historyEdits)],
        [`summary-${plan.coldOpen.summaryPages}-pages`, () => summaryDocument(plan.coldOpen.summaryPages)],
      ];
      for (const [document, build] of documents) {
        const history = build();
        log(`cold-open · ${document}: ${history.updates.length} updates, ${history.characters} characters, ${(history.stateBytes / 1024).toFixed(0)} KB as one update`);
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
            log(`  ${(result.perOpenDocumentBytes / 1024).toFixed(0)} KB RSS per open document, ${(result.retainedPerDocumentBytes / 1024).toFixed(0)} KB after unload`);
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

    if (scenario === 'scale-out' && plan.servers.includes('yigao')) {
      for (const spec of plan.scaleOut) {
        const label = `${spec.documents}×${spec.clientsPerDocument} @ ${spec.editsPerSecond}/s`;
        // One instance and two take turns, in a rotating order, like the servers elsewhere.
        const order = caseIndex++ % 2 === 0 ? [2, 1] : [1, 2];
        for (const instances of order) {
          const result = await attempt('scale-out', 'yigao', `${label}, ${instances === 1 ? 'one instance' : 'two instances'}`, () =>
            runScaleOut(instances, spec, { roomIdleSeconds: plan.roomIdleSeconds }, log),
          );
          if (result) {
            run.scaleOut!.push(result);
            log(
              `  p50 ${result.latencyMs.p50.toFixed(1)} ms, p99 ${result.latencyMs.p99.toFixed(1)} ms, ack p99 ${result.ackLatencyMs?.p99.toFixed(1)} ms, ` +
                `lost ${result.lostEdits}, converged ${result.converged}, server CPU ${result.meter.serverCpuSeconds.toFixed(2)} s`,
            );
          }
        }
      }
    }
    run.meta.scenarioSeconds![scenario] = (Date.now() - scenarioStarted) / 1000;
  }

  run.meta.yardstick.end = yardstick();
  run.meta.durationSeconds = (Date.now() - started) / 1000;
  if (merge) {
    const merged = mergeInto(JSON.parse(fs.readFileSync(merge.file, 'utf8')) as BenchRun, run, merge.reason);
    Object.assign(run, merged);
  }
  const raw = path.join(rawDir, `${plan.quick ? 'quick-' : ''}${stamp}.json`);
  fs.writeFileSync(raw, JSON.stringify(run, null, 2));
  fs.copyFileSync(raw, path.join(rawDir, plan.quick ? 'latest-quick.json' : 'latest.json'));
  writeReport(run, plan.out);
  log(`raw results: ${path.relative(repoRoot, raw)}`);
  log(`done in ${run.meta.durationSeconds.toFixed(0)} s; ${run.errors.length} error(s)`);
  if (run.errors.length > 0) process.exitCode = 1;
}

const SCENARIO_KEYS = {
  typing: 'typing',
  profile: 'profile',
  'cold-open': 'coldOpen',
  'many-docs': 'manyDocs',
  export: 'export',
  connections: 'connections',
  'scale-out': 'scaleOut',
  stock: 'stock',
} as const;

/** The earlier run with this run's scenarios in place of its own (a scenario re-run after a fix). */
function mergeInto(base: BenchRun, rerun: BenchRun, reason: string): BenchRun {
  if (JSON.stringify(base.meta.pinning ?? null) !== JSON.stringify(rerun.meta.pinning ?? null)) {
    throw new Error('the re-run and the run it goes into were not pinned to the same cores (see --no-pin)');
  }
  const merged: BenchRun = { ...base, meta: { ...base.meta } };
  for (const scenario of rerun.plan.scenarios) {
    const key = SCENARIO_KEYS[scenario];
    if (key === 'profile') merged.profile = rerun.profile;
    else (merged[key] as unknown[]) = [
      ...((base[key] ?? []) as Array<{ server: ServerName }>).filter((r) => !rerun.plan.servers.includes(r.server)),
      ...((rerun[key] ?? []) as unknown[]),
    ];
  }
  if (rerun.plan.scenarios.includes('stock')) {
    // A run from before the stock cases existed has none of their plan.
    merged.plan = { ...base.plan, stock: rerun.plan.stock, stockWarmup: rerun.plan.stockWarmup };
    if (!merged.plan.scenarios.includes('stock')) merged.plan.scenarios = [...merged.plan.scenarios, 'stock'];
    merged.meta.stockWarmedUpAgainst = rerun.meta.stockWarmedUpAgainst;
    merged.meta.versions = { ...rerun.meta.versions, ...base.meta.versions };
  }
  merged.errors = [
    ...base.errors.filter((e) => !(rerun.plan.scenarios as readonly string[]).includes(e.scenario) || !rerun.plan.servers.includes(e.server)),
    ...rerun.errors,
  ];
  merged.meta.reruns = [
    ...(base.meta.reruns ?? []),
    { date: rerun.meta.date, command: rerun.meta.command, scenarios: [...rerun.plan.scenarios], servers: [...rerun.plan.servers], reason },
  ];
  return merged;
}

function writeReport(run: BenchRun, out: string): void {
  const file = path.resolve(repoRoot, out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const findings = path.join(repoRoot, 'bench/findings.md');
  fs.writeFileSync(file, renderReport(run, fs.existsSync(findings) && !run.plan.quick ? fs.readFileSync(findings, 'utf8') : null));
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
    receivers: 'deferred',
    generatorCollects: true,
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
      '@hocuspocus/server': version('@hocuspocus/server'),
      '@hocuspocus/extension-sqlite': version('@hocuspocus/extension-sqlite'),
    },
    hocuspocusWireCheck: null,
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
