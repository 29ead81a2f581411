// Hocuspocus 4 (its own protocol: frames addressed by document name) with
// the SQLite extension, started from bench/servers/hocuspocusMain.ts.
import { hocuspocusWire } from '../client/wire.js';
import type { BenchDocument, ServerUnderTest, StartOptions } from './ServerUnderTest.js';
import { freePort, ServerProcess } from './ServerProcess.js';

export async function startHocuspocus(options: StartOptions): Promise<ServerUnderTest> {
  const port = await freePort();
  const processHandle = new ServerProcess({
    args: [...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []), '--import', 'tsx', 'bench/servers/hocuspocusMain.ts'],
    env: { PORT: String(port), DATA_DIR: options.dataDir },
    healthUrl: `http://127.0.0.1:${port}/`,
  });
  await processHandle.start();
  let next = 0;
  return {
    name: 'hocuspocus',
    description: '@hocuspocus/server 4.7.0 with @hocuspocus/extension-sqlite 4.7.0 (defaults: store debounced 2 s, max 10 s)',
    get pid() {
      return processHandle.pid;
    },
    async createDocuments(count) {
      return Array.from({ length: count }, () => ({ id: `bench-${next++}` }));
    },
    wire: (document: BenchDocument) => hocuspocusWire(`ws://127.0.0.1:${port}`, document.id),
    get lastStop() {
      return processHandle.lastStop;
    },
    output: () => processHandle.output(),
    sample: () => processHandle.sample(),
    collectGarbage: () => processHandle.collectGarbage(),
    async restart() {
      await processHandle.stop();
      await processHandle.start();
    },
    stop: () => processHandle.stop(),
  };
}
