// "This document has changes the server has not acknowledged", kept in
// localStorage so that it survives a reload (the changes themselves survive in IndexedDB).
// While someone types, every keystroke makes the document unsaved and its
// acknowledgement saved again: the flag is written when it is not there
// already, and removed only once the document has stayed saved a moment, so
// that steady typing writes nothing (each write costs the page about half a
// millisecond). Set too long, it only ever says "unsaved" of a saved document
// until the next connection's acknowledgement, never the other way round.
import type { DirtyFlagStore } from '../../shared/ackTracker.js';

export const unsavedFlagKey = (userId: string, documentId: string) => `yigao:unsaved:${userId}:${documentId}`;

/** How long the document stays saved before its flag is removed (ms). */
export const CLEAR_AFTER_MS = 1000;

export function localStorageFlag(key: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage): DirtyFlagStore {
  let clearing: ReturnType<typeof setTimeout> | undefined;
  const attempt = (write: () => void) => {
    try {
      write();
    } catch {
      // Storage disabled or full: the flag lasts as long as the page, like the tracker's own state.
    }
  };
  return {
    get() {
      try {
        return storage.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    set(dirty) {
      clearTimeout(clearing);
      clearing = undefined;
      // Removed rather than set to "0", so that saved documents leave nothing behind.
      if (!dirty) clearing = setTimeout(() => attempt(() => storage.removeItem(key)), CLEAR_AFTER_MS);
      else attempt(() => storage.getItem(key) !== '1' && storage.setItem(key, '1'));
    },
  };
}
