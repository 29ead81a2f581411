// Hocuspocus 4 (its own protocol: frames addressed by document name) with
// the SQLite extension, started from bench/servers/hocuspocusMain.mjs.
import { hocuspocusWire } from '../client/wire.js';
import { processBacked, type BenchDocument, type ServerUnderTest, type StartOptions } from './ServerUnderTest.js';
import { freePort, ServerProcess } from './ServerProcess.js';

export async function startHocuspocus(options: StartOptions): Promise<ServerUnderTest> {
  const port = await freePort();
  const processHandle = new ServerProcess({
    args: [...(options.cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfileDir}`] : []), 'bench/servers/hocuspocusMain.mjs'],
    env: { PORT: String(port), DATA_DIR: options.dataDir },
    healthUrl: `http://127.0.0.1:${port}/`,
  });
  await processHandle.start();
  let next = 0;
  return processBacked(processHandle, {
    name: 'hocuspocus',
    description: '@hocuspocus/server 4.7.0 with @hocuspocus/extension-sqlite 4.7.0 (defaults: store debounced 2 s, max 10 s)',
    async createDocuments(count) {
      return Array.from({ length: count }, () => ({ id: `bench-${next++}` }));
    },
    wire: (document: BenchDocument) => hocuspocusWire(`ws://127.0.0.1:${port}`, document.id),
  });
}
