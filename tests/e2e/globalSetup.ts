// Browser tests run against the built client: build it once before them, so a
// stale or missing dist/ can never make them pass or skip silently.
import path from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
}
