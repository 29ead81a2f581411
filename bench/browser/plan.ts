// What `npm run bench:browser` runs: the full plan (the documents of
// 5, 30 and 100 pages, typing on the 100-page one) or, with --quick, a smoke
// run of every kind of measurement at tiny sizes.
import type { TypingCase } from './typing.js';

/** The bare stack's route of the same editor on React (@tiptap/react), beside its vanilla one. */
export const REACT_ROUTE = 'the same editor page on React (@tiptap/react)';

export interface BrowserPlan {
  quick: boolean;
  /** Document sizes opened cold and warm (pages). */
  sizes: number[];
  /** Open each stack's page once, unmeasured, before measuring (the first open of a browser process is slow). */
  warmUp: boolean;
  /** Fresh profiles per size and stack (each a cold open, then a warm one). */
  loadRepeats: number;
  /** The document whose first visit's scripts are counted per route (pages). */
  routePages: number;
  typing: TypingCase[];
  /** Where the report goes: a section of RESULTS.md, or a file of its own. */
  out: string;
}

function typingCases(pages: number, keystrokes: number, crowd: number): TypingCase[] {
  return [
    { pages, input: 'insertText', crowd: 0, keystrokes, remote: false },
    { pages, input: 'ime', crowd: 0, keystrokes, remote: false },
    { pages, input: 'insertText', crowd, keystrokes, remote: false },
    { pages, input: 'ime', crowd, keystrokes, remote: false },
    { pages, input: 'insertText', crowd: 0, keystrokes, remote: true },
    { pages, input: 'insertText', crowd, keystrokes, remote: true },
    { pages, input: 'insertText', crowd, keystrokes, remote: false, profile: true },
    { pages, input: 'insertText', crowd, keystrokes, remote: false, trace: true },
  ];
}

export function fullPlan(): BrowserPlan {
  return { quick: false, warmUp: true, sizes: [5, 30, 100], loadRepeats: 3, routePages: 5, typing: typingCases(100, 200, 10), out: 'bench/RESULTS.md' };
}

/** A smoke run: a small document, a few keystrokes, two people alongside; its report goes to bench/raw/. */
export function quickPlan(): BrowserPlan {
  return {
    quick: true,
    // Its figures are not read: it proves the harness works.
    warmUp: false,
    sizes: [5],
    loadRepeats: 1,
    routePages: 5,
    // Every kind of table once: committed characters seen by a second browser, the IME under the profiler, a trace.
    typing: [
      { pages: 5, input: 'insertText', crowd: 2, keystrokes: 10, remote: true },
      { pages: 5, input: 'ime', crowd: 2, keystrokes: 9, remote: false, profile: true },
      { pages: 5, input: 'insertText', crowd: 2, keystrokes: 10, remote: false, trace: true },
    ],
    out: 'bench/raw/RESULTS-browser-quick.md',
  };
}

export const USAGE = `npm run bench:browser [-- --quick | --report=bench/raw/browser-….json]
  --quick          a smoke run (one 5-page document, a few keystrokes); report in bench/raw/RESULTS-browser-quick.md
  --report=FILE    render the report of a run on file again, running nothing
  Without it: 5-, 30- and 100-page documents, typing on the 100-page one; the report replaces the "Browser" section of bench/RESULTS.md.`;

export function planFromArgs(args: string[]): BrowserPlan {
  for (const arg of args) if (arg !== '--quick') throw new Error(`unknown option ${arg}\n${USAGE}`);
  return args.includes('--quick') ? quickPlan() : fullPlan();
}
