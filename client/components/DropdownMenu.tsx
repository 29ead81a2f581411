// A button that opens a short menu of actions (account menu, a row's actions).
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { usePopover } from './usePopover.js';

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  testId?: string;
}

interface DropdownMenuProps {
  label: string;
  trigger: ReactNode;
  items: MenuItem[];
  triggerClassName?: string;
  triggerTestId?: string;
  /** Content above the items, e.g. who is signed in. */
  header?: ReactNode;
}

export function DropdownMenu({ label, trigger, items, triggerClassName = 'icon-button', triggerTestId, header }: DropdownMenuProps) {
  const { open, setOpen, rootRef, buttonRef, onEscape } = usePopover();
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [open]);

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const entries = Array.from(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const index = entries.indexOf(document.activeElement as HTMLElement);
    if (event.key === 'Escape') {
      onEscape(event);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      entries[(index + step + entries.length) % entries.length]?.focus();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <div className="dropdown" ref={rootRef} onClick={(event) => event.stopPropagation()}>
      <button
        ref={buttonRef}
        type="button"
        className={triggerClassName}
        aria-label={label}
        title={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        data-testid={triggerTestId}
        onClick={() => setOpen((value) => !value)}
      >
        {trigger}
      </button>
      {open && (
        <div className="dropdown__menu" role="menu" id={menuId} aria-label={label} ref={menuRef} onKeyDown={onMenuKeyDown}>
          {header && <div className="dropdown__header">{header}</div>}
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              className={item.danger ? 'dropdown__item dropdown__item--danger' : 'dropdown__item'}
              data-testid={item.testId}
              onClick={() => {
                setOpen(false);
                item.onSelect();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
