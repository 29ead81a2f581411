// The server under test on its own core(s), the load generator on the
// others. Unpinned, on this machine's two virtual cores, the scheduler moves
// the generator onto the server's core whenever the generator has gone idle
// before a relay starts: the server's writes to the generator's sockets then
// wake it there, and each write waits for it (measured: 40–56 µs per write
// for the first ten sockets of a relay instead of 7 µs). That penalises
// whichever server is a fraction of a millisecond later to write, which says
// nothing about serving people on other machines. Pinned, every server gets
// one side of the machine and the generator the other. Only the typing
// scenarios (latency at a light load, where the generator idles between
// edits) are pinned: the capacity scenarios measure what one server does with
// the machine's cores, background threads included, and two instances on one
// core would not be scaling out.
import { execFileSync } from 'node:child_process';
import os from 'node:os';

export interface Pinning {
  /** CPU list (taskset syntax) of every server process. */
  server: string;
  /** CPU list of the load generator (this process). */
  generator: string;
}

/** Splits the machine in two; null (with why) when it cannot. */
export function planPinning(): { pinning: Pinning | null; why: string | null } {
  const cores = os.availableParallelism();
  if (cores < 2) return { pinning: null, why: `only ${cores} core` };
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
  } catch {
    return { pinning: null, why: 'taskset (util-linux) is not installed' };
  }
  const half = Math.floor(cores / 2);
  const range = (from: number, to: number) => (from === to ? String(from) : `${from}-${to}`);
  return { pinning: { server: range(0, half - 1), generator: range(half, cores - 1) }, why: null };
}

/** Pins every thread of this process (the load generator) to its CPUs, or (null) lets it run on any. */
export function pinGenerator(pinning: Pinning | null): void {
  const cpus = pinning?.generator ?? `0-${os.availableParallelism() - 1}`;
  execFileSync('taskset', ['-a', '-cp', cpus, String(process.pid)], { stdio: 'ignore' });
}

let serverCpus: string | null = null;

/** Server processes started from now on run on these CPUs (null: anywhere). */
export function pinServersTo(cpus: string | null): void {
  serverCpus = cpus;
}

/** The command that starts `file` with `args`, on the servers' CPUs when pinned. */
export function serverCommand(file: string, args: string[]): { file: string; args: string[] } {
  return serverCpus === null ? { file, args } : { file: 'taskset', args: ['-c', serverCpus, file, ...args] };
}
