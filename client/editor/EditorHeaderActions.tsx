// The buttons at the right of the editor page's header: save a version,
// submit for review, approve (each only for those allowed to), the comments
// and history panel toggles, export, who else is here, and share.
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { PresenceAvatars } from './PresenceAvatars.js';
import type { PresenceUser } from './presence.js';
import { formatShortcut, onMac } from './shortcuts.js';
import type { EditorDialog } from './useEditorDialogs.js';

export const SAVE_VERSION_SHORTCUT = 'Mod-Alt-s';
const isMac = onMac();

interface EditorHeaderActionsProps {
  mayNameVersions: boolean;
  maySubmit: boolean;
  mayApprove: boolean;
  commentsOpen: boolean;
  /** Open comment threads, shown on the comments toggle. */
  openCount: number;
  onToggleComments: () => void;
  historyOpen: boolean;
  onToggleHistory: () => void;
  presence: PresenceUser[];
  onOpenDialog: (dialog: EditorDialog) => void;
}

export function EditorHeaderActions(props: EditorHeaderActionsProps) {
  const { mayNameVersions, maySubmit, mayApprove, commentsOpen, openCount, historyOpen, onOpenDialog } = props;
  const { t } = useTranslation();
  // With the owner's extra buttons the bar is full on a laptop: the panel toggles and 导出 show their icons only.
  const compact = mayNameVersions && (mayApprove || maySubmit) ? ' header-button--compact' : '';
  return (
    <>
      {mayNameVersions && (
        <button
          type="button"
          className="button header-button"
          data-testid="save-version-button"
          title={t('toolbar.tooltip', { label: t('versions.save'), keys: formatShortcut(SAVE_VERSION_SHORTCUT, isMac) })}
          onClick={() => onOpenDialog('saveVersion')}
        >
          <Icon name="bookmark" />
          <span className="header-button__label">{t('versions.save')}</span>
        </button>
      )}
      {maySubmit && (
        <button type="button" className="button header-button" data-testid="submit-review" title={t('review.submit')} onClick={() => onOpenDialog('submit')}>
          <Icon name="send" />
          <span className="header-button__label">{t('review.submit')}</span>
        </button>
      )}
      {/* Only the owner approves (the server decides the same). */}
      {mayApprove && (
        <button
          type="button"
          className="button header-button"
          data-testid="approve-button"
          title={t('approval.approve')}
          onClick={() => onOpenDialog('approve')}
        >
          <Icon name="approve" />
          <span className="header-button__label">{t('approval.approve')}</span>
        </button>
      )}
      <button
        type="button"
        className={`button header-button${compact}`}
        data-testid="comments-toggle"
        aria-pressed={commentsOpen}
        title={openCount > 0 ? t('comments.toggleCount', { count: openCount }) : t('comments.toggle')}
        onClick={props.onToggleComments}
      >
        <Icon name="comment" />
        <span className="header-button__label">{t('comments.toggle')}</span>
        {openCount > 0 && (
          <span className="header-button__count" data-testid="comments-count">
            {openCount}
          </span>
        )}
      </button>
      <button
        type="button"
        className={`button header-button${compact}`}
        data-testid="history-button"
        aria-pressed={historyOpen}
        title={t('versions.history')}
        onClick={props.onToggleHistory}
      >
        <Icon name="history" />
        <span className="header-button__label">{t('versions.history')}</span>
      </button>
      <button
        type="button"
        className={`button header-button${compact}`}
        data-testid="export-button"
        title={t('exporting.export')}
        onClick={() => onOpenDialog('export')}
      >
        <Icon name="download" />
        <span className="header-button__label">{t('exporting.export')}</span>
      </button>
      <PresenceAvatars users={props.presence} />
      <button type="button" className="button button--primary" data-testid="share-button" onClick={() => onOpenDialog('share')}>
        <Icon name="share" />
        {t('editor.share')}
      </button>
    </>
  );
}
