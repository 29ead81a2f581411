import { describe, expect, it } from 'vitest';
import { samePlaces } from './samePlaces.js';

const places = (...entries: Array<[string, number, number]>) => new Map(entries.map(([id, from, to]) => [id, { from, to }]));

describe('samePlaces', () => {
  it('holds when every passage moved by the same keystroke before them', () => {
    expect(samePlaces(places(['a', 10, 14], ['b', 30, 32]), places(['a', 11, 15], ['b', 31, 33]))).toBe(true);
    expect(samePlaces(places(['a', 10, 14], ['b', 30, 32]), places(['a', 10, 14], ['b', 31, 33]))).toBe(true);
  });
  it('fails when a passage grew or shrank (its words changed)', () => {
    expect(samePlaces(places(['a', 10, 14]), places(['a', 10, 15]))).toBe(false);
  });
  it('fails when the passages changed order, or one came or went', () => {
    expect(samePlaces(places(['a', 10, 14], ['b', 30, 32]), places(['b', 5, 7], ['a', 10, 14]))).toBe(false);
    expect(samePlaces(places(['a', 10, 14]), places(['a', 10, 14], ['b', 30, 32]))).toBe(false);
    expect(samePlaces(places(['a', 10, 14]), places(['c', 10, 14]))).toBe(false);
    expect(samePlaces(places(['a', 10, 14]), null)).toBe(false);
  });
});
