// The banners above the editor: approved (with 重新打开 for the owner),
// read-only, or 修订 only (and why), a version restored by someone else, local changes discarded
// after an approval or refused by the server (typed again as suggestions), a connection problem, or working offline.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DocumentDto, VersionDto } from '../../shared/api.js';
import { ApprovedBanner } from '../approval/ApprovedBanner.js';
import type { RefusedChanges } from '../approval/useRefusedChanges.js';
import { RestoredNotice, type RestoreEvent } from '../versions/RestoredNotice.js';
import type { WebsocketProvider } from 'y-websocket';
import { ConnectionProblemBanner } from './ConnectionProblemBanner.js';
import type { ConnectionProblem } from './connectionProblem.js';
import { ReadonlyBanner } from './ReadonlyBanner.js';
import type { SaveState } from './saveState.js';
import type { SuggestLock } from '../suggestions/suggestMode.js';
import type { Retyped } from '../suggestions/useRetypeRefused.js';

/**
 * What the member is told when the server refused their change: why (what
 * makes them suggest), then that their words came back as suggestions, all
 * or some.
 */
function refusedMessage(t: TFunction, lock: SuggestLock | null, retyped: Retyped | null): string {
  const why = t(`suggestions.refusedWhy.${lock ?? 'other'}`);
  if (!retyped) return t('suggestions.refusedRetyping', { why });
  if (retyped.lost === 0) return t('suggestions.refusedRetyped', { why });
  return t('suggestions.refusedPartly', { why, count: retyped.lost });
}

interface EditorNoticesProps {
  doc: DocumentDto;
  editable: boolean;
  /** Why this member may only suggest (their changes become 修订); null when they edit or read. */
  suggestLock: SuggestLock | null;
  approvedVersion: VersionDto | null;
  /** Null where the user may not reopen an approved document. */
  onReopen: (() => void) | null;
  restoredBy: RestoreEvent | null;
  onViewRestored: (version: VersionDto) => void;
  onDismissRestored: () => void;
  refused: RefusedChanges;
  /** How the refused words came back as suggestions (null until they did). */
  retyped: Retyped | null;
  problem: ConnectionProblem | null;
  provider: WebsocketProvider | null;
  save: SaveState;
}

export function EditorNotices({
  doc,
  editable,
  suggestLock,
  approvedVersion,
  onReopen,
  restoredBy,
  onViewRestored,
  onDismissRestored,
  refused,
  retyped,
  problem,
  provider,
  save,
}: EditorNoticesProps) {
  const { t } = useTranslation();
  return (
    <>
      {doc.status === 'approved' ? <ApprovedBanner version={approvedVersion} onReopen={onReopen} /> : !editable && <ReadonlyBanner role={doc.role} />}
      {doc.status !== 'approved' && suggestLock && (
        <div className="banner banner--info" data-testid="suggest-only-banner" role="status">
          {t(`suggestions.banner.${suggestLock}`)}
        </div>
      )}
      {restoredBy && <RestoredNotice event={restoredBy} onView={onViewRestored} onDismiss={onDismissRestored} />}
      {refused.discarded && (
        <div className="banner banner--warning banner--dismissable" data-testid="discarded-notice" role="alert">
          <span>{refused.reason === 'refused' ? refusedMessage(t, suggestLock, retyped) : t('approval.discarded')}</span>
          <button type="button" className="button button--small" onClick={refused.dismiss}>
            {t('approval.dismiss')}
          </button>
        </div>
      )}
      {problem && provider && <ConnectionProblemBanner problem={problem} provider={provider} />}
      {!problem && editable && save === 'unsaved' && (
        <div className="banner banner--warning" data-testid="offline-banner" role="alert">
          {t('editor.offline')}
        </div>
      )}
    </>
  );
}
