// What a bench run records (bench/raw/*.json) and reports: the run's shape
// (BenchRun, with its metadata and errors), the metadata gathered about the
// machine, Node, the git tree and the packages measured, and writing the
// report (bench/RESULTS.md) from a run. bench/run.ts fills one in as it goes.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v8Flags } from './generatorFlags.js';
import type { Pinning } from './pinning.js';
import type { Plan } from './plan.js';
import { browserSection } from './browser/resultsFile.js';
import { renderReport } from './report.js';
import type { ColdOpenResult } from './scenarios/coldOpen.js';
import type { ConnectionsResult } from './scenarios/connections.js';
import type { ExportResult } from './scenarios/exportDocx.js';
import type { ManyDocsResult } from './scenarios/manyDocs.js';
import type { StockTypingResult } from './scenarios/stockTyping.js';
import { repoRoot } from './servers/ServerProcess.js';
import type { ServerName } from './servers/ServerUnderTest.js';

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

export function writeReport(run: BenchRun, out: string): void {
  const file = path.resolve(repoRoot, out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The browser benchmark's section (npm run bench:browser) is not this run's to drop.
  const browser = fs.existsSync(file) ? browserSection(fs.readFileSync(file, 'utf8')) : '';
  fs.writeFileSync(file, browser ? `${renderReport(run).trimEnd()}\n\n${browser}\n` : renderReport(run));
  console.log(`report: ${path.relative(repoRoot, file)}`);
}

export function meta(args: string[], started: number): RunMeta {
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
