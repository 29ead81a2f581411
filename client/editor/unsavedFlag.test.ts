import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLEAR_AFTER_MS, localStorageFlag, unsavedFlagKey } from './unsavedFlag.js';

function memoryStorage() {
  const items = new Map<string, string>();
  const writes: string[] = [];
  return {
    items,
    writes,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void (writes.push(`set ${key}`), items.set(key, value)),
    removeItem: (key: string) => void (writes.push(`remove ${key}`), items.delete(key)),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('localStorageFlag', () => {
  it('keeps the flag per user and document, and removes it once saved', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const mine = localStorageFlag(unsavedFlagKey('u1', 'd1'), storage);
    const theirs = localStorageFlag(unsavedFlagKey('u2', 'd1'), storage);
    expect(mine.get()).toBe(false);
    mine.set(true);
    expect(mine.get()).toBe(true);
    expect(theirs.get()).toBe(false);
    expect(localStorageFlag(unsavedFlagKey('u1', 'd1'), storage).get()).toBe(true);
    mine.set(false);
    vi.advanceTimersByTime(CLEAR_AFTER_MS);
    expect(storage.items.size).toBe(0);
  });

  it('writes nothing while typing keeps making the document unsaved and saved again, and removes the flag once it stays saved', () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const flag = localStorageFlag('k', storage);
    for (let i = 0; i < 20; i++) {
      flag.set(true);
      vi.advanceTimersByTime(30);
      flag.set(false);
      vi.advanceTimersByTime(70);
    }
    expect(storage.writes).toEqual(['set k']);
    expect(flag.get()).toBe(true);
    vi.advanceTimersByTime(CLEAR_AFTER_MS);
    expect(storage.writes).toEqual(['set k', 'remove k']);
    expect(flag.get()).toBe(false);
    // unsaved again: written at once
    flag.set(true);
    expect(storage.writes).toEqual(['set k', 'remove k', 'set k']);
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
