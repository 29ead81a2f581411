// Entry point: wires signals and listens. Everything else is in createServer.
import { loadConfig } from './config.js';
import { createServer } from './createServer.js';

const config = loadConfig(process.env);
const server = await createServer(config);
const { url } = await server.listen();
server.logger.info({ url, dataDir: config.dataDir }, `Yigao is serving ${url}`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.logger.info({ signal }, 'shutting down: storing pending changes');
  try {
    await server.close();
    process.exit(0);
  } catch (err) {
    server.logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
