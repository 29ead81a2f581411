// Told to everyone else with the document open when someone restores an older
// version: who did it, to which version, and where the text that was on their
// screen just before is kept, with a way to look at it.
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import type { DocumentEvent } from '../../shared/collab.js';
import { labelOf, labelWords } from './versionLabel.js';

export type RestoreEvent = Extract<DocumentEvent, { type: 'restored' }>;

interface RestoredNoticeProps {
  event: RestoreEvent;
  onView: (version: VersionDto) => void;
  onDismiss: () => void;
}

export function RestoredNotice({ event, onView, onDismiss }: RestoredNoticeProps) {
  const { t } = useTranslation();
  const label = (version: VersionDto) => {
    const { name, time } = labelOf(version, labelWords(t));
    return name ? t('versions.restoredNotice.namedLabel', { name, time }) : t('versions.restoredNotice.autoLabel', { time });
  };
  const { backup } = event;
  return (
    <div className="banner banner--info banner--dismissable" data-testid="restored-notice" role="status">
      <span>
        {t('versions.restoredNotice.text', { name: event.by.displayName, version: label(event.version) })}{' '}
        {backup ? t('versions.restoredNotice.kept', { version: label(backup) }) : null}
      </span>
      {backup && (
        <button type="button" className="button button--small" data-testid="restored-notice-view" onClick={() => onView(backup)}>
          {t('versions.restoredNotice.view')}
        </button>
      )}
      <button type="button" className="button button--small" onClick={onDismiss}>
        {t('versions.restoredNotice.dismiss')}
      </button>
    </div>
  );
}
