import { useEffect, useRef } from 'react';

/**
 * Calls `refresh` when the window regains focus or the tab becomes visible
 * again, and every `intervalMs` meanwhile: what others changed shows up
 * without a reload.
 */
export function useRefreshOnFocus(refresh: () => void, intervalMs: number): void {
  const refreshRef = useRef(refresh);
  refreshRef.current = refresh;
  useEffect(() => {
    const run = () => refreshRef.current();
    const onVisibility = () => {
      if (document.visibilityState === 'visible') run();
    };
    window.addEventListener('focus', run);
    document.addEventListener('visibilitychange', onVisibility);
    const timer = setInterval(run, intervalMs);
    return () => {
      window.removeEventListener('focus', run);
      document.removeEventListener('visibilitychange', onVisibility);
      clearInterval(timer);
    };
  }, [intervalMs]);
}
