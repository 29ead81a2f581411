// Keyboard shortcuts as Tiptap writes them ("Mod-Shift-8"), shown the way the
// user's system writes them ("Ctrl+Shift+8", "⌘⇧8").

const MAC_SYMBOLS: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Ctrl: '⌃' };

export function formatShortcut(shortcut: string, isMac: boolean): string {
  const parts = shortcut.split('-').map((part) => (part.length === 1 ? part.toUpperCase() : part));
  if (isMac) return parts.map((part) => MAC_SYMBOLS[part] ?? part).join('');
  return parts.map((part) => (part === 'Mod' ? 'Ctrl' : part)).join('+');
}

export function isMacPlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform);
}

/** Whether this browser runs on a Mac (⌘ instead of Ctrl). */
export function onMac(): boolean {
  return typeof navigator !== 'undefined' && isMacPlatform(navigator.platform);
}

/** The parts of a keydown event a shortcut depends on. */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/**
 * Whether a key press is the shortcut (Tiptap's notation, with exactly these
 * modifiers). Letters and digits are matched by the physical key: with Alt
 * held, a Mac types "ß" for S, and other layouts other characters.
 */
export function matchesShortcut(press: KeyPress, shortcut: string, isMac: boolean): boolean {
  const parts = shortcut.split('-');
  const key = parts.pop() ?? '';
  const wanted = new Set(parts.map((part) => (part === 'Mod' ? (isMac ? 'Meta' : 'Ctrl') : part)));
  const held = { Ctrl: press.ctrlKey, Meta: press.metaKey, Alt: press.altKey, Shift: press.shiftKey };
  if (Object.entries(held).some(([modifier, down]) => down !== wanted.has(modifier))) return false;
  if (/^[a-z]$/i.test(key)) return press.code === `Key${key.toUpperCase()}`;
  if (/^[0-9]$/.test(key)) return press.code === `Digit${key}`;
  return press.key.toLowerCase() === key.toLowerCase();
}
