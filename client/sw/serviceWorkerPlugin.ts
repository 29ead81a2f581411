// Builds client/sw/serviceWorker.ts into dist/sw.js as part of `vite build`.
// A build of its own (one classic script, no shared chunks: not every browser
// runs module service workers) made once the app's files are known, so that
// the worker knows which files to precache, and a new build of the app always
// gives a new sw.js, which is how browsers learn that there is a new version.
import { createHash } from 'node:crypto';
import { build, type Plugin } from 'vite';

const SW_FILE = 'sw.js';

/** The app shell: index.html and every built file but source maps. */
function precacheList(fileNames: string[]): string[] {
  const assets = fileNames.filter((name) => name.startsWith('assets/') && !name.endsWith('.map')).map((name) => `/${name}`);
  return ['/index.html', ...assets.sort()];
}

export function serviceWorkerPlugin(entry: string): Plugin {
  return {
    name: 'yigao:service-worker',
    apply: 'build',
    // After Vite's own plugins, so that index.html and every chunk are in the bundle.
    enforce: 'post',
    async generateBundle(_options, bundle) {
      const precache = precacheList(Object.keys(bundle));
      // Asset names carry content hashes; index.html is in the bundle by now, its content is hashed too.
      const hash = createHash('sha256').update(precache.join('\n'));
      const index = bundle['index.html'];
      if (index?.type === 'asset') hash.update(index.source);
      const buildId = hash.digest('hex').slice(0, 16);

      const output = await build({
        configFile: false,
        logLevel: 'warn',
        publicDir: false,
        define: {
          __YIGAO_BUILD_ID__: JSON.stringify(buildId),
          __YIGAO_PRECACHE__: JSON.stringify(precache),
        },
        build: {
          write: false,
          copyPublicDir: false,
          emptyOutDir: false,
          minify: true,
          sourcemap: false,
          rolldownOptions: { input: entry, output: { format: 'iife', entryFileNames: SW_FILE } },
        },
      });
      const results = Array.isArray(output) ? output : [output];
      const chunk = results.flatMap((result) => ('output' in result ? result.output : [])).find((file) => file.type === 'chunk');
      if (!chunk || chunk.type !== 'chunk') throw new Error('the service worker build produced no script');
      this.emitFile({ type: 'asset', fileName: SW_FILE, source: chunk.code });
    },
  };
}
