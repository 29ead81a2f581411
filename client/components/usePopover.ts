// Open state of something that pops up from a button (a menu, the notifications):
// a press outside closes it, and so does Escape, giving the focus back to the button.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';

export interface Popover {
  open: boolean;
  setOpen: (open: boolean | ((open: boolean) => boolean)) => void;
  /** Around the button and what pops up: a press inside keeps it open. */
  rootRef: RefObject<HTMLDivElement | null>;
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** For the popup's onKeyDown: Escape closes it. */
  onEscape: (event: KeyboardEvent) => void;
}

export function usePopover(): Popover {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onEscape = useCallback((event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    setOpen(false);
    buttonRef.current?.focus();
  }, []);

  return { open, setOpen, rootRef, buttonRef, onEscape };
}
