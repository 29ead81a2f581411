import { describe, expect, it } from 'vitest';
import { initialOf } from './initialOf.js';

describe('initialOf', () => {
  it('takes the first character of a Chinese name', () => {
    expect(initialOf('张明')).toBe('张');
  });
  it('capitalises a Latin initial and skips leading spaces', () => {
    expect(initialOf('  li wei')).toBe('L');
  });
  it('keeps a character outside the Basic Multilingual Plane whole', () => {
    expect(initialOf('𠀀一')).toBe('𠀀');
  });
  it('shows a question mark for an empty name', () => {
    expect(initialOf('   ')).toBe('?');
  });
});
