import { describe, expect, it } from 'vitest';
import { formatShortcut, isMacPlatform } from './shortcuts.js';

describe('formatShortcut', () => {
  it('writes Windows and Linux shortcuts with Ctrl and plus signs', () => {
    expect(formatShortcut('Mod-b', false)).toBe('Ctrl+B');
    expect(formatShortcut('Mod-Shift-8', false)).toBe('Ctrl+Shift+8');
    expect(formatShortcut('Mod-Alt-2', false)).toBe('Ctrl+Alt+2');
  });
  it('writes Mac shortcuts with symbols', () => {
    expect(formatShortcut('Mod-Shift-z', true)).toBe('⌘⇧Z');
    expect(formatShortcut('Mod-Alt-0', true)).toBe('⌘⌥0');
  });
});

describe('isMacPlatform', () => {
  it('recognises Macs and iPads', () => {
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('iPad')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });
});
