// Builds the bare page (bench/browser/bare/) as a team would ship it: Vite's
// production build, nothing else. The benchmark writes it into a temporary
// directory (outDir is given by the caller) and serves it statically.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // Source maps as Yigao's build has them, for the CPU profile's attribution (cpuProfile.ts).
  // index.html only: the editor on React (react.html) is a build of its own (vite.bareReact.config.ts)
  build: {
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: { input: fileURLToPath(new URL('./bare/index.html', import.meta.url)) },
  },
});
