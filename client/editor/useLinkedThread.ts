// Opened from a notification (…?thread=id): show that thread, then drop the
// parameter from the address so that the same link works again.
import { useEffect, useRef } from 'react';
import type { Comments } from '../comments/useComments.js';
import { navigate, useLocation } from '../router/navigation.js';
import { threadOf } from '../router/routes.js';

/** `onShow` runs as the thread is shown (the page leaves a version it shows for the live document). */
export function useLinkedThread(activate: Comments['activate'], onShow: () => void): void {
  const onShowRef = useRef(onShow);
  onShowRef.current = onShow;
  const { pathname, search } = useLocation();
  const linkedThread = threadOf(search);
  useEffect(() => {
    if (!linkedThread) return;
    activate(linkedThread, true);
    onShowRef.current();
    navigate(pathname, { replace: true });
  }, [linkedThread, activate, pathname]);
}
