// The app's three pages and how a path maps to one.
export type Route =
  | { name: 'login' }
  | { name: 'documents' }
  | { name: 'editor'; documentId: string }
  | { name: 'notFound' };

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '/') return { name: 'documents' };
  if (path === '/login') return { name: 'login' };
  const editor = /^\/d\/([^/]+)$/.exec(path);
  if (editor) {
    try {
      return { name: 'editor', documentId: decodeURIComponent(editor[1]) };
    } catch {
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export const documentPath = (id: string) => `/d/${encodeURIComponent(id)}`;

/** The sign-in page, remembering where to go back to afterwards. */
export function loginPath(next: string): string {
  return next && next !== '/' && !next.startsWith('/login') ? `/login?next=${encodeURIComponent(next)}` : '/login';
}

/** Where to go after signing in: the `next` parameter when it is a path on this site, else the list. */
export function afterLoginPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  // Only same-site paths: "//evil.example" would leave the site.
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')) return next;
  return '/';
}
