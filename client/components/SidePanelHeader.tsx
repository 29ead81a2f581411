// The header every side panel (批注, 修订, 版本历史) shares: its title with an
// optional count, and the close button.
import { Icon } from './Icon.js';

interface SidePanelHeaderProps {
  /** The title's id, which the panel is labelled by. */
  titleId: string;
  title: string;
  /** Shown beside the title when above zero. */
  count?: number;
  countTestId?: string;
  closeLabel: string;
  closeTestId: string;
  onClose: () => void;
}

export function SidePanelHeader({ titleId, title, count = 0, countTestId, closeLabel, closeTestId, onClose }: SidePanelHeaderProps) {
  return (
    <header className="side-panel__header">
      <h2 id={titleId} className="side-panel__title">
        {title}
        {count > 0 && (
          <span className="side-panel__count" data-testid={countTestId}>
            {count}
          </span>
        )}
      </h2>
      <button type="button" className="icon-button" onClick={onClose} aria-label={closeLabel} title={closeLabel} data-testid={closeTestId}>
        <Icon name="close" />
      </button>
    </header>
  );
}
