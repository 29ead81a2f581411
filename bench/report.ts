// Renders a run as bench/RESULTS.md: absolute numbers for every server with
// Yigao / peer ratios beside them, scenario by scenario.
import { missingGeneratorFlags } from './generatorFlags.js';
import { poolTyping } from './pooling.js';
import { by, caseLabel, cell, int, kb, latencyRows, mb, meterRows, ms, p99Intervals, pct, ratio, roundsNote, sameCase, sec, table, TITLES, type Row, type Value } from './reportTable.js';
import { renderStock, stockHeadline } from './reportStock.js';
import type { BenchRun } from './run.js';
import type { ScaleOutResult } from './scenarios/scaleOut.js';
import type { ServerName } from './servers/ServerUnderTest.js';
import { median } from './stats.js';

export function renderReport(run: BenchRun, findings: string | null): string {
  const { meta, plan } = run;
  /** Flags the generator lacked (null: a run from before runs recorded them). */
  const missingFlags = meta.generatorNodeFlags ? missingGeneratorFlags(meta.generatorNodeFlags) : null;
  const servers = plan.servers;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    '# Benchmark results',
    '',
    `Written by \`${meta.command}\` on ${meta.date.slice(0, 10)} (${meta.date.slice(11, 16)} UTC), in ${Math.floor(meta.durationSeconds / 60)} min ${Math.round(meta.durationSeconds % 60)} s. ` +
      'Every figure comes from the raw file of that run (`bench/raw/`, not committed); rerun the command to reproduce. ' +
      'A ratio is Yigao / peer: below 1 means Yigao took less time or memory.',
    '',
    '## Setup',
    '',
    `- Machine: ${meta.cores} × ${meta.cpuModel}, ${(meta.memoryBytes / 1024 ** 3).toFixed(0)} GiB RAM, ${meta.os}; Node ${meta.node}. ` +
      `Load average at the start: ${meta.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')}.`,
    ...(meta.yardstick?.start || meta.yardstick?.end
      ? [
          `- The machine's speed (\`bench/yardstick.ts\`: one core applying a fixed history of ${(meta.yardstick.start ?? meta.yardstick.end)!.edits.toLocaleString('en')} small Yjs edits, ` +
            `median of ${(meta.yardstick.start ?? meta.yardstick.end)!.repetitions} with the fastest in brackets; lower is faster): ` +
            `${meta.yardstick.start ? `${meta.yardstick.start.medianMs.toFixed(0)} ms (${meta.yardstick.start.fastestMs.toFixed(0)}) at the start` : 'not taken at the start'}, ` +
            `${meta.yardstick.end ? `${meta.yardstick.end.medianMs.toFixed(0)} ms (${meta.yardstick.end.fastestMs.toFixed(0)}) at the end` : 'not taken at the end'}. ` +
            'Figures of runs on other days compare only as far as these do.',
        ]
      : []),
    ...(meta.scenarioSeconds && Object.keys(meta.scenarioSeconds).length
      ? [
          `- Time per scenario: ${Object.entries(meta.scenarioSeconds)
            .map(([name, seconds]) => `${name} ${Math.round(seconds ?? 0)} s`)
            .join(', ')}.`,
        ]
      : []),
    `- The machine is shared: other people's builds and tests ran on the same two cores during the run. ` +
      'Each table shows the CPU the other processes used meanwhile ("others"), so a noisy figure can be told from a slow server.',
    meta.pinning
      ? `- Cores: in the typing cases (and the profile), every server process ran on CPU ${meta.pinning.server} and the load generator on CPU ${meta.pinning.generator} (\`taskset\`, bench/pinning.ts); the other scenarios ran on any core, as capacity on this machine is what they measure. ` +
        'Unpinned, the scheduler moved the idle generator onto the server\'s core, and every write of a relay then waited for the generator to handle the previous one there ' +
        '(40–56 µs a write instead of 7 µs for the first ten sockets): it penalised whichever server started writing a fraction of a millisecond later, which says nothing about serving people on other machines.'
      : meta.pinning === null
        ? `- Cores: servers and the load generator ran on any core (${meta.pinningNote ?? 'not pinned'}).`
        : '- Cores: servers and the load generator ran on any core (this run predates pinning).',
    ...(meta.reruns ?? []).map(
      (r) => `- Re-run and merged in: ${r.scenarios.join(', ')} (${r.servers.join(', ')}) at ${r.date.slice(11, 16)} UTC by \`${r.command.replace(/ --reason=.*$/, ' --reason=…')}\`, because ${r.reason}.`,
    ),
    `- Repository at \`${meta.git.commit}\`${meta.git.dirtyFiles ? ` with ${meta.git.dirtyFiles} uncommitted change(s) under server/ and shared/ (the working tree was measured)` : ''}.`,
    `- Versions: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '- Servers, each a child process of the benchmark started fresh (fresh store in a temporary directory) for every case, stopped by PID; ' +
      'the servers take turns case by case, in a rotating order:',
    '  - **Yigao**: `node --no-memory-reducer dist-server/index.js`, the server as `npm start` runs it (compiled by `scripts/buildServer.mjs`; the profile below runs the TypeScript sources through tsx instead, so that it names files and functions), SQLite store; every edit committed before it is relayed and acknowledged. ' +
      `Settings: ROOM_IDLE_SECONDS=${plan.roomIdleSeconds}; MAX_CONNECTIONS_PER_USER, MAX_CONNECTIONS_PER_DOCUMENT, MESSAGES_PER_SECOND, ` +
      'AWARENESS_PER_SECOND and REGISTRATIONS_PER_HOUR raised out of the way; everything else at its default (COMPACT_AFTER_UPDATES=500, LOG_LEVEL=warn)' +
      (run.stock?.length ? '. In the stock-provider cases (section 1b) only REGISTRATIONS_PER_HOUR is raised, and every person has an account of their own.' : '.'),
    '  - **reference**: `node node_modules/@y/websocket-server/src/server.js` with `YPERSISTENCE` (LevelDB): stores each update after relaying it.',
    '  - **Hocuspocus**: `@hocuspocus/server` with `@hocuspocus/extension-sqlite` at their defaults (the document is stored 2 s after the last change, at most every 10 s). ' +
      'It declares `engines.node >= 22`; on this Node 20 it installed with a warning and ran every scenario below.',
    '  - Every server process also gets `--expose-gc` and a preload (`bench/servers/gcOnSignal.mjs`) that collects garbage on SIGUSR2 and reports `process.memoryUsage()`, so memory is compared after a full collection on all alike.',
    '- CPU is the server process\'s user + system time from `/proc/<pid>/stat` over the measured stretch ("% of a core"); peak RSS is `VmHWM` from `/proc/<pid>/status`.',
    '- Load generator (`bench/client/`): one Node process, real WebSocket clients (`ws`) speaking each server\'s protocol: for Yigao and the reference, y-websocket ' +
      '(sync step 1/2, updates, awareness; Yigao\'s clients connect with `?ack=1` like the editor); for Hocuspocus its own framing (document name before each message, ' +
      'authentication first)' +
      (meta.hocuspocusWireCheck ? `; before the run, a light client and \`@hocuspocus/provider\` edited one Hocuspocus document together: ${meta.hocuspocusWireCheck}` : '') +
      '. A client is a Y.Doc edited the way Tiptap\'s binding does: paragraph XmlElements holding ' +
      'XmlText in the `default` fragment, 1–3 characters typed at the caret, sometimes replacing one, sometimes Enter, and the caret sent as presence with every edit. ' +
      'Every edit is identified by its sender\'s client id and clock and timestamped when sent; ' +
      (meta.receivers === 'deferred'
        ? 'a receiver has it when an update reaching that clock arrives with nothing of the sender missing before it (its header read with `Y.parseUpdateMeta`, the frame timestamped as it is read), ' +
          'and integrates what it received in one transaction before its person\'s next keystroke (and before anything reads the replica): the generator plays dozens of people on one core, ' +
          'who would each integrate on their own machine, and a transaction per received update had been most of its time. Lost edits and convergence are read from the replicas themselves at the end.'
        : 'a receiver records it when its state vector reaches that clock (each received update applied at once).') +
      (missingFlags === null
        ? ''
        : missingFlags.length === 0
          ? ` The generator's Node runs with \`${meta.generatorNodeFlags!.join(' ')}\` (bench/generatorFlags.ts): it holds a replica for every simulated person, and what they take in outlives its young generation; collected in a few large pauses (4–16 ms at 1×50, its helper threads only queuing on its one core), that garbage held every server\'s deliveries back longer than any server took to relay them, and small collections on one thread keep each pause short (findings, item 35).`
          : ` The generator's Node ran without \`${missingFlags.join(' ')}\`, which \`npm run bench\` gives it (bench/generatorFlags.ts): its own garbage collections, pauses of up to 16 ms at 1×50, are in every latency figure of this run (findings, item 35).`),
    '',
  );

  // Headline
  const intervals = new Map<string, Partial<Record<ServerName, string>>>();
  const intervalsOf = (spec: (typeof plan.typing)[number]) => {
    const key = caseLabel(spec);
    if (!intervals.has(key)) intervals.set(key, p99Intervals(run.typing.filter((t) => sameCase(t.case, spec)), servers));
    return intervals.get(key)!;
  };
  const headline: Row[] = [];
  for (const spec of plan.scenarios.includes('typing') ? plan.typing : []) {
    const pooled = poolTyping(run.typing.filter((t) => sameCase(t.case, spec)), servers);
    headline.push({
      label: `typing ${caseLabel(spec)}: propagation p99 (ms)${roundsNote(pooled)}`,
      values: by(pooled, (i) => i.latencyMs.p99),
      format: ms,
      ratioNote: intervalsOf(spec),
    });
  }
  headline.push(...stockHeadline(run));
  const history = run.coldOpen.filter((c) => c.case.document.startsWith('history'));
  if (history.length) headline.push({ label: `cold open, ${history[0].case.document}: whole state (ms, p50)`, values: by(history, (i) => i.p50ToWholeStateMs), format: ms });
  if (history.length) headline.push({ label: `cold open, ${history[0].case.document}: bytes to the client`, values: by(history, (i) => i.bytesReceived), format: int });
  const biggest = Math.max(0, ...run.manyDocs.map((m) => m.case.documents));
  const many = run.manyDocs.filter((m) => m.case.documents === biggest);
  if (many.length) {
    headline.push({ label: `${biggest} open documents: RSS per document (KB)`, values: by(many, (i) => i.perOpenDocumentBytes), format: kb });
    headline.push({ label: `${biggest} open documents: heap per document (KB)`, values: by(many, (i) => i.perOpenDocumentHeapBytes), format: kb });
  }
  if (run.connections.length)
    headline.push({
      label: `editors held with p99 ≤ ${plan.connections.p99TargetMs} ms (higher is better)`,
      values: by(run.connections, (c) => c.maxEditorsWithinTarget),
      display: Object.fromEntries(run.connections.map((c) => [c.server, `${c.maxEditorsWithinTarget}${c.limitNotReached ? '+' : ''}`])),
      format: int,
    });
  const scaleOut = run.scaleOut ?? [];
  for (const spec of plan.scaleOut ?? []) {
    const one = scaleOut.find((r) => r.instances === 1 && sameCase(r.case, spec));
    const two = scaleOut.find((r) => r.instances === 2 && sameCase(r.case, spec));
    if (!one && !two) continue;
    headline.push({
      label: `typing across two instances (PostgreSQL + Redis) ${caseLabel(spec)}: propagation p99, one → two instances (ms)`,
      values: { yigao: two?.latencyMs.p99 },
      display: { yigao: `${one ? ms(one.latencyMs.p99) : '–'} → ${two ? ms(two.latencyMs.p99) : '–'} (${ratio(two?.latencyMs.p99, one?.latencyMs.p99)})` },
      format: ms,
      noRatio: true,
    });
  }
  const everyTyping = [...run.typing, ...(run.stock ?? []), ...run.connections, ...scaleOut];
  const lost = (name: ServerName) =>
    everyTyping.filter((r) => r.server === name).reduce((n, r) => n + r.lostEdits, 0);
  headline.push({ label: 'edits lost, all runs', values: Object.fromEntries(servers.map((s) => [s, lost(s)])), format: int, noRatio: true });
  const converged = (name: ServerName) => everyTyping.filter((r) => r.server === name).every((r) => r.converged);
  headline.push({ label: 'replicas converged, all runs', values: Object.fromEntries(servers.map((s) => [s, converged(s)])), format: int, noRatio: true });
  push('## Summary', '', table(servers, headline), '');

  // Typing
  if (run.typing.length) {
    const rounds = plan.typingRounds ?? 1;
    const later = (plan.laterRoundServers ?? servers).filter((s) => servers.includes(s));
    push(
      '## 1. Typing',
      '',
      `Each case: D documents × C people, each typing at R edits per second (uniformly jittered) for ${plan.typing[0].seconds} s after ${plan.typing[0].warmupSeconds} s unmeasured. ` +
        (rounds > 1
          ? `The cases ran in ${rounds} rounds, one after the other, each case's servers taking turns in a rotating order` +
            (later.length < servers.length ? ` (${servers.filter((s) => !later.includes(s)).map((s) => TITLES[s]).join(', ')} in the first round only)` : '') +
            ': a case\'s figures pool every round\'s samples, and the p99 of each round is shown beside them. '
          : '') +
        (plan.generatorWarmup
          ? `Before the first case, the load generator typed ${caseLabel(plan.generatorWarmup)} for ${plan.generatorWarmup.warmupSeconds + plan.generatorWarmup.seconds} s against ` +
            (meta.warmedUpAgainst
              ? `${meta.warmedUpAgainst.map((s) => (s === 'reference' ? 'the reference server' : TITLES[s])).join(', then ')}, not measured: no server's first measured run is the generator's first contact with it. `
              : `${plan.servers.includes('reference') ? 'the reference server' : TITLES[plan.servers[0]]}, not measured: whichever server went first otherwise met the generator and the machine cold. `)
          : '') +
        (meta.generatorCollects
          ? 'Before every measured stretch the server and the load generator itself each make a full garbage collection, so that neither collects the runs before it in the middle of this one. '
          : '') +
        'Propagation is from an edit\'s send to its arrival at each other person in the document (every edit × every receiver is a sample). ' +
        'Beside the ratio of the p99s, in brackets, is its 90 % interval: both servers\' rounds resampled 400 times in blocks of a quarter of a second ' +
        '(a stall of the host delays every delivery in its few milliseconds alike, so neighbouring samples are not independent; bench/interval.ts). ' +
        'Where the interval holds 1, the run cannot tell the two p99s apart. ' +
        'Lost edits are edits some receiver never got; "converged" means every replica and a fresh client loading from the server afterwards hold the same body, ' +
        'and "server has all" that the fresh client has every edit. Yigao\'s acknowledgement latency is from sending an edit to the acknowledgement that it is stored. ' +
        'Server CPU is per round; peak RSS is the highest of the measured stretches (the kernel\'s peak counter reset as each began).',
      '',
    );
    for (const spec of plan.typing) {
      const items = poolTyping(run.typing.filter((t) => sameCase(t.case, spec)), servers);
      if (!items.length) continue;
      push(`### ${caseLabel(spec)}`, '');
      push(
        table(servers, [
          ...latencyRows(items, 'propagation').map((row) =>
            row.label === 'propagation p99 (ms)' ? { ...row, ratioNote: intervalsOf(spec) } : row,
          ),
          ...(items.some((i) => i.rounds > 1)
            ? [
                {
                  label: 'propagation p99 of each round (ms)',
                  values: by(items, (i) => median(i.roundP99Ms)),
                  display: Object.fromEntries(items.map((i) => [i.server, i.roundP99Ms.map(ms).join(' · ')])),
                  format: ms,
                  noRatio: true,
                },
                { label: 'propagation p99, median of the rounds (ms)', values: by(items, (i) => median(i.roundP99Ms)), format: ms },
                { label: 'rounds', values: by(items, (i) => i.rounds), format: int, noRatio: true },
              ]
            : []),
          { label: 'samples (edit × receiver)', values: by(items, (i) => i.latencyMs.count), format: int, noRatio: true },
          { label: 'edits sent', values: by(items, (i) => i.editsSent), format: int, noRatio: true },
          { label: 'edits lost', values: by(items, (i) => i.lostEdits), format: int, noRatio: true },
          { label: 'converged', values: by(items, (i) => i.converged), format: int, noRatio: true },
          { label: 'server has all', values: by(items, (i) => i.serverHasAll), format: int, noRatio: true },
          { label: 'acknowledged as stored p50 (ms)', values: by(items, (i) => i.ackLatencyMs?.p50 ?? null), format: ms, noRatio: true },
          { label: 'acknowledged as stored p99 (ms)', values: by(items, (i) => i.ackLatencyMs?.p99 ?? null), format: ms, noRatio: true },
          ...meterRows(items),
        ]),
        '',
      );
    }
  }

  push(...renderStock(run));

  // Profile
  if (run.profile) {
    const { summary, run: profiled } = run.profile;
    push(
      '## Where Yigao spends its CPU (profile)',
      '',
      `\`node --cpu-prof\` on the Yigao process during a separate typing run of ${caseLabel(profiled.case)} (not one of the measured runs above; ` +
        `propagation p50 ${ms(profiled.latencyMs.p50)} ms / p99 ${ms(profiled.latencyMs.p99)} ms under the profiler). ` +
        `Only the measured stretch counts (not start-up, sign-in or connecting). ` +
        `The process was busy ${(summary.busyMs / 1000).toFixed(1)} s of ${(summary.totalMs / 1000).toFixed(1)} s; shares are of the busy time. ` +
        `Garbage collection: ${(summary.garbageCollectorShare * 100).toFixed(1)}%. Profile: \`${summary.file}\`.`,
      '',
      '| by module (self time) | ms | share |',
      '| --- | ---: | ---: |',
      ...summary.topModules.map((e) => `| ${e.name} | ${e.ms.toFixed(0)} | ${(e.share * 100).toFixed(1)}% |`),
      '',
      '| by function (self time) | ms | share |',
      '| --- | ---: | ---: |',
      ...summary.topSelf.map((e) => `| \`${e.name}\` | ${e.ms.toFixed(0)} | ${(e.share * 100).toFixed(1)}% |`),
      '',
      '| Yigao\'s own functions (with what they call) | ms | share |',
      '| --- | ---: | ---: |',
      ...summary.topOwnInclusive.map((e) => `| \`${e.name}\` | ${e.ms.toFixed(0)} | ${(e.share * 100).toFixed(1)}% |`),
      '',
      'The longest stretches in which the event loop never went idle (every edit arriving meanwhile waits), with the innermost of Yigao\'s own functions running in them:',
      '',
      '| stall | at | what ran (share of the stall) |',
      '| ---: | ---: | --- |',
      ...(summary.stalls ?? []).map(
        (st) => `| ${st.ms.toFixed(0)} ms | ${st.atSeconds.toFixed(1)} s | ${st.top.map((e) => `\`${e.name}\` ${(e.share * 100).toFixed(0)}%`).join(', ')} |`,
      ),
      '',
    );
  }
  if (findings) push(findings.trim(), '');

  // Cold open
  if (run.coldOpen.length) {
    push(
      '## 2. Cold open',
      '',
      'The document\'s history is sent to the server one update per message (as editors sent it), the server is stopped (SIGTERM) with its store on disk, ' +
        `and each of ${plan.coldOpen.opens} opens starts a fresh server process on a copy of that store; a fresh client then connects. ` +
        '"Whole state" is from opening the socket to the arrival of the frame that completed the document; "applied" adds the client applying it. ' +
        'Bytes are everything the client received until then.',
      '',
    );
    for (const document of [...new Set(run.coldOpen.map((c) => c.case.document))]) {
      const items = run.coldOpen.filter((c) => c.case.document === document);
      push(`### ${document}`, '');
      push(
        table(servers, [
          { label: 'updates in the history', values: by(items, (i) => i.updatesSent), format: int, noRatio: true },
          { label: 'whole state on the wire, p50 (ms)', values: by(items, (i) => i.p50ToWholeStateMs), format: ms },
          { label: 'whole state, first open (ms)', values: by(items, (i) => i.firstToWholeStateMs), format: ms },
          { label: 'applied by the client, p50 (ms)', values: by(items, (i) => i.p50ToAppliedMs), format: ms },
          { label: 'bytes received', values: by(items, (i) => i.bytesReceived), format: int },
          { label: 'opens complete', values: by(items, (i) => `${i.opens.filter((o) => o.complete).length} of ${i.opens.length}`), format: int, noRatio: true },
          { label: 'store on disk (KB)', values: by(items, (i) => i.storeBytes), format: kb },
          { label: 'taking in the history (s)', values: by(items, (i) => i.buildSeconds), format: sec },
          { label: 'stopping after it (s)', values: by(items, (i) => (i.stop ? i.stop.ms / 1000 : null)), format: sec, noRatio: true },
        ]),
        '',
      );
      for (const item of items) {
        item.opens.forEach((o, n) => {
          if (o.failure) push(`- ${TITLES[item.server]}, open ${n + 1}: ${o.failure.replace(/\s+/g, ' ').replace(/token=[^&\s]+/g, 'token=…')}`);
        });
        if (item.stop?.killed) push(`- ${TITLES[item.server]} did not exit within the grace time after SIGTERM and was killed.`);
      }
      if (items.some((i) => i.opens.some((o) => o.failure) || i.stop?.killed)) push('');
    }
  }

  // Many docs
  if (run.manyDocs.length) {
    push(
      '## 3. Many documents',
      '',
      `N documents open at once, one client each, ~${Math.round(plan.manyDocs.bytesPerDocument / 1000)} KB of text written into each a paragraph at a time. ` +
        'Memory is read after a full collection: with every document open, and again after every client left and ' +
        `${plan.manyDocs.unloadWaitSeconds} s passed (Yigao unloads a room ${plan.roomIdleSeconds} s after its last client; the peers on the last leave). ` +
        '"Per document" is above the baseline (the server started, documents created, nothing open), divided by N. ' +
        'RSS includes what the allocators keep after freeing; the heap figure (V8 heap used + external) shows what the server still holds.',
      '',
    );
    for (const documents of plan.manyDocs.documents) {
      const items = run.manyDocs.filter((m) => m.case.documents === documents);
      if (!items.length) continue;
      push(`### ${documents} documents`, '');
      push(
        table(servers, [
          { label: 'RSS per open document (KB)', values: by(items, (i) => i.perOpenDocumentBytes), format: kb },
          { label: 'RSS per document after unload (KB)', values: by(items, (i) => i.retainedPerDocumentBytes), format: kb },
          { label: 'heap per open document (KB)', values: by(items, (i) => i.perOpenDocumentHeapBytes), format: kb },
          { label: 'heap per document after unload (KB)', values: by(items, (i) => i.retainedPerDocumentHeapBytes), format: kb },
          { label: 'RSS baseline (MB)', values: by(items, (i) => i.baselineRssBytes), format: mb },
          { label: 'RSS, all open (MB)', values: by(items, (i) => i.openRssBytes), format: mb },
          { label: 'RSS after unload (MB)', values: by(items, (i) => i.afterLeaveRssBytes), format: mb },
          { label: 'heap baseline (MB)', values: by(items, (i) => i.baselineHeapBytes), format: mb },
          { label: 'heap, all open (MB)', values: by(items, (i) => i.openHeapBytes), format: mb },
          { label: 'heap after unload (MB)', values: by(items, (i) => i.afterLeaveHeapBytes), format: mb },
          { label: 'peak RSS (MB)', values: by(items, (i) => i.peakRssBytes), format: mb },
          { label: 'opening and filling all (s)', values: by(items, (i) => i.openSeconds), format: sec },
        ]),
        '',
      );
    }
  }

  // Export
  if (run.export.length) {
    const e = run.export[0];
    push(
      '## 4. Export (Yigao only)',
      '',
      `DOCX of a ${e.case.pages}-page summary (${e.characters} characters, headings and paragraphs) through ` +
        '`GET /api/documents/:id/export?format=docx&version=current`, one request at a time, timed at the client until the whole file arrived.',
      '',
      '| runs | first (ms) | p50 (ms) | min (ms) | max (ms) | DOCX bytes |',
      '| ---: | ---: | ---: | ---: | ---: | ---: |',
      `| ${e.timesMs.length} | ${ms(e.firstMs)} | ${ms(e.p50Ms)} | ${ms(Math.min(...e.timesMs))} | ${ms(Math.max(...e.timesMs))} | ${e.docxBytes} |`,
      '',
    );
  }

  // Connections
  if (run.connections.length) {
    const c = plan.connections;
    push(
      '## 5. Connections',
      '',
      `Editors are added in documents of ${c.editorsPerDocument}, each typing ${c.editsPerSecond} edit/s with the caret as presence; after each step ` +
        `(${c.steps.join(', ')} editors) and 1 s to settle, propagation is measured for ${c.stepSeconds} s. The run stops at the first step whose p99 is over ` +
        `${c.p99TargetMs} ms (a step over it is measured once more first, and the second window decides, since the machine is shared). The generator shares the two cores: its CPU and event-loop delay are in the table, and at the top steps it is part of what is measured.`,
      '',
    );
    push(
      table(servers, [
        {
          label: `editors held with p99 ≤ ${c.p99TargetMs} ms (higher is better)`,
          values: by(run.connections, (r) => r.maxEditorsWithinTarget),
          format: (v) => int(v),
        },
        {
          label: 'stopped by the target (not by the last step)',
          values: {},
          display: Object.fromEntries(run.connections.map((r) => [r.server, r.limitNotReached ? 'no: more not tried' : 'yes'])),
          format: int,
          noRatio: true,
        },
        { label: 'edits lost', values: by(run.connections, (r) => r.lostEdits), format: int, noRatio: true },
        { label: 'converged', values: by(run.connections, (r) => r.converged), format: int, noRatio: true },
      ]),
      '',
      '| server | editors | p50 (ms) | p99 (ms) | p99 of a first window over the target (ms) | max (ms) | server CPU (% of a core) | generator CPU | generator loop delay p99 (ms) | others |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    );
    for (const r of run.connections) {
      for (const s of r.steps) {
        push(
          `| ${TITLES[r.server]} | ${s.editors} | ${ms(s.latencyMs.p50)} | ${s.withinTarget ? '' : '**'}${ms(s.latencyMs.p99)}${s.withinTarget ? '' : '**'} | ` +
            `${s.firstTryP99Ms == null ? '' : ms(s.firstTryP99Ms)} | ${ms(s.latencyMs.max)} | ` +
            `${pct(s.meter.serverCpuPercent)} | ${pct(s.meter.generatorCpuPercent)} | ${ms(s.meter.generatorLoopDelayP99Ms)} | ${pct(s.meter.othersCpuPercent)} |`,
        );
      }
    }
    push('');
  }

  if (scaleOut.length) {
    const first = scaleOut[0];
    push(
      '## Typing across two instances (PostgreSQL + Redis)',
      '',
      'Yigao scaled out as the README\'s "Scaled out" section describes: two instances (`DATABASE_URL` on the local PostgreSQL, `REDIS_URL` on the local Redis), ' +
        'against one instance on the same PostgreSQL and Redis, the two taking turns case by case in a rotating order. ' +
        'Each run has a store of its own: a fresh `DATABASE_SCHEMA` (`bench_<random>`) and `REDIS_PREFIX`, the schema dropped afterwards; the instances start one after the other (the first creates the schema). ' +
        'On two instances the typing clients alternate: client i (document by document) connects to instance i mod 2, so each document\'s people are split between the instances and an edit ' +
        'reaches half of them through the other instance (committed in PostgreSQL, published on Redis, applied and relayed there). ' +
        `The clients, edits, measures and checks are the typing scenario's (${first.case.seconds} s measured after ${first.case.warmupSeconds} s unmeasured); ` +
        '"converged" and "server has all" are checked by a fresh client on each instance. Server CPU and RSS are both instances summed; ' +
        'PostgreSQL and Redis run on the same machine and count among "others". The ratio is two instances / one instance.',
      '',
    );
    const cases = (plan.scaleOut ?? []).filter((spec) => scaleOut.some((r) => sameCase(r.case, spec)));
    for (const spec of cases) {
      const items = scaleOut.filter((r) => sameCase(r.case, spec));
      const one = items.find((r) => r.instances === 1);
      const two = items.find((r) => r.instances === 2);
      const rows: Array<{ label: string; pick: (r: ScaleOutResult) => Value; format: (v: number) => string; noRatio?: boolean }> = [
        ...(['p50', 'p95', 'p99', 'max'] as const).map((p) => ({ label: `propagation ${p} (ms)`, pick: (r: ScaleOutResult) => r.latencyMs[p], format: ms })),
        { label: 'acknowledged as stored p50 (ms)', pick: (r) => r.ackLatencyMs?.p50, format: ms },
        { label: 'acknowledged as stored p99 (ms)', pick: (r) => r.ackLatencyMs?.p99, format: ms },
        { label: 'samples (edit × receiver)', pick: (r) => r.latencyMs.count, format: int, noRatio: true },
        { label: 'edits sent', pick: (r) => r.editsSent, format: int, noRatio: true },
        { label: 'edits lost', pick: (r) => r.lostEdits, format: int, noRatio: true },
        { label: 'converged', pick: (r) => r.converged, format: int, noRatio: true },
        { label: 'server has all', pick: (r) => r.serverHasAll, format: int, noRatio: true },
        { label: 'clients per instance', pick: (r) => r.clientsPerInstance.join(' + '), format: int, noRatio: true },
        { label: 'server CPU, instances summed (s)', pick: (r) => r.meter.serverCpuSeconds, format: sec },
        { label: 'server CPU, instances summed (% of a core)', pick: (r) => r.meter.serverCpuPercent, format: pct },
        { label: `server peak RSS ${one?.meter.peakRssSinceStart === false ? 'while typing' : 'since start'}, instances summed (MB)`, pick: (r) => r.meter.serverPeakRssBytes, format: mb },
        { label: 'generator CPU (% of a core)', pick: (r) => r.meter.generatorCpuPercent, format: pct, noRatio: true },
        { label: 'generator event-loop delay p99 (ms)', pick: (r) => r.meter.generatorLoopDelayP99Ms, format: ms, noRatio: true },
        { label: 'others on the machine, PostgreSQL and Redis included (% of a core)', pick: (r) => r.meter.othersCpuPercent, format: pct, noRatio: true },
      ];
      push(
        `### ${caseLabel(spec)}`,
        '',
        '| | one instance | two instances | two / one |',
        '| --- | ---: | ---: | ---: |',
        ...rows.map((row) => {
          const a = one ? row.pick(one) : null;
          const b = two ? row.pick(two) : null;
          return `| ${row.label} | ${cell(a, row.format)} | ${cell(b, row.format)} | ${row.noRatio ? '' : ratio(b, a)} |`;
        }),
        '',
      );
    }
  }

  if (run.errors.length) {
    push('## Errors', '', ...run.errors.map((e) => `- ${e.scenario} · ${e.case} · ${TITLES[e.server]}: ${e.message.split('\n')[0].replace(/token=[^&\s]+/g, 'token=…')}`), '');
  }
  return out.join('\n');
}
