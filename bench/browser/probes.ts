// What the benchmark installs in every page before the page's own scripts
// (context.addInitScript), the same for both stacks, measuring from inside
// the page rather than from Node, whose round trips over CDP would be in
// every figure:
// - a keystroke's latency: from its `beforeinput` event's timestamp to the
//   first task after the next animation frame (requestAnimationFrame, then
//   setTimeout 0): by then everything the keystroke ran synchronously (the
//   editor's transaction, its plugins, the view update) is done and the frame
//   holding it painted;
// - on an observer's page, when the count of typed characters in the typist's
//   line changes, timed the same way (a MutationObserver, then a frame);
// - long tasks (PerformanceObserver 'longtask').
// Times are performance.timeOrigin + performance.now(): the system clock at
// sub-millisecond resolution, comparable between two browsers on one machine.

export interface KeySample {
  /** When the browser made the input event (ms, epoch). */
  sent: number;
  /** The first task after the frame that followed it (ms, epoch). */
  painted: number;
  inputType: string;
}

export interface SeenSample {
  /** Typed characters in the watched line. */
  count: number;
  /** The first task after the frame that showed them (ms, epoch). */
  at: number;
}

export interface Probe {
  recording: boolean;
  keys: KeySample[];
  seen: SeenSample[];
  /** [startTime, duration] of every long task since the page loaded (ms, page time). */
  longTasks: Array<[number, number]>;
  /** Starts recording `seen` for the paragraph holding `marker`, counting the characters of `alphabet` in it. */
  watch(marker: string, alphabet: string): void;
}

/** The init script (self-contained: Playwright sends its source to the page). */
export function installProbe(): void {
  const abs = (t: number) => performance.timeOrigin + t;
  const afterFrame = (then: (at: number) => void) => requestAnimationFrame(() => setTimeout(() => then(abs(performance.now())), 0));
  const probe: Probe = {
    recording: false,
    keys: [],
    seen: [],
    longTasks: [],
    watch(marker, alphabet) {
      const editor = document.querySelector('.ProseMirror');
      if (!editor) throw new Error('no editor on the page');
      let line: Element | null = null;
      const count = () => {
        if (!line?.isConnected) line = [...editor.querySelectorAll('p')].find((p) => p.textContent?.includes(marker)) ?? null;
        let n = 0;
        // Other people's caret labels sit inside the line too: only the typed alphabet counts.
        for (const ch of line?.textContent ?? '') if (alphabet.includes(ch)) n++;
        return n;
      };
      let last = count();
      probe.seen.push({ count: last, at: abs(performance.now()) });
      new MutationObserver(() => {
        const n = count();
        if (n === last) return;
        last = n;
        afterFrame((at) => probe.seen.push({ count: n, at }));
      }).observe(editor, { subtree: true, childList: true, characterData: true });
    },
  };
  (window as unknown as { benchProbe: Probe }).benchProbe = probe;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: none are counted.
  }
  addEventListener(
    'beforeinput',
    (event) => {
      if (!probe.recording) return;
      const sent = abs(event.timeStamp);
      const inputType = event.inputType;
      afterFrame((painted) => probe.keys.push({ sent, painted, inputType }));
    },
    true,
  );
}

/** Resolves, in the page, once the editor is editable and shows the document's last line: when that happened (ms since navigation). */
export function editableWithLastLine(lastLine: string): number | false {
  const editor = document.querySelector('.ProseMirror');
  if (editor?.getAttribute('contenteditable') !== 'true') return false;
  // The last block, or one of the few before it when an editor adds something after the body.
  let block = editor.lastElementChild;
  for (let i = 0; i < 3 && block; i++, block = block.previousElementSibling) if (block.textContent?.includes(lastLine)) return performance.now();
  return false;
}

/**
 * The init script's source. Under tsx, esbuild keeps function names by
 * wrapping them in `__name(…)`, a helper the page lacks: the script brings a
 * stand-in, which the functions evaluated later in the page use too. (Init
 * scripts run whatever the page's Content-Security-Policy, which forbids
 * evaluating strings: everything else is passed as functions.)
 */
export const probeScript = (): string => `globalThis.__name = globalThis.__name || ((f) => f); (${installProbe.toString()})();`;
