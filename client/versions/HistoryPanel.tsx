// The panel beside the editor: the document's versions, newest first, by day.
import { useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { SidePanelHeader } from '../components/SidePanelHeader.js';
import { listMembers } from '../http/documentsApi.js';
import { localeOf } from '../i18n/setupI18n.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useNow } from '../lib/useNow.js';
import { useResource } from '../lib/useResource.js';
import type { VersionHistory } from './useVersionHistory.js';
import { VersionItem } from './VersionItem.js';
import { dayLabel, groupByDay, shownVersions } from './versionTimeline.js';

interface HistoryPanelProps {
  documentId: string;
  history: VersionHistory;
  /** The version shown instead of the editor; null while the current document is. */
  selectedId: string | null;
  onSelect: (version: VersionDto) => void;
  onShowCurrent: () => void;
  onClose: () => void;
}

export function HistoryPanel({ documentId, history, selectedId, onSelect, onShowCurrent, onClose }: HistoryPanelProps) {
  const { t, i18n } = useTranslation();
  const describeError = useErrorMessage();
  const now = useNow(60_000);
  const titleId = useId();
  const [namedOnly, setNamedOnly] = useState(false);
  // Versions name who saved them by username: the members list has the names.
  const loadMembers = useCallback(() => listMembers(documentId), [documentId]);
  const members = useResource(loadMembers, documentId);

  const nameOf = useMemo(() => {
    const names = new Map<string, string>();
    for (const version of history.versions) for (const author of version.authors) names.set(author.username, author.displayName);
    for (const member of members.data ?? []) names.set(member.user.username, member.user.displayName);
    return (username: string) => names.get(username) ?? username;
  }, [history.versions, members.data]);

  const days = groupByDay(shownVersions(history.versions, namedOnly));
  const locale = localeOf(i18n.language);
  const dayWords = { today: t('versions.today'), yesterday: t('versions.yesterday') };

  return (
    <aside className="side-panel history-panel" data-testid="history-panel" aria-labelledby={titleId}>
      <SidePanelHeader titleId={titleId} title={t('versions.history')} closeLabel={t('versions.closeHistory')} closeTestId="close-history" onClose={onClose} />
      <label className="switch side-panel__filter">
        <input type="checkbox" role="switch" checked={namedOnly} onChange={(event) => setNamedOnly(event.target.checked)} data-testid="named-only" />
        <span className="switch__track" aria-hidden="true" />
        {t('versions.namedOnly')}
      </label>

      <div className="side-panel__scroll">
        <button
          type="button"
          className="version-item version-item--current"
          aria-current={selectedId === null || undefined}
          onClick={onShowCurrent}
          data-testid="history-current"
        >
          <span className="version-item__dot" aria-hidden="true" />
          <span className="version-item__head">
            <span className="version-item__name">{t('versions.current')}</span>
          </span>
          <span className="version-item__meta">{t('versions.currentHint')}</span>
        </button>

        {days.map((day) => (
          <section key={day.key} className="history-day">
            <h3 className="history-day__label">{dayLabel(day.date, now, locale, dayWords)}</h3>
            <ol className="history-day__list">
              {day.versions.map((version) => (
                <li key={version.id}>
                  <VersionItem version={version} selected={version.id === selectedId} nameOf={nameOf} onSelect={() => onSelect(version)} />
                </li>
              ))}
            </ol>
          </section>
        ))}

        {history.loaded && days.length === 0 && !history.hasMore && (
          <p className="side-panel__empty muted">{namedOnly && history.versions.length > 0 ? t('versions.emptyNamed') : t('versions.empty')}</p>
        )}
        {!history.loaded && history.loading && <p className="side-panel__empty muted">{t('common.loading')}</p>}
        {history.error !== undefined && (
          <div className="side-panel__error">
            <p className="form-error" role="alert">
              {t('versions.loadError')} {describeError(history.error)}
            </p>
            <button type="button" className="button button--small" onClick={() => void history.refresh()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {history.hasMore && (
          <button
            type="button"
            className="button button--small history-panel__more"
            disabled={history.loading}
            onClick={() => void history.loadMore()}
            data-testid="load-more-versions"
          >
            {history.loading ? t('versions.loadingMore') : t('versions.loadMore')}
          </button>
        )}
      </div>
    </aside>
  );
}
