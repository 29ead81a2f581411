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
