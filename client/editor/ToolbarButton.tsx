import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatShortcut, onMac } from './shortcuts.js';

const isMac = onMac();

interface ToolbarButtonProps {
  label: string;
  /** Tiptap's notation, e.g. "Mod-b"; shown in the tooltip. */
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  /** Room for a word beside the icon. */
  wide?: boolean;
}

export function ToolbarButton({ label, shortcut, active, disabled, onClick, children, testId, wide }: ToolbarButtonProps) {
  const { t } = useTranslation();
  const tooltip = shortcut ? t('toolbar.tooltip', { label, keys: formatShortcut(shortcut, isMac) }) : label;
  return (
    <button
      type="button"
      className={['toolbar__button', active && 'toolbar__button--active', wide && 'toolbar__button--wide'].filter(Boolean).join(' ')}
      title={tooltip}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      data-testid={testId}
      // Keep the editor's selection: the command runs on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}
