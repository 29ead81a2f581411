// Loads something from the server for a component, and reloads it on demand.
import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  /** Fetches again, keeping the current data on screen meanwhile. */
  reload: () => Promise<void>;
  setData: Dispatch<SetStateAction<T | undefined>>;
}

export function useResource<T>(load: () => Promise<T>, key: string): Resource<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [loading, setLoading] = useState(true);
  const loadRef = useRef(load);
  loadRef.current = load;
  // Answers to older requests are dropped, so a slow answer never overwrites a newer one.
  const latest = useRef(0);

  const reload = useCallback(async () => {
    const request = ++latest.current;
    try {
      const value = await loadRef.current();
      if (request !== latest.current) return;
      setData(value);
      setError(undefined);
    } catch (caught) {
      if (request !== latest.current) return;
      setError(caught);
    } finally {
      if (request === latest.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setLoading(true);
    setData(undefined);
    void reload();
    const requests = latest;
    return () => {
      // Drops the answer still on its way.
      requests.current++;
    };
  }, [key, reload]);

  return { data, error, loading, reload, setData };
}
