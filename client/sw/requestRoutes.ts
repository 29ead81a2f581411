// Which requests the service worker answers, and how. Anything not listed
// here goes to the network untouched: writes, other API reads, the socket.
import { matchRoute } from '../router/routes.js';

export type CacheRoute =
  /** A page load: network first, the cached index.html when the network fails. */
  | 'appShell'
  /** A hashed build file: from the cache, since its content never changes under its name. */
  | 'asset'
  /** An API read the app needs to open offline: network first, the last good answer when it fails. */
  | 'apiRead';

/** The API reads kept for offline use: the session, the document list, one document's metadata. */
const CACHED_API_PATHS = [/^\/api\/me$/, /^\/api\/documents$/, /^\/api\/documents\/[^/]+$/];

/** Paths the server answers itself, never with the app: a navigation to them must not get index.html. */
const SERVER_PATHS = /^\/(api|collab|healthz|assets)(\/|$)/;

export interface RequestFacts {
  method: string;
  mode: RequestMode;
  url: string;
}

export function cacheRouteOf(request: RequestFacts, origin: string): CacheRoute | null {
  if (request.method !== 'GET') return null;
  const url = new URL(request.url);
  if (url.origin !== origin) return null;
  const path = url.pathname;
  if (path.startsWith('/assets/')) return 'asset';
  if (CACHED_API_PATHS.some((pattern) => pattern.test(path))) return 'apiRead';
  if (request.mode === 'navigate' && !SERVER_PATHS.test(path) && path !== '/sw.js') return 'appShell';
  return null;
}

/**
 * The cached API reads a page of the app makes when it loads. A page that
 * loaded before the worker took it over made them around the worker, so the
 * worker makes them itself on taking over, or a reload offline would find
 * nothing to answer them with.
 */
export function apiReadsOfPage(pathname: string): string[] {
  const route = matchRoute(pathname);
  switch (route.name) {
    case 'documents':
      return ['/api/me', '/api/documents'];
    case 'editor':
      return ['/api/me', `/api/documents/${encodeURIComponent(route.documentId)}`];
    case 'login':
      return [];
    case 'notFound':
      return ['/api/me'];
  }
}
