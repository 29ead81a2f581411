import { describe, expect, it } from 'vitest';
import { countCharacters } from './wordCount.js';

describe('countCharacters', () => {
  it('counts each Chinese character and Chinese punctuation mark as one', () => {
    expect(countCharacters('政协联工委。')).toBe(6);
    expect(countCharacters('“桥梁”，')).toBe(5);
  });
  it('counts a run of Latin letters or digits as one word', () => {
    expect(countCharacters('Yigao editor')).toBe(2);
    expect(countCharacters('2026年')).toBe(2);
    expect(countCharacters('1. 第一')).toBe(3);
  });
  it('ignores whitespace, including full lines of it', () => {
    expect(countCharacters('  \n\t ')).toBe(0);
    expect(countCharacters('一 二\n三')).toBe(3);
  });
  it('counts characters outside the Basic Multilingual Plane once', () => {
    expect(countCharacters('𠀀𠀁')).toBe(2);
  });
});
