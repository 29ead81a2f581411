// Renders a run as bench/RESULTS.md: absolute numbers for every server with
// Yigao / reference ratios beside them, scenario by scenario. What the
// figures decided is in docs/performance.md.
import { missingGeneratorFlags } from './generatorFlags.js';
import { by, int, kb, mb, ms, pct, sec, table, TITLES, type Row } from './reportTable.js';
import { renderTyping, typingHeadline } from './reportTyping.js';
import type { BenchRun } from './run.js';
import type { ServerName } from './servers/ServerUnderTest.js';

export function renderReport(run: BenchRun): string {
  const { meta, plan } = run;
  const missingFlags = missingGeneratorFlags(meta.generatorNodeFlags ?? []);
  const servers = plan.servers;
  const out: string[] = [];
  const push = (...lines: string[]) => out.push(...lines);

  push(
    '# Benchmark results',
    '',
    `Written by \`${meta.command}\` on ${meta.date.slice(0, 10)} (${meta.date.slice(11, 16)} UTC), in ${Math.floor(meta.durationSeconds / 60)} min ${Math.round(meta.durationSeconds % 60)} s. ` +
      'Every figure comes from the raw file of that run (`bench/raw/`, not committed); rerun the command to reproduce. ' +
      'A ratio is Yigao / reference: below 1 means Yigao took less time or memory. What these figures decided, and why the benchmark is built this way: docs/performance.md.',
    '',
    '## Setup',
    '',
    `- Machine: ${meta.cores} × ${meta.cpuModel}, ${(meta.memoryBytes / 1024 ** 3).toFixed(0)} GiB RAM, ${meta.os}; Node ${meta.node}. ` +
      `Load average at the start: ${meta.loadAverageAtStart.map((l) => l.toFixed(2)).join(' / ')}.`,
    ...(meta.scenarioSeconds && Object.keys(meta.scenarioSeconds).length
      ? [
          `- Time per scenario: ${Object.entries(meta.scenarioSeconds)
            .map(([name, seconds]) => `${name} ${Math.round(seconds ?? 0)} s`)
            .join(', ')}.`,
        ]
      : []),
    '- Each table shows the CPU the other processes on the machine used meanwhile ("others"), so a noisy figure can be told from a slow server.',
    meta.pinning
      ? `- Cores: while typing, every server process ran on CPU ${meta.pinning.server} and the load generator on CPU ${meta.pinning.generator} (\`taskset\`, bench/pinning.ts); ` +
          'the other scenarios ran on any core, as capacity on this machine is what they measure.'
      : `- Cores: servers and the load generator ran on any core (${meta.pinningNote ?? 'not pinned'}).`,
    `- Repository at \`${meta.git.commit}\`${meta.git.dirtyFiles ? ` with ${meta.git.dirtyFiles} uncommitted change(s) under server/ and shared/ (the working tree was measured)` : ''}.`,
    `- Versions: ${Object.entries(meta.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '- Servers, each a child process of the benchmark started fresh (fresh store in a temporary directory) for every case, stopped by PID; the servers take turns case by case, in a rotating order:',
    '  - **Yigao**: `node --no-memory-reducer dist-server/index.js`, the server as `npm run serve` runs it (compiled by `scripts/buildServer.mjs`), SQLite store; every edit stored before it is relayed and acknowledged. ' +
      `Settings: ROOM_IDLE_SECONDS=${plan.roomIdleSeconds}, LOG_LEVEL=warn. While typing, only REGISTRATIONS_PER_HOUR is raised and every person has an account of their own; in the other scenarios, ` +
      'whose light clients put many sockets on one account, MAX_CONNECTIONS_PER_USER, MAX_CONNECTIONS_PER_DOCUMENT, MESSAGES_PER_SECOND and AWARENESS_PER_SECOND are raised out of the way too.',
    '  - **reference**: `node node_modules/@y/websocket-server/src/server.js` with `YPERSISTENCE` (LevelDB): stores each update after relaying it.',
    '  - Every server process also gets `--expose-gc` and a preload (`bench/servers/gcOnSignal.mjs`) that collects garbage on SIGUSR2 and reports `process.memoryUsage()`, so memory is compared after a full collection on both alike.',
    '- CPU is the server process\'s user + system time from `/proc/<pid>/stat` over the measured stretch ("% of a core"); peak RSS is `VmHWM` from `/proc/<pid>/status`.',
    '- Load generator: one Node process. Typing uses stock y-websocket providers (`bench/client/StockPeer.ts`); cold open, many documents and connections use a light client ' +
      "(`bench/client/BenchClient.ts`: a Y.Doc edited the way Tiptap's binding does, speaking y-websocket on `ws`). Every edit is identified by its sender's client id and clock and timestamped when sent. " +
      (missingFlags.length === 0
        ? `The generator's Node runs with \`${meta.generatorNodeFlags.join(' ')}\` (bench/generatorFlags.ts): small collections on one thread keep its own pauses out of the latency.`
        : `**The generator's Node ran without \`${missingFlags.join(' ')}\`**, which \`npm run bench\` gives it (bench/generatorFlags.ts): its own garbage collections are in every latency figure of this run.`),
    '',
  );

  // Summary
  const headline: Row[] = [...typingHeadline(run)];
  const history = run.coldOpen.filter((c) => c.case.document.startsWith('history'));
  if (history.length)
    headline.push({ label: `cold open, ${history[0].case.document}: whole state (ms, p50)`, values: by(history, (i) => i.p50ToWholeStateMs), format: ms });
  if (history.length)
    headline.push({ label: `cold open, ${history[0].case.document}: bytes to the client`, values: by(history, (i) => i.bytesReceived), format: int });
  const biggest = Math.max(0, ...run.manyDocs.map((m) => m.case.documents));
  const many = run.manyDocs.filter((m) => m.case.documents === biggest);
  if (many.length) {
    headline.push({ label: `${biggest} open documents: RSS per document (KB)`, values: by(many, (i) => i.perOpenDocumentBytes), format: kb });
    headline.push({ label: `${biggest} open documents: heap per document (KB)`, values: by(many, (i) => i.perOpenDocumentHeapBytes), format: kb });
  }
  if (run.export.length)
    headline.push({ label: `export: DOCX of ${run.export[0].case.pages} pages (ms, p50)`, values: by(run.export, (i) => i.p50Ms), format: ms, noRatio: true });
  if (run.connections.length)
    headline.push({
      label: `editors held with p99 ≤ ${plan.connections.p99TargetMs} ms (higher is better)`,
      values: by(run.connections, (c) => c.maxEditorsWithinTarget),
      display: Object.fromEntries(run.connections.map((c) => [c.server, `${c.maxEditorsWithinTarget}${c.limitNotReached ? '+' : ''}`])),
      format: int,
    });
  const everyTyping = [...run.typing, ...run.connections];
  const lost = (name: ServerName) => everyTyping.filter((r) => r.server === name).reduce((n, r) => n + r.lostEdits, 0);
  headline.push({ label: 'edits lost, all runs', values: Object.fromEntries(servers.map((s) => [s, lost(s)])), format: int, noRatio: true });
  const converged = (name: ServerName) => everyTyping.filter((r) => r.server === name).every((r) => r.converged);
  headline.push({ label: 'replicas converged, all runs', values: Object.fromEntries(servers.map((s) => [s, converged(s)])), format: int, noRatio: true });
  push('## Summary', '', table(servers, headline), '');

  push(...renderTyping(run));

  // Cold open
  if (run.coldOpen.length) {
    push(
      '## 2. Cold open',
      '',
      "The document's history is sent to the server one update per message (as editors sent it), the server is stopped (SIGTERM) with its store on disk, " +
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
        `${plan.manyDocs.unloadWaitSeconds} s passed (Yigao unloads a room ${plan.roomIdleSeconds} s after its last client; the reference on the last leave). ` +
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

  if (run.errors.length) {
    push(
      '## Errors',
      '',
      ...run.errors.map((e) => `- ${e.scenario} · ${e.case} · ${TITLES[e.server]}: ${e.message.split('\n')[0].replace(/token=[^&\s]+/g, 'token=…')}`),
      '',
    );
  }
  return out.join('\n');
}
