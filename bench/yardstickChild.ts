// The yardstick's work (bench/yardstick.ts): builds a fixed history, then
// times applying it, update by update, to a fresh document, several times.
// Prints the times (ms) as a JSON array on its last line.
import * as Y from 'yjs';
import { longHistory } from './client/histories.js';

const edits = Number(process.argv[2] ?? 20_000);
const repetitions = Number(process.argv[3] ?? 7);
const history = longHistory(edits, 11);
const times: number[] = [];
// One unmeasured pass first: the same JIT state for every measured one.
for (let r = 0; r <= repetitions; r++) {
  const doc = new Y.Doc();
  const started = performance.now();
  for (const update of history.updates) Y.applyUpdate(doc, update);
  const elapsed = performance.now() - started;
  doc.destroy();
  if (r > 0) times.push(elapsed);
}
console.log(JSON.stringify(times));
