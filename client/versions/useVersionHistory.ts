// The document's versions as the history panel shows them: the first page
// when asked for, older pages on demand, newer versions merged in on refresh.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { VersionDto } from '../../shared/api.js';
import { listVersions, VERSIONS_PAGE_SIZE } from '../http/versionsApi.js';
import { mergeNewest } from './versionTimeline.js';

export interface VersionHistory {
  versions: VersionDto[];
  /** Loaded at least once. */
  loaded: boolean;
  loading: boolean;
  error: unknown;
  /** Older versions exist beyond those loaded. */
  hasMore: boolean;
  loadMore: () => Promise<void>;
  /** Fetches the newest page and puts what is new on top. */
  refresh: () => Promise<void>;
}

/** Loads nothing until `active` (the panel opened); keeps what it has when it closes. */
export function useVersionHistory(documentId: string, active: boolean): VersionHistory {
  const [versions, setVersions] = useState<VersionDto[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [hasMore, setHasMore] = useState(false);
  const versionsRef = useRef(versions);
  versionsRef.current = versions;
  // One request at a time changes the list; an answer to a superseded one is dropped.
  const latest = useRef(0);

  const run = useCallback(async (load: (request: number) => Promise<void>) => {
    const request = ++latest.current;
    setLoading(true);
    try {
      await load(request);
      if (request === latest.current) setError(undefined);
    } catch (caught) {
      if (request === latest.current) setError(caught);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  const refresh = useCallback(
    () =>
      run(async (request) => {
        const page = await listVersions(documentId);
        if (request !== latest.current) return;
        const before = versionsRef.current;
        const merged = mergeNewest(before, page);
        setVersions(merged.versions);
        // Older pages kept: whether more exist beyond them is still known.
        if (!merged.kept || before.length === 0) setHasMore(page.length === VERSIONS_PAGE_SIZE);
        setLoaded(true);
      }),
    [documentId, run],
  );

  const loadMore = useCallback(
    () =>
      run(async (request) => {
        const current = versionsRef.current;
        const page = await listVersions(documentId, current[current.length - 1]?.id);
        if (request !== latest.current) return;
        setVersions([...current, ...page]);
        setHasMore(page.length === VERSIONS_PAGE_SIZE);
      }),
    [documentId, run],
  );

  useEffect(() => {
    if (active) void refresh();
  }, [active, refresh]);

  return { versions, loaded, loading, error, hasMore, loadMore, refresh };
}
