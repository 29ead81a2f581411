// The V8 flags the load generator runs with. It holds a replica for every
// simulated person, and what they take in outlives its young generation: left
// at V8's defaults, it collected in a few pauses of 4–16 ms (at 1×50) on a
// core of its own, where GC helper threads only queue behind the main thread,
// and those pauses held every server's deliveries back longer than any server
// took to relay them. A small young generation collected on one thread keeps
// each pause short (docs/performance.md). The `bench` script of package.json
// passes them; a run records the flags it had.

export const GENERATOR_FLAGS: readonly string[] = ['--max-semi-space-size=2', '--single-threaded-gc'];

/** The V8 and Node flags of `execArgv`, without preloads (`--import tsx`). */
export function v8Flags(execArgv: readonly string[]): string[] {
  const flags: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    if (execArgv[i] === '--import' || execArgv[i] === '--require') i++;
    else if (!/^--(import|require)=/.test(execArgv[i])) flags.push(execArgv[i]);
  }
  return flags;
}

/** Which of GENERATOR_FLAGS `execArgv` lacks. */
export function missingGeneratorFlags(execArgv: readonly string[]): string[] {
  return GENERATOR_FLAGS.filter((flag) => !execArgv.includes(flag));
}
