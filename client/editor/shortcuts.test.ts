import { describe, expect, it } from 'vitest';
import { formatShortcut, isMacPlatform, matchesShortcut, type KeyPress } from './shortcuts.js';

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

describe('matchesShortcut', () => {
  const press = (code: string, key: string, modifiers: Partial<KeyPress> = {}): KeyPress => ({
    code,
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...modifiers,
  });

  it('matches Ctrl+Alt+S on Windows and Linux, by the physical key', () => {
    expect(matchesShortcut(press('KeyS', 's', { ctrlKey: true, altKey: true }), 'Mod-Alt-s', false)).toBe(true);
    expect(matchesShortcut(press('KeyS', 'ś', { ctrlKey: true, altKey: true }), 'Mod-Alt-s', false)).toBe(true);
  });

  it('matches ⌘⌥S on a Mac, where the key typed is ß', () => {
    expect(matchesShortcut(press('KeyS', 'ß', { metaKey: true, altKey: true }), 'Mod-Alt-s', true)).toBe(true);
    expect(matchesShortcut(press('KeyS', 's', { ctrlKey: true, altKey: true }), 'Mod-Alt-s', true)).toBe(false);
  });

  it('refuses missing or extra modifiers', () => {
    expect(matchesShortcut(press('KeyS', 's', { ctrlKey: true }), 'Mod-Alt-s', false)).toBe(false);
    expect(matchesShortcut(press('KeyS', 'S', { ctrlKey: true, altKey: true, shiftKey: true }), 'Mod-Alt-s', false)).toBe(false);
    expect(matchesShortcut(press('KeyD', 'd', { ctrlKey: true, altKey: true }), 'Mod-Alt-s', false)).toBe(false);
  });

  it('matches other keys by name', () => {
    expect(matchesShortcut(press('Escape', 'Escape'), 'Escape', false)).toBe(true);
    expect(matchesShortcut(press('Digit2', '2', { ctrlKey: true, altKey: true }), 'Mod-Alt-2', false)).toBe(true);
  });
});
