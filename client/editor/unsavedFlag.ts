// "This document has changes the server has not acknowledged", kept in
// localStorage so that it survives a reload (the changes themselves survive in IndexedDB).
import type { DirtyFlagStore } from '../../shared/ackTracker.js';

export const unsavedFlagKey = (userId: string, documentId: string) => `yigao:unsaved:${userId}:${documentId}`;

export function localStorageFlag(key: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> = localStorage): DirtyFlagStore {
  return {
    get() {
      try {
        return storage.getItem(key) === '1';
      } catch {
        return false;
      }
    },
    set(dirty) {
      try {
        // Removed rather than set to "0", so that saved documents leave nothing behind.
        if (dirty) storage.setItem(key, '1');
        else storage.removeItem(key);
      } catch {
        // Storage disabled or full: the flag lasts as long as the page, like the tracker's own state.
      }
    },
  };
}
