// Browser tests run against the built client: build it once before them, so a
// stale or missing dist/ can never make them pass or skip silently.
import path from 'node:path';
import { build } from 'vite';

export default async function setup(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../..');
  // Vitest sets NODE_ENV=test, which would give React's development build: the
  // tests must see (and leave behind, for `npm start`) the production one.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
