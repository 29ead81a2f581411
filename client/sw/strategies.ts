// How the service worker answers each kind of request it takes (requestRoutes.ts).
import { API_CACHE, SHELL_URL } from './cacheNames.js';

/** What a proxy in front of a stopped server answers: as good as no network. */
const serverUnreachable = (response: Response) => response.status === 502 || response.status === 503 || response.status === 504;

/** Page loads: the server's index.html, or this build's cached one when the server cannot be reached. */
export async function appShell(request: Request, shellCache: string): Promise<Response> {
  const cached = () => caches.match(SHELL_URL, { cacheName: shellCache });
  try {
    const response = await fetch(request);
    return serverUnreachable(response) ? ((await cached()) ?? response) : response;
  } catch (error) {
    const fallback = await cached();
    if (fallback) return fallback;
    throw error;
  }
}

/** Hashed build files: cached ones as they are (in any of our caches, so a page of the previous build still finds its files), else fetched and kept. */
export async function cachedAsset(request: Request, shellCache: string): Promise<Response> {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(shellCache);
    await cache.put(request, response.clone());
  }
  return response;
}

/**
 * The API reads the app needs to open offline: the server's answer when there
 * is one, else the last good (200) answer. An answer saying the session or
 * the access is gone removes what was kept, so it cannot reappear offline.
 */
export async function apiRead(request: Request): Promise<Response> {
  const cache = await caches.open(API_CACHE);
  const cached = () => cache.match(request, { ignoreVary: true });
  let response: Response;
  try {
    response = await fetch(request);
  } catch (error) {
    const fallback = await cached();
    if (fallback) return fallback;
    throw error;
  }
  if (response.status === 200) await cache.put(request, response.clone());
  else if (response.status === 401) await caches.delete(API_CACHE);
  else if (response.status === 403 || response.status === 404) await cache.delete(request);
  else if (serverUnreachable(response)) return (await cached()) ?? response;
  return response;
}

/** Makes the given API reads now, so that their answers are cached (failures are no worse than before). */
export async function warmApiCache(paths: Iterable<string>): Promise<void> {
  await Promise.all(Array.from(paths, (path) => apiRead(new Request(path, { headers: { Accept: 'application/json' } })).catch(() => undefined)));
}
