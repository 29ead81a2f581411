import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Debouncer } from './Debouncer.js';

describe('Debouncer', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('runs once per key a delay after the first touch, folding the touches in between', () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(1000, (key) => runs.push(key));
    debouncer.touch('a');
    vi.advanceTimersByTime(600);
    debouncer.touch('a');
    debouncer.touch('b');
    vi.advanceTimersByTime(400);
    expect(runs).toEqual(['a']);
    vi.advanceTimersByTime(600);
    expect(runs).toEqual(['a', 'b']);
    debouncer.touch('a');
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['a', 'b', 'a']);
  });

  it('drops a cancelled run and every run on close', () => {
    const runs: string[] = [];
    const debouncer = new Debouncer(1000, (key) => runs.push(key));
    debouncer.touch('a');
    debouncer.touch('b');
    debouncer.cancel('a');
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['b']);
    debouncer.touch('a');
    debouncer.close();
    vi.advanceTimersByTime(1000);
    expect(runs).toEqual(['b']);
  });
});
