// A version shown read-only in place of the editor: what it says, what changed
// from it to the current draft (or between it and another version), and a way back.
import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Icon } from '../components/Icon.js';
import { diffVersion, getVersion, restoreVersion } from '../http/versionsApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';
import { DiffContent } from './DiffContent.js';
import { DiffSummary } from './DiffSummary.js';
import { useQuoteHighlights } from './useQuoteHighlights.js';
import { VersionComments } from './VersionComments.js';
import { VersionContent } from './VersionContent.js';
import { labelOf, labelWords } from './versionLabel.js';
import { neighbourOf } from './versionTimeline.js';

const CURRENT = 'current';
const NO_COMMENTS: never[] = [];

interface VersionViewProps {
  documentId: string;
  version: VersionDto;
  /** The versions loaded in the history panel: the choices to compare with. */
  versions: VersionDto[];
  canRestore: boolean;
  onBack: () => void;
  onRestored: (restored: VersionDto) => void;
}

export function VersionView({ documentId, version, versions, canRestore, onBack, onRestored }: VersionViewProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [showChanges, setShowChanges] = useState(true);
  const [against, setAgainst] = useState(CURRENT);
  const [restoring, setRestoring] = useState(false);
  const titleId = useId();
  const others = versions.filter((other) => other.id !== version.id);
  const label = labelOf(version, labelWords(t));
  const optionLabel = (other: VersionDto) => {
    const { name, time } = labelOf(other, labelWords(t));
    return name !== null ? t('versions.optionNamed', { name, time }) : t('versions.optionAuto', { time });
  };

  const loadDiff = useCallback(() => diffVersion(documentId, version.id, against), [documentId, version.id, against]);
  const diff = useResource(loadDiff, `${version.id}/${against}`);
  // The version's own content, and the comment threads on words it contains.
  const loadDetail = useCallback(() => getVersion(documentId, version.id), [documentId, version.id]);
  const detail = useResource(loadDetail, `${documentId}/${version.id}`);
  const comments = detail.data?.comments ?? NO_COMMENTS;
  const [showComments, setShowComments] = useState(false);
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const pageRef = useRef<HTMLElement>(null);
  // In a comparison the version is one side: text only the other side has is not its words. As the
  // older side, that is what was inserted and the suggested insertions that arrived; as the newer side,
  // what was deleted (its pending suggested deletions are its words still).
  const otherSide = !showChanges || !diff.data ? null : diff.data.from.id === version.id ? 'ins.diff-run, ins.suggestion-run--arrived' : 'del.diff-run';
  const quotes = useQuoteHighlights(pageRef, comments, activeComment, otherSide ? `${otherSide}, .diff-block__note` : null);

  return (
    <section className="version-view" data-testid="version-view" data-version-id={version.id} aria-labelledby={titleId}>
      <div className="version-bar">
        <p className="version-bar__title" id={titleId} role="status">
          <Icon name="history" />
          <span>
            {label.name !== null ? t('versions.viewingNamed', { name: label.name, time: label.time }) : t('versions.viewingAuto', { time: label.time })}
          </span>
        </p>
        <div className="version-bar__actions">
          {canRestore && (
            <button type="button" className="button button--primary" data-testid="restore-version" onClick={() => setRestoring(true)}>
              <Icon name="undo" />
              {t('versions.restore')}
            </button>
          )}
          <button type="button" className="button" data-testid="back-to-current" onClick={onBack}>
            <Icon name="back" />
            {t('versions.backToCurrent')}
          </button>
        </div>
      </div>

      <div className="version-tools">
        <label className="switch">
          <input type="checkbox" role="switch" checked={showChanges} onChange={(event) => setShowChanges(event.target.checked)} data-testid="show-changes" />
          <span className="switch__track" aria-hidden="true" />
          {t('versions.showChanges')}
        </label>
        {showChanges && (
          <>
            <select
              className="select select--small"
              aria-label={t('versions.compareLabel')}
              data-testid="compare-mode"
              value={against === CURRENT ? CURRENT : 'version'}
              onChange={(event) => setAgainst(event.target.value === CURRENT ? CURRENT : ((neighbourOf(versions, version.id) ?? others[0])?.id ?? CURRENT))}
            >
              <option value={CURRENT}>{t('versions.compareCurrent')}</option>
              <option value="version" disabled={others.length === 0}>
                {t('versions.compareVersion')}
              </option>
            </select>
            {against !== CURRENT && (
              <select
                className="select select--small version-tools__other"
                aria-label={t('versions.compareWith')}
                data-testid="compare-with"
                value={against}
                onChange={(event) => setAgainst(event.target.value)}
              >
                {others.map((other) => (
                  <option key={other.id} value={other.id}>
                    {optionLabel(other)}
                  </option>
                ))}
              </select>
            )}
            {diff.data && <DiffSummary diff={diff.data} />}
          </>
        )}
        {comments.length > 0 && (
          <button
            type="button"
            className="button button--small version-tools__comments"
            aria-pressed={showComments}
            onClick={() => setShowComments((shown) => !shown)}
            data-testid="version-comments-toggle"
          >
            <Icon name="comment" size={16} />
            {t('versions.comments', { count: comments.length })}
          </button>
        )}
      </div>
      {showComments && (
        <VersionComments
          comments={comments}
          activeId={activeComment}
          missing={quotes.missing}
          onSelect={(threadId) => {
            setActiveComment(threadId);
            quotes.reveal(threadId);
          }}
        />
      )}

      <div className="workspace">
        <article className="page" ref={pageRef} aria-busy={showChanges && diff.loading ? true : undefined}>
          {!showChanges ? (
            <VersionContent detail={detail} />
          ) : diff.data ? (
            <DiffContent diff={diff.data} />
          ) : diff.error !== undefined ? (
            <div className="version-view__message">
              <p className="form-error" role="alert">
                {t('versions.diffError')} {describeError(diff.error)}
              </p>
              <button type="button" className="button button--small" onClick={() => void diff.reload()}>
                {t('common.retry')}
              </button>
            </div>
          ) : (
            <p className="version-view__message muted">{t('common.loading')}</p>
          )}
        </article>
      </div>

      {restoring && (
        <ConfirmDialog
          title={t('versions.restore')}
          confirmLabel={t('versions.restore')}
          errorMessage={describeError}
          onClose={() => setRestoring(false)}
          onConfirm={async () => onRestored(await restoreVersion(documentId, version.id))}
        >
          {t('versions.restoreBody')}
        </ConfirmDialog>
      )}
    </section>
  );
}
