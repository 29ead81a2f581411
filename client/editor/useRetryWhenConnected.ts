// What failed to load while there was no network (a page reloaded offline is
// served by the service worker, its API requests fail) loads again by itself
// once the document's connection is back, instead of waiting for 重试.
import { useEffect, useRef } from 'react';
import type { Resource } from '../lib/useResource.js';
import type { ConnectionState } from './connectionState.js';

export function useRetryWhenConnected(connection: ConnectionState, resources: readonly Pick<Resource<unknown>, 'error' | 'reload'>[]): void {
  const resourcesRef = useRef(resources);
  resourcesRef.current = resources;
  useEffect(() => {
    if (connection !== 'connected') return;
    for (const resource of resourcesRef.current) if (resource.error !== undefined) void resource.reload();
  }, [connection]);
}
