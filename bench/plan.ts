// What a run measures and at which sizes: the full run, the quick smoke run,
// and command-line overrides of either.
import { SERVER_NAMES, type ServerName } from './servers/ServerUnderTest.js';
import type { ConnectionsCase } from './scenarios/connections.js';
import type { TypingCase } from './scenarios/typing.js';

export const SCENARIOS = ['typing', 'cold-open', 'many-docs', 'export', 'connections'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface Plan {
  quick: boolean;
  servers: ServerName[];
  scenarios: ScenarioName[];
  /**
   * Typing with the clients real users run (the stock y-websocket WebsocketProvider, which re-sends presence),
   * against Yigao at its default limits (an account per person) and the reference server.
   */
  typing: TypingCase[];
  /**
   * Rounds of the typing cases: each round runs every case once on each server (taking turns in a rotating
   * order), and the report pools a case's rounds. One run of a few seconds moves a p99 by a third on a shared
   * machine; several short runs taking turns give each server the machine's changing load alike.
   */
  typingRounds: number;
  /**
   * Unmeasured typing before the first round, against every server: whichever server went first otherwise met
   * the load generator and the machine cold, and its p99 was the highest of the case.
   */
  typingWarmup: TypingCase | null;
  coldOpen: { historyEdits: number; summaryPages: number; opens: number };
  manyDocs: { documents: number[]; bytesPerDocument: number; unloadWaitSeconds: number };
  /** Yigao's ROOM_IDLE_SECONDS in every scenario (low, so many-docs sees rooms unload). */
  roomIdleSeconds: number;
  export: { pages: number; runs: number };
  connections: ConnectionsCase;
  /** Servers on one half of the cores, the load generator on the other, while typing (bench/pinning.ts). */
  pin: boolean;
  /** Where the report goes. */
  out: string;
}

const typingCase = (documents: number, clientsPerDocument: number, editsPerSecond: number, seconds: number, warmupSeconds: number): TypingCase => ({
  documents,
  clientsPerDocument,
  editsPerSecond,
  seconds,
  warmupSeconds,
  presence: true,
});

export function fullPlan(): Plan {
  return {
    quick: false,
    servers: [...SERVER_NAMES],
    scenarios: [...SCENARIOS],
    // Issue 7's cases: 50 people in one document typing 2 edits/s, 200 documents × 5 people at 1 edit/s; and 20 people, where it began.
    typing: [typingCase(1, 20, 2, 7, 2), typingCase(1, 50, 2, 7, 2), typingCase(200, 5, 1, 7, 2)],
    typingRounds: 3,
    typingWarmup: typingCase(1, 20, 2, 3, 2),
    coldOpen: { historyEdits: 100_000, summaryPages: 200, opens: 3 },
    manyDocs: { documents: [200, 1000], bytesPerDocument: 20_000, unloadWaitSeconds: 4 },
    roomIdleSeconds: 2,
    export: { pages: 30, runs: 10 },
    connections: {
      steps: [200, 400, 600, 800, 1000, 1300, 1600, 2000, 2500, 3000],
      editorsPerDocument: 5,
      editsPerSecond: 1,
      stepSeconds: 4,
      p99TargetMs: 100,
      presence: true,
    },
    pin: true,
    out: 'bench/RESULTS.md',
  };
}

/** A smoke run: every scenario at tiny sizes, in about a minute. Its report goes to bench/raw/, not over RESULTS.md. */
export function quickPlan(): Plan {
  const full = fullPlan();
  return {
    ...full,
    quick: true,
    typing: [typingCase(1, 5, 2, 2, 0.5)],
    typingRounds: 1,
    typingWarmup: null,
    coldOpen: { historyEdits: 1_000, summaryPages: 5, opens: 1 },
    manyDocs: { documents: [10], bytesPerDocument: 5_000, unloadWaitSeconds: 3 },
    export: { pages: 5, runs: 2 },
    connections: { ...full.connections, steps: [10], stepSeconds: 2 },
    out: 'bench/raw/RESULTS-quick.md',
  };
}

export const USAGE = `npm run bench [-- options]

  --quick                   a smoke run (seconds per scenario; report in bench/raw/RESULTS-quick.md)
  --servers=yigao,reference
  --scenarios=${SCENARIOS.join(',')}
  --typing=1x20@2,200x5@1   documents x clients @ edits per second (stock y-websocket providers)
  --seconds=7               typing: measured seconds per case and round
  --rounds=3                typing: rounds of every case, pooled in the report
  --history-edits=100000    cold-open: edits in the long history
  --summary-pages=200       cold-open: pages of the long summary
  --opens=3                 cold-open: cold opens per document
  --many-docs=200,1000      many-docs: documents open at once
  --doc-bytes=20000         many-docs: text per document
  --export-pages=30  --export-runs=10
  --steps=100,200,400       connections: editors at each step
  --step-seconds=4
  --no-warmup               typing: no unmeasured typing before the first round
  --no-pin                  let the servers and the load generator run on any core
  --out=bench/RESULTS.md    where the report goes
  --report=bench/raw/X.json only render the report from a raw result file`;

/** Applies command-line options to the full (or quick) plan. */
export function planFromArgs(args: string[]): { plan: Plan; reportOnly: string | null } {
  const options = new Map<string, string>();
  for (const arg of args) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unknown argument ${arg}\n\n${USAGE}`);
    options.set(match[1], match[2] ?? 'true');
  }
  const plan = options.has('quick') ? quickPlan() : fullPlan();
  const list = (value: string) =>
    value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const int = (name: string, value: string) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number`);
    return n;
  };
  let reportOnly: string | null = null;
  for (const [name, value] of options) {
    switch (name) {
      case 'quick':
        break;
      case 'servers':
        plan.servers = list(value).map((s) => {
          if (!(SERVER_NAMES as readonly string[]).includes(s)) throw new Error(`unknown server ${s}`);
          return s as ServerName;
        });
        break;
      case 'scenarios':
        plan.scenarios = list(value).map((s) => {
          if (!(SCENARIOS as readonly string[]).includes(s)) throw new Error(`unknown scenario ${s}`);
          return s as ScenarioName;
        });
        break;
      case 'typing': {
        const seconds = plan.typing[0]?.seconds ?? 7;
        plan.typing = list(value).map((spec) => {
          const m = /^(\d+)x(\d+)@([\d.]+)$/.exec(spec);
          if (!m) throw new Error(`--typing wants DxC@R, got ${spec}`);
          return typingCase(Number(m[1]), Number(m[2]), Number(m[3]), seconds, plan.quick ? 0.5 : 2);
        });
        break;
      }
      case 'rounds':
        plan.typingRounds = int(name, value);
        break;
      case 'seconds':
        for (const c of plan.typing) c.seconds = int(name, value);
        break;
      case 'history-edits':
        plan.coldOpen.historyEdits = int(name, value);
        break;
      case 'summary-pages':
        plan.coldOpen.summaryPages = int(name, value);
        break;
      case 'opens':
        plan.coldOpen.opens = int(name, value);
        break;
      case 'many-docs':
        plan.manyDocs.documents = list(value).map((v) => int(name, v));
        break;
      case 'doc-bytes':
        plan.manyDocs.bytesPerDocument = int(name, value);
        break;
      case 'export-pages':
        plan.export.pages = int(name, value);
        break;
      case 'export-runs':
        plan.export.runs = int(name, value);
        break;
      case 'steps':
        plan.connections.steps = list(value).map((v) => int(name, v));
        break;
      case 'step-seconds':
        plan.connections.stepSeconds = int(name, value);
        break;
      case 'no-warmup':
        plan.typingWarmup = null;
        break;
      case 'no-pin':
        plan.pin = false;
        break;
      case 'out':
        plan.out = value;
        break;
      case 'report':
        reportOnly = value;
        break;
      case 'help':
        throw new Error(USAGE);
      default:
        throw new Error(`unknown option --${name}\n\n${USAGE}`);
    }
  }
  return { plan, reportOnly };
}
