// Preloaded into every server under test (started with --expose-gc): on
// SIGUSR2 it runs a full garbage collection and writes process.memoryUsage()
// to BENCH_MEMORY_FILE, so memory is compared after collection on every
// server alike. Plain JavaScript because the reference server runs without tsx.
import fs from 'node:fs';

process.on('SIGUSR2', () => {
  globalThis.gc?.();
  const file = process.env.BENCH_MEMORY_FILE;
  if (file) fs.writeFileSync(file, JSON.stringify(process.memoryUsage()));
});
