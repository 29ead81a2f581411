// The document's comment threads: loaded with the page, loaded again when the
// server says they changed, and updated at once with what an action answers.
import { useCallback } from 'react';
import type { ThreadDto } from '../../shared/api.js';
import { listThreads } from '../http/commentsApi.js';
import { useResource, type Resource } from '../lib/useResource.js';

export interface Threads extends Resource<ThreadDto[]> {
  /** Puts a thread as the server just answered it into the list. */
  merge: (thread: ThreadDto) => void;
}

export function useThreads(documentId: string): Threads {
  const load = useCallback(() => listThreads(documentId), [documentId]);
  const resource = useResource(load, documentId);
  const { setData } = resource;
  const merge = useCallback(
    (thread: ThreadDto) =>
      setData((list) => {
        if (!list) return [thread];
        return list.some((t) => t.id === thread.id) ? list.map((t) => (t.id === thread.id ? thread : t)) : [...list, thread];
      }),
    [setData],
  );
  return { ...resource, merge };
}
