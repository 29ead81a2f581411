// The service worker, built to /sw.js by serviceWorkerPlugin.ts: keeps the app
// shell and the last good answers of a few API reads, so that a reload without
// a network still opens the editor on what IndexedDB holds. Never touches
// writes or the collaboration socket.
import { API_CACHE, CACHE_PREFIX, shellCacheName } from './cacheNames.js';
import { apiReadsOfPage, cacheRouteOf, type CacheRoute } from './requestRoutes.js';
import { apiRead, appShell, cachedAsset, warmApiCache } from './strategies.js';
import type { ServiceWorkerScope } from './workerTypes.js';

// Filled in at build time (serviceWorkerPlugin.ts): the build's identity and the files of its app shell.
declare const __YIGAO_BUILD_ID__: string;
declare const __YIGAO_PRECACHE__: readonly string[];

const worker = self as unknown as ServiceWorkerScope;
const shellCache = shellCacheName(__YIGAO_BUILD_ID__);

async function precache(): Promise<void> {
  const cache = await caches.open(shellCache);
  // Revalidated, not taken from the HTTP cache: index.html must be this build's.
  await cache.addAll(__YIGAO_PRECACHE__.map((url) => new Request(url, { cache: 'no-cache' })));
}

async function removeOldCaches(): Promise<void> {
  const keep = new Set([shellCache, API_CACHE]);
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && !keep.has(name)).map((name) => caches.delete(name)));
}

/** The API reads of the pages just taken over, which they made before there was a worker to keep them. */
async function warmTakenOverPages(): Promise<void> {
  const pages = await worker.clients.matchAll({ type: 'window' });
  await warmApiCache(new Set(pages.flatMap((page) => apiReadsOfPage(new URL(page.url).pathname))));
}

function answer(route: CacheRoute, request: Request): Promise<Response> {
  switch (route) {
    case 'appShell':
      return appShell(request, shellCache);
    case 'asset':
      return cachedAsset(request, shellCache);
    case 'apiRead':
      return apiRead(request);
  }
}

// A new build takes over at once: its index.html and assets are all cached by
// then, and the server no longer has the old build's files anyway.
worker.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => worker.skipWaiting()));
});

worker.addEventListener('activate', (event) => {
  event.waitUntil(
    removeOldCaches()
      .then(() => worker.clients.claim())
      .then(warmTakenOverPages),
  );
});

worker.addEventListener('fetch', (event) => {
  const route = cacheRouteOf(event.request, worker.location.origin);
  if (route) event.respondWith(answer(route, event.request));
});
