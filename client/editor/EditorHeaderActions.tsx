// The buttons at the right of the editor page's header: save a version,
// submit for review, approve (each only for those allowed to), the comments,
// 修订 and history panel toggles, export, who else is here, and share.
import { useTranslation } from 'react-i18next';
import { Icon, type IconName } from '../components/Icon.js';
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
  suggestionsOpen: boolean;
  /** Pending suggestions (修订), shown on the 修订 toggle. */
  suggestionCount: number;
  onToggleSuggestions: () => void;
  historyOpen: boolean;
  onToggleHistory: () => void;
  presence: PresenceUser[];
  onOpenDialog: (dialog: EditorDialog) => void;
}

export function EditorHeaderActions(props: EditorHeaderActionsProps) {
  const { mayNameVersions, maySubmit, mayApprove, commentsOpen, openCount, suggestionsOpen, suggestionCount, historyOpen, onOpenDialog } = props;
  const { t } = useTranslation();
  // With the owner's extra buttons the bar is full on a laptop: the panel toggles and 导出 show their icons only.
  const compact = mayNameVersions && (mayApprove || maySubmit);
  return (
    <>
      {mayNameVersions && (
        <HeaderButton
          testId="save-version-button"
          icon="bookmark"
          label={t('versions.save')}
          title={t('toolbar.tooltip', { label: t('versions.save'), keys: formatShortcut(SAVE_VERSION_SHORTCUT, isMac) })}
          onClick={() => onOpenDialog('saveVersion')}
        />
      )}
      {maySubmit && <HeaderButton testId="submit-review" icon="send" label={t('review.submit')} onClick={() => onOpenDialog('submit')} />}
      {/* Only the owner approves (the server decides the same). */}
      {mayApprove && <HeaderButton testId="approve-button" icon="approve" label={t('approval.approve')} onClick={() => onOpenDialog('approve')} />}
      <HeaderButton
        testId="comments-toggle"
        icon="comment"
        label={t('comments.toggle')}
        title={openCount > 0 ? t('comments.toggleCount', { count: openCount }) : t('comments.toggle')}
        compact={compact}
        pressed={commentsOpen}
        onClick={props.onToggleComments}
        count={openCount}
        countTestId="comments-count"
      />
      <HeaderButton
        testId="suggestions-toggle"
        icon="suggest"
        label={t('suggestions.toggle')}
        title={suggestionCount > 0 ? t('suggestions.toggleCount', { count: suggestionCount }) : t('suggestions.toggle')}
        compact={compact}
        pressed={suggestionsOpen}
        onClick={props.onToggleSuggestions}
        count={suggestionCount}
        countTestId="suggestions-count"
      />
      <HeaderButton
        testId="history-button"
        icon="history"
        label={t('versions.history')}
        compact={compact}
        pressed={historyOpen}
        onClick={props.onToggleHistory}
      />
      <HeaderButton testId="export-button" icon="download" label={t('exporting.export')} compact={compact} onClick={() => onOpenDialog('export')} />
      <PresenceAvatars users={props.presence} />
      <button type="button" className="button button--primary" data-testid="share-button" onClick={() => onOpenDialog('share')}>
        <Icon name="share" />
        {t('editor.share')}
      </button>
    </>
  );
}

interface HeaderButtonProps {
  testId: string;
  icon: IconName;
  label: string;
  /** The tooltip; the label when not given. */
  title?: string;
  /** Icon only, the label hidden (a full bar on a laptop). */
  compact?: boolean;
  /** A panel toggle's state. */
  pressed?: boolean;
  onClick: () => void;
  /** A panel's count (open threads, pending suggestions), shown when above zero. */
  count?: number;
  countTestId?: string;
}

/** One header button: its icon and label, a tooltip, and the pressed state of a panel toggle. */
function HeaderButton({ testId, icon, label, title, compact = false, pressed, onClick, count = 0, countTestId }: HeaderButtonProps) {
  return (
    <button
      type="button"
      className={compact ? 'button header-button header-button--compact' : 'button header-button'}
      data-testid={testId}
      aria-pressed={pressed}
      title={title ?? label}
      onClick={onClick}
    >
      <Icon name={icon} />
      <span className="header-button__label">{label}</span>
      {count > 0 && (
        <span className="header-button__count" data-testid={countTestId}>
          {count}
        </span>
      )}
    </button>
  );
}
