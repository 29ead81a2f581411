// The app's three pages and how a path maps to one.
export type Route = { name: 'login' } | { name: 'documents' } | { name: 'editor'; documentId: string } | { name: 'notFound' };

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

const THREAD_PARAM = 'thread';

/** A document opened at one of its comment threads (from a notification). */
export const threadPath = (documentId: string, threadId: string) => `${documentPath(documentId)}?${new URLSearchParams({ [THREAD_PARAM]: threadId })}`;

/** The thread a document page was opened at, if any. */
export function threadOf(search: string): string | null {
  return new URLSearchParams(search).get(THREAD_PARAM) || null;
}

const SECTION_PARAM = 'section';

/** A document opened at one of its sections (一、 or （一）), from an assignment notification. */
export const sectionPath = (documentId: string, sectionId: string) => `${documentPath(documentId)}?${new URLSearchParams({ [SECTION_PARAM]: sectionId })}`;

/** The section a document page was opened at, if any. */
export function sectionOf(search: string): string | null {
  return new URLSearchParams(search).get(SECTION_PARAM) || null;
}

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
