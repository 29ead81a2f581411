import { describe, expect, it } from 'vitest';
import { localStorageFlag, unsavedFlagKey } from './unsavedFlag.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('localStorageFlag', () => {
  it('keeps the flag per user and document, and removes it once saved', () => {
    const storage = memoryStorage();
    const mine = localStorageFlag(unsavedFlagKey('u1', 'd1'), storage);
    const theirs = localStorageFlag(unsavedFlagKey('u2', 'd1'), storage);
    expect(mine.get()).toBe(false);
    mine.set(true);
    expect(mine.get()).toBe(true);
    expect(theirs.get()).toBe(false);
    expect(localStorageFlag(unsavedFlagKey('u1', 'd1'), storage).get()).toBe(true);
    mine.set(false);
    expect(storage.items.size).toBe(0);
  });

  it('treats storage that throws as "no flag" instead of failing', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    const flag = localStorageFlag('k', broken);
    expect(() => flag.set(true)).not.toThrow();
    expect(flag.get()).toBe(false);
  });
});
