// The reference server: @y/websocket-server 0.1.1 (the last release on
// Yjs 13) as its own bin runs it, with its LevelDB persistence on.
import path from 'node:path';
import { yWebsocketWire } from '../client/wire.js';
import { processBacked, type BenchDocument, type ServerUnderTest, type StartOptions } from './ServerUnderTest.js';
import { freePort, ServerProcess } from './ServerProcess.js';

export async function startReference(options: StartOptions): Promise<ServerUnderTest> {
  const port = await freePort();
  const processHandle = new ServerProcess({
    args: ['node_modules/@y/websocket-server/src/server.js'],
    env: { HOST: '127.0.0.1', PORT: String(port), YPERSISTENCE: path.join(options.dataDir, 'leveldb') },
    healthUrl: `http://127.0.0.1:${port}/`,
  });
  await processHandle.start();
  let next = 0;
  return processBacked(processHandle, {
    name: 'reference',
    description: '@y/websocket-server 0.1.1 (bin src/server.js), LevelDB persistence (YPERSISTENCE)',
    async createDocuments(count) {
      return Array.from({ length: count }, () => ({ id: `bench-${next++}` }));
    },
    wire: (document: BenchDocument) => yWebsocketWire(`ws://127.0.0.1:${port}/${document.id}`, 'none'),
  });
}
