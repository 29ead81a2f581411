import { useEffect, useRef } from 'react';
import { matchesShortcut, onMac } from './shortcuts.js';

const isMac = onMac();

/** Runs `onPress` for a window-wide keyboard shortcut (Tiptap's notation, "Mod-Alt-s") while `enabled`. */
export function useShortcut(shortcut: string, onPress: () => void, enabled = true): void {
  const onPressRef = useRef(onPress);
  onPressRef.current = onPress;
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.repeat || !matchesShortcut(event, shortcut, isMac)) return;
      event.preventDefault();
      onPressRef.current();
    };
    // Captured before the editor sees it, so that typing in the page cannot swallow it.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [shortcut, enabled]);
}
