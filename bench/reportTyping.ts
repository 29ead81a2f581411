// The report's section on typing with stock y-websocket providers, and its
// rows in the summary: propagation pooled over rounds with the p99 ratio's
// interval, and the socket closes the clients saw.
import { poolTyping } from './pooling.js';
import { by, caseLabel, int, latencyRows, meterRows, ms, p99Intervals, pct, roundsNote, sameCase, table, TITLES, type Row } from './reportTable.js';
import type { BenchRun } from './run.js';
import type { StockTypingResult } from './scenarios/stockTyping.js';
import type { TypingCase } from './scenarios/typing.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import { median } from './stats.js';

/** The generator's CPU (% of its core) or event-loop delay (p99, ms) from which the report says it was part of what was measured. */
const GENERATOR_BUSY_PERCENT = 80;
const GENERATOR_LATE_MS = 50;

const casesRun = (run: BenchRun): TypingCase[] => run.plan.typing.filter((spec) => run.typing.some((r) => sameCase(r.case, spec)));
const resultsOf = (run: BenchRun, spec: TypingCase) => run.typing.filter((r) => sameCase(r.case, spec));
const serversOf = (run: BenchRun) => run.plan.servers;
/** A server's name inside a sentence. */
const named = (s: ServerName) => (s === 'reference' ? 'the reference' : TITLES[s]);

/** "20 (4429 ×20)": a server's socket closes over the rounds, by code. */
function closes(items: readonly StockTypingResult[]): string {
  const byCode = new Map<string, number>();
  for (const r of items) for (const [code, n] of Object.entries(r.disconnects.byCode)) byCode.set(code, (byCode.get(code) ?? 0) + n);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  return total === 0 ? '0' : `**${total}** (${[...byCode].map(([code, n]) => `${code} ×${n}`).join(', ')})`;
}

const perServer = <T>(items: readonly StockTypingResult[], servers: readonly ServerName[], pick: (mine: StockTypingResult[]) => T) =>
  Object.fromEntries(servers.filter((s) => items.some((r) => r.server === s)).map((s) => [s, pick(items.filter((r) => r.server === s))]));

/** Rows for the summary table: per case, the p50, the p99 with its interval, and the closes. */
export function typingHeadline(run: BenchRun): Row[] {
  const servers = serversOf(run);
  return casesRun(run).flatMap((spec) => {
    const items = resultsOf(run, spec);
    const pooled = poolTyping(items, servers);
    return [
      { label: `typing ${caseLabel(spec)}: propagation p50 (ms)${roundsNote(pooled)}`, values: by(pooled, (i) => i.latencyMs.p50), format: ms },
      {
        label: `typing ${caseLabel(spec)}: propagation p99 (ms)${roundsNote(pooled)}`,
        values: by(pooled, (i) => i.latencyMs.p99),
        format: ms,
        ratioNote: p99Intervals(items, servers),
      },
      {
        label: `typing ${caseLabel(spec)}: socket closes the clients saw`,
        values: {},
        display: perServer(items, servers, closes),
        format: int,
        noRatio: true,
      },
    ];
  });
}

export function renderTyping(run: BenchRun): string[] {
  const cases = casesRun(run);
  if (cases.length === 0) return [];
  const servers = serversOf(run);
  const { plan, meta } = run;
  const people = Math.max(
    ...cases.map((c) => c.documents * c.clientsPerDocument),
    plan.typingWarmup ? plan.typingWarmup.documents * plan.typingWarmup.clientsPerDocument : 0,
  );
  const rounds = plan.typingRounds;
  const busy = cases.flatMap((spec) =>
    poolTyping(resultsOf(run, spec), servers)
      .filter((p) => p.meter.generatorCpuPercent >= GENERATOR_BUSY_PERCENT || p.meter.generatorLoopDelayP99Ms >= GENERATOR_LATE_MS)
      .map(
        (p) =>
          `${caseLabel(spec)} against ${named(p.server)} (its CPU ${pct(p.meter.generatorCpuPercent)} of a core, its timers ${ms(p.meter.generatorLoopDelayP99Ms)} ms late at the p99, ` +
          `the other processes on the machine ${pct(p.meter.othersCpuPercent)})`,
      ),
  );
  const out: string[] = [
    '## 1. Typing',
    '',
    `Each case: D documents × C people, each typing at R edits per second (uniformly jittered) for ${cases[0].seconds} s after ${cases[0].warmupSeconds} s unmeasured. ` +
      'Every person is the stock `WebsocketProvider` of y-websocket ' +
      `${meta.versions['y-websocket'] ?? ''} on \`ws\`, with a Y.Doc and an awareness of its own, whose local state is \`{ user: { name, color }, cursor: { anchor, head } }\` ` +
      "(the caret as relative positions, set with every edit as Tiptap's CollaborationCaret does). The provider applies every update it receives at once, in a transaction of its own, " +
      "and re-sends every presence change it learns of, other people's included. " +
      'Yigao runs at its default limits (MESSAGES_PER_SECOND, AWARENESS_PER_SECOND, MAX_CONNECTIONS_PER_USER and MAX_CONNECTIONS_PER_DOCUMENT unset; only REGISTRATIONS_PER_HOUR raised), ' +
      `and every person signs in with an account of their own, an editor of their document (${people.toLocaleString('en')} accounts registered once per run, each case's server started on a copy of that store); ` +
      "its clients connect with `?ack=1` and follow the acknowledgements with the editor's own AckTracker (`shared/ackTracker.ts`). " +
      (rounds > 1
        ? `The cases ran in ${rounds} rounds, one after the other, the servers taking turns in a rotating order: a case's figures pool every round's samples, and the p99 of each round is shown beside them. `
        : '') +
      (meta.warmedUpAgainst && plan.typingWarmup
        ? `Before the first case the generator typed ${caseLabel(plan.typingWarmup)} for ${plan.typingWarmup.warmupSeconds + plan.typingWarmup.seconds} s against ${meta.warmedUpAgainst.map(named).join(', then ')}, not measured. `
        : '') +
      'Before every measured stretch the server and the load generator each make a full garbage collection. ' +
      "Beside the ratio of the p99s, in brackets, is its 90 % interval: both servers' rounds resampled 400 times in blocks of a quarter of a second " +
      '(a stall of the host delays every delivery in its few milliseconds alike, so neighbouring samples are not independent; bench/interval.ts). ' +
      'Where the interval holds 1, the run cannot tell the two p99s apart. ' +
      "An edit is delivered when the receiving provider's Y.Doc emits the update holding it (the update's range read with `Y.parseUpdateMeta`), and its latency is that moment minus when the sender made it. " +
      '"Socket closes" counts every close of a client\'s socket by the server or the network, with its close code; "closed for good" are the clients whose provider then emitted \'closed\' ' +
      "(a code in 4400–4499, after which it does not reconnect). Such a client's person stops typing and it receives nothing more: the edits it misses count as lost, and its replica keeps the run from converging. " +
      'Latency is measured on the deliveries that happened, so after clients closed it covers fewer of them (see the samples). ' +
      'Lost edits are edits some receiver never got; "converged" means every replica and a fresh client loading from the server afterwards hold the same body, ' +
      'and "server has all" that the fresh client has every edit. Server CPU is per round; peak RSS is the highest of the measured stretches. ' +
      'The generator plays every person on one core, each provider doing all of the above: its CPU and event-loop delay are in every table' +
      (busy.length
        ? `. **It did not keep up** (at or above ${GENERATOR_BUSY_PERCENT} % of its core, or its timers ${GENERATOR_LATE_MS} ms late or more at the p99) at ${busy.join('; ')}: ` +
          "there its own delay (or the machine's, when the other processes took its core) is in the latency, for every server alike, and the edits went out late and fewer."
        : '.'),
    '',
  ];
  for (const spec of cases) {
    const items = resultsOf(run, spec);
    const pooled = poolTyping(items, servers);
    const firsts = perServer(items, servers, (mine) =>
      mine.map((r) => (r.disconnects.firstCloseSeconds === null ? '–' : r.disconnects.firstCloseSeconds.toFixed(1))).join(' · '),
    );
    out.push(
      `### ${caseLabel(spec)}`,
      '',
      table(servers, [
        ...latencyRows(pooled, 'propagation').map((row) => (row.label === 'propagation p99 (ms)' ? { ...row, ratioNote: p99Intervals(items, servers) } : row)),
        ...(pooled.some((i) => i.rounds > 1)
          ? [
              {
                label: 'propagation p99 of each round (ms)',
                values: {},
                display: Object.fromEntries(pooled.map((i) => [i.server, i.roundP99Ms.map(ms).join(' · ')])),
                format: ms,
                noRatio: true,
              },
              { label: 'propagation p99, median of the rounds (ms)', values: by(pooled, (i) => median(i.roundP99Ms)), format: ms },
            ]
          : []),
        { label: 'socket closes the clients saw', values: {}, display: perServer(items, servers, closes), format: int, noRatio: true },
        {
          label: "clients closed for good (provider emitted 'closed')",
          values: {},
          display: perServer(
            items,
            servers,
            (mine) => `${mine.reduce((n, r) => n + r.disconnects.closedForGood, 0)} of ${mine.reduce((n, r) => n + r.clients, 0)}`,
          ),
          format: int,
          noRatio: true,
        },
        { label: 'first close, s into the measured stretch (each round)', values: {}, display: firsts, format: int, noRatio: true },
        { label: 'samples (edit × receiver)', values: by(pooled, (i) => i.latencyMs.count), format: int, noRatio: true },
        { label: 'edits sent', values: by(pooled, (i) => i.editsSent), format: int, noRatio: true },
        { label: 'edits lost', values: by(pooled, (i) => i.lostEdits), format: int, noRatio: true },
        { label: 'converged', values: by(pooled, (i) => i.converged), format: int, noRatio: true },
        { label: 'server has all', values: by(pooled, (i) => i.serverHasAll), format: int, noRatio: true },
        ...meterRows(pooled),
      ]),
      '',
    );
  }
  return out;
}
