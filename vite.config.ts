import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { serviceWorkerPlugin } from './client/sw/serviceWorkerPlugin.js';

// The client lives in client/ and is built into dist/, which the server serves.
// In development (`npm run dev`) Vite proxies the API and the collaboration
// socket to a server started with `npm start` on port 3000. The build also
// writes the service worker, dist/sw.js (client/sw/).
export default defineConfig({
  root: fileURLToPath(new URL('./client', import.meta.url)),
  plugins: [react(), serviceWorkerPlugin(fileURLToPath(new URL('./client/sw/serviceWorker.ts', import.meta.url)))],
  build: {
    outDir: fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // The app's small building blocks that several lazy parts share (the dialog
        // frame, icons, API calls: docs/performance.md) go into one chunk rather
        // than a sub-kilobyte file each, which a page would fetch a score of.
        codeSplitting: {
          groups: [
            { name: 'common', test: /[\\/]client[\\/](components|http|lib|router|session)[\\/]|[\\/]shared[\\/](api|access|ApiError)\.ts$/, minShareCount: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:3000',
      '/healthz': 'http://127.0.0.1:3000',
      '/collab': { target: 'ws://127.0.0.1:3000', ws: true },
    },
  },
});
