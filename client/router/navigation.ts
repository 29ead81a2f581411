// A tiny history-API router: navigate() changes the URL, useLocation() re-renders on any change.
import { useSyncExternalStore } from 'react';

const CHANGE_EVENT = 'yigao:navigate';

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const current = location.pathname + location.search;
  if (to === current) return;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/** The current path and query, e.g. "/d/42?x=1". */
export function currentPath(): string {
  return location.pathname + location.search;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export interface LocationSnapshot {
  pathname: string;
  search: string;
}

let snapshot: LocationSnapshot = { pathname: '', search: '' };

function getSnapshot(): LocationSnapshot {
  // useSyncExternalStore needs the same object while nothing changed.
  if (snapshot.pathname !== location.pathname || snapshot.search !== location.search) {
    snapshot = { pathname: location.pathname, search: location.search };
  }
  return snapshot;
}

export function useLocation(): LocationSnapshot {
  return useSyncExternalStore(subscribe, getSnapshot);
}
