// Builds the bare editor on React (bench/browser/bare/react.html) as the
// vanilla one is built (vite.bare.config.ts), a bundle of its own, into the
// same directory beside it (the caller gives outDir and builds this second).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    emptyOutDir: false,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      input: fileURLToPath(new URL('./bare/react.html', import.meta.url)),
      // @tiptap/react's "use client" means nothing in a bundle: not worth a warning in the benchmark's output
      onwarn: (warning, warn) => {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
