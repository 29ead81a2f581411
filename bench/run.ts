// `npm run bench`: runs every scenario against every server, each server a
// fresh child process per case, servers alternating case by case, and writes
// the raw results (bench/raw/) and the report (bench/RESULTS.md).
// The run's record and report are in runRecord.ts; a fresh server per case in servers/withServer.ts.
import fs from 'node:fs';
import path from 'node:path';
import { missingGeneratorFlags } from './generatorFlags.js';
import { longHistory, summaryDocument, type History } from './client/histories.js';
import { planPinning, pinGenerator, pinServersTo } from './pinning.js';
import { planFromArgs } from './plan.js';
import { meta, writeReport, type BenchRun } from './runRecord.js';
import { runColdOpen } from './scenarios/coldOpen.js';
import { runConnections } from './scenarios/connections.js';
import { runExport } from './scenarios/exportDocx.js';
import { runManyDocs } from './scenarios/manyDocs.js';
import { runStockTyping } from './scenarios/stockTyping.js';
import type { TypingCase, TypingResult } from './scenarios/typing.js';
import { killStrayServers, repoRoot } from './servers/ServerProcess.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import { withServer } from './servers/withServer.js';
import { registerPeople, type People } from './servers/yigao.js';

export type { BenchRun, RunError, RunMeta } from './runRecord.js';

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

process.on('exit', killStrayServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killStrayServers();
    process.exit(130);
  });
}

await main();
