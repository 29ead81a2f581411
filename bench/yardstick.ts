// How fast this machine is right now, in the work a collaboration server
// does: one core applying a fixed history of small Yjs edits, in a child
// process of its own (a fresh V8, nothing else running in it). Taken at the
// start and the end of a run, so runs on other days, or a run the host slowed
// down half-way, can be told apart from changes in the servers.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './stats.js';

export interface Yardstick {
  /** Applying the fixed history to a fresh document, median of the repetitions (ms). */
  medianMs: number;
  /** The fastest repetition (ms): the machine with the least interference. */
  fastestMs: number;
  repetitions: number;
  edits: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/** Runs the measurement in a child process. */
export function measureYardstick(edits = 20_000, repetitions = 7): Yardstick {
  const script = path.join(here, 'yardstickChild.ts');
  const out = execFileSync(process.execPath, ['--import', 'tsx', script, String(edits), String(repetitions)], { encoding: 'utf8', cwd: path.join(here, '..') });
  const times = JSON.parse(out.trim().split('\n').pop()!) as number[];
  return { medianMs: median(times), fastestMs: Math.min(...times), repetitions, edits };
}
