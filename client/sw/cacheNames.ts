// The service worker's caches. The page uses these names too: signing out deletes the API cache.

/** Every cache of ours starts with this, so the worker can tell its old ones from other scripts' caches. */
export const CACHE_PREFIX = 'yigao-';

/** index.html and the hashed assets of one build: a new build gets a new cache, the old one goes on activation. */
export const shellCacheName = (buildId: string) => `${CACHE_PREFIX}shell-${buildId}`;

/** The last good answer of the few API reads the app needs to open offline (who am I, my documents, one document). */
export const API_CACHE = `${CACHE_PREFIX}api-v1`;

/** The key of the app shell in the shell cache; the server answers every app route with this file. */
export const SHELL_URL = '/index.html';
