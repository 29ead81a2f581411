import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto, VersionDto } from '../../shared/api.js';
import { canApprove, canComment, canEditBody, canRename, canRestoreVersion, canSaveVersion, canSubmit } from '../../shared/access.js';
import { CloseCode } from '../../shared/collab.js';
import { ApprovalDialog } from '../approval/ApprovalDialog.js';
import { ApprovedBanner } from '../approval/ApprovedBanner.js';
import { nextPlaceholderRange } from '../approval/placeholderSearch.js';
import { useApprovedVersion } from '../approval/useApprovedVersion.js';
import { useRefusedChanges } from '../approval/useRefusedChanges.js';
import { CommentsPanel } from '../comments/CommentsPanel.js';
import { useComments } from '../comments/useComments.js';
import { reopenDocument } from '../http/approvalApi.js';
import { listMembers, renameDocument, submitForReview } from '../http/documentsApi.js';
import { notifyUnauthorized } from '../http/request.js';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Header } from '../components/Header.js';
import { Icon } from '../components/Icon.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Toast } from '../components/Toast.js';
import { DocumentUnavailable } from '../editor/DocumentUnavailable.js';
import { EditorTitle } from '../editor/EditorTitle.js';
import { EditorWorkspace } from '../editor/EditorWorkspace.js';
import { PresenceAvatars } from '../editor/PresenceAvatars.js';
import { ReadonlyBanner } from '../editor/ReadonlyBanner.js';
import { revealPosition } from '../editor/revealPosition.js';
import { ShareDialog } from '../editor/ShareDialog.js';
import { unavailabilityOf } from '../editor/unavailability.js';
import { useBeforeUnload } from '../editor/useBeforeUnload.js';
import { useCollaboration } from '../editor/useCollaboration.js';
import { useConnectionState } from '../editor/useConnectionState.js';
import { useRetryWhenConnected } from '../editor/useRetryWhenConnected.js';
import { useDocumentEvents } from '../editor/useDocumentEvents.js';
import { useDocumentMeta } from '../editor/useDocumentMeta.js';
import { OutlinePanel } from '../editor/OutlinePanel.js';
import { useFinalCloseCode } from '../editor/useFinalCloseCode.js';
import { connectionProblemOf } from '../editor/connectionProblem.js';
import { ConnectionProblemBanner } from '../editor/ConnectionProblemBanner.js';
import { usePresence } from '../editor/usePresence.js';
import { useSaveState } from '../editor/useSaveState.js';
import { formatShortcut, onMac } from '../editor/shortcuts.js';
import { COMMENT_SHORTCUT } from '../editor/Toolbar.js';
import { useShortcut } from '../editor/useShortcut.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useRefreshOnFocus } from '../lib/useRefreshOnFocus.js';
import { useResource } from '../lib/useResource.js';
import { useNotifications } from '../notifications/notificationsContext.js';
import { Link } from '../router/Link.js';
import { navigate, useLocation } from '../router/navigation.js';
import { threadOf } from '../router/routes.js';
import { useCurrentUser } from '../session/sessionContext.js';
import { RestoredNotice, type RestoreEvent } from '../versions/RestoredNotice.js';
import { HistoryPanel } from '../versions/HistoryPanel.js';
import { SaveVersionDialog } from '../versions/SaveVersionDialog.js';
import { useVersionHistory } from '../versions/useVersionHistory.js';
import { labelOf, labelWords } from '../versions/versionLabel.js';
import { VersionView } from '../versions/VersionView.js';

const SAVE_VERSION_SHORTCUT = 'Mod-Alt-s';
const THREADS_REFRESH_MS = 60_000;
const isMac = onMac();

export function EditorPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const user = useCurrentUser();
  const meta = useDocumentMeta(documentId);
  const collaboration = useCollaboration(documentId, user.id);
  const provider = collaboration?.provider ?? null;
  const closeCode = useFinalCloseCode(provider);
  const connection = useConnectionState(provider);
  const save = useSaveState(collaboration, connection);
  const presence = usePresence(provider, user.username);
  const [sharing, setSharing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  /** The version shown read-only instead of the editor. */
  const [viewing, setViewing] = useState<VersionDto | null>(null);
  const [savingVersion, setSavingVersion] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [exporting, setExporting] = useState(false);
  /** A placeholder from the approval check to select in the editor (an object, so that choosing it again selects the next one). */
  const [placeholder, setPlaceholder] = useState<{ text: string } | null>(null);
  const [toast, setToast] = useState<string | null>(null);
  /** Someone else restored a version while this page was open. */
  const [restoredBy, setRestoredBy] = useState<RestoreEvent | null>(null);
  const history = useVersionHistory(documentId, historyOpen);
  const [editor, setEditor] = useState<Editor | null>(null);
  const comments = useComments(documentId, editor);
  const notifications = useNotifications();
  const loadMembers = useCallback(() => listMembers(documentId), [documentId]);
  const members = useResource(loadMembers, documentId);
  const people = useMemo<PersonDto[]>(() => (members.data ?? []).map((member) => member.user), [members.data]);
  const status = meta.data?.status;
  const approvedVersion = useApprovedVersion(documentId, status);
  const refused = useRefusedChanges(documentId, collaboration, status === undefined ? null : status === 'approved');

  useDocumentEvents(provider, (event) => {
    if (event.type === 'comments') void comments.threads.reload();
    else if (event.type === 'notifications') notifications?.refresh();
    else if (event.type === 'restored') {
      void history.refresh();
      // The restorer has the toast; everyone else is told what replaced their text and where it went.
      if (event.by.username !== user.username) setRestoredBy(event);
    } else {
      void meta.reload();
      void members.reload();
      // an approval or a reopening adds a version (定稿): an open history shows it
      if (event.type === 'document' && historyOpen) void history.refresh();
    }
  });
  useRefreshOnFocus(() => void comments.threads.reload(), THREADS_REFRESH_MS);
  useRetryWhenConnected(connection, [comments.threads, meta, members]);

  // Opened from a notification (…?thread=id): show that thread, then drop the parameter so that the same link works again.
  const { pathname, search } = useLocation();
  const linkedThread = threadOf(search);
  const { activate } = comments;
  useEffect(() => {
    if (!linkedThread) return;
    activate(linkedThread, true);
    setViewing(null);
    navigate(pathname, { replace: true });
  }, [linkedThread, activate, pathname]);

  const doc = meta.data;
  const editable = doc ? canEditBody(doc.role, doc.status) : false;
  const mayComment = doc ? canComment(doc.role) : false;
  const mayStartComment = mayComment && doc?.status !== 'approved';
  const startComment = () => {
    if (!comments.startComment()) setToast(t('comments.selectFirst'));
  };
  const unavailable = unavailabilityOf(meta.error, closeCode);
  const problem = connectionProblemOf(closeCode);
  // Read-only people have nothing of their own to lose; a document that is gone cannot be saved any more.
  useBeforeUnload(editable && !unavailable && save !== 'saved');
  const mayNameVersions = doc ? canSaveVersion(doc.role) : false;
  useShortcut(SAVE_VERSION_SHORTCUT, () => setSavingVersion(true), mayNameVersions && !unavailable);
  useShortcut(COMMENT_SHORTCUT, startComment, mayStartComment && !unavailable && viewing === null);

  // After the approval dialog has closed (and given the focus back), so that the selection keeps it.
  useEffect(() => {
    if (!placeholder || !editor || editor.isDestroyed) return;
    setPlaceholder(null);
    const range = nextPlaceholderRange(editor.state.doc, placeholder.text, editor.state.selection);
    if (!range) return setToast(t('approval.placeholderGone', { text: placeholder.text }));
    editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(range).run();
    revealPosition(editor, range.from);
  }, [placeholder, editor, t]);

  const title = meta.data?.title;
  useEffect(() => {
    document.title = title ? `${title} - ${t('app.name')}` : t('app.name');
  }, [title, t]);

  useEffect(() => {
    if (closeCode === CloseCode.unauthorized) notifyUnauthorized();
  }, [closeCode]);

  // No access any more, or deleted: stop retrying, and leave no copy of it on this computer.
  useEffect(() => {
    if (!unavailable || !collaboration) return;
    collaboration.provider.disconnect();
    void collaboration.persistence.clearData();
    collaboration.unsavedFlag.set(false);
  }, [unavailable, collaboration]);

  if (unavailable) return <DocumentUnavailable reason={unavailable} />;

  if (!doc) {
    if (meta.error !== undefined) {
      return (
        <CenteredMessage>
          <p>
            {t('editor.loadError')} {describeError(meta.error)}
          </p>
          <button type="button" className="button" onClick={() => void meta.reload()}>
            {t('common.retry')}
          </button>
        </CenteredMessage>
      );
    }
    return <CenteredMessage busy>{t('common.loading')}</CenteredMessage>;
  }

  const mayApprove = canApprove(doc.role) && doc.status !== 'approved';
  const maySubmit = canSubmit(doc.role) && doc.status === 'draft';
  // With the owner's extra buttons the bar is full on a laptop: the panel toggles and 导出 show their icons only.
  const compact = mayNameVersions && (mayApprove || maySubmit) ? ' header-button--compact' : '';

  const notices = (
    <>
      {doc.status === 'approved' ? (
        <ApprovedBanner version={approvedVersion.data ?? null} onReopen={canApprove(doc.role) ? () => setReopening(true) : null} />
      ) : (
        !editable && <ReadonlyBanner role={doc.role} />
      )}
      {restoredBy && (
        <RestoredNotice
          event={restoredBy}
          onView={(version) => {
            setViewing(version);
            setRestoredBy(null);
          }}
          onDismiss={() => setRestoredBy(null)}
        />
      )}
      {refused.discarded && (
        <div className="banner banner--warning banner--dismissable" data-testid="discarded-notice" role="alert">
          <span>{t('approval.discarded')}</span>
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

  return (
    <div className="app-shell editor-shell">
      <Header
        actions={
          <>
            {mayNameVersions && (
              <button
                type="button"
                className="button header-button"
                data-testid="save-version-button"
                title={t('toolbar.tooltip', { label: t('versions.save'), keys: formatShortcut(SAVE_VERSION_SHORTCUT, isMac) })}
                onClick={() => setSavingVersion(true)}
              >
                <Icon name="bookmark" />
                <span className="header-button__label">{t('versions.save')}</span>
              </button>
            )}
            {maySubmit && (
              <button type="button" className="button header-button" data-testid="submit-review" title={t('review.submit')} onClick={() => setSubmitting(true)}>
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
                onClick={() => setApproving(true)}
              >
                <Icon name="approve" />
                <span className="header-button__label">{t('approval.approve')}</span>
              </button>
            )}
            <button
              type="button"
              className={`button header-button${compact}`}
              data-testid="comments-toggle"
              aria-pressed={comments.open}
              title={comments.openCount > 0 ? t('comments.toggleCount', { count: comments.openCount }) : t('comments.toggle')}
              onClick={() => comments.setOpen((open) => !open)}
            >
              <Icon name="comment" />
              <span className="header-button__label">{t('comments.toggle')}</span>
              {comments.openCount > 0 && (
                <span className="header-button__count" data-testid="comments-count">
                  {comments.openCount}
                </span>
              )}
            </button>
            <button
              type="button"
              className={`button header-button${compact}`}
              data-testid="history-button"
              aria-pressed={historyOpen}
              title={t('versions.history')}
              onClick={() => setHistoryOpen((open) => !open)}
            >
              <Icon name="history" />
              <span className="header-button__label">{t('versions.history')}</span>
            </button>
            <button
              type="button"
              className={`button header-button${compact}`}
              data-testid="export-button"
              title={t('exporting.export')}
              onClick={() => setExporting(true)}
            >
              <Icon name="download" />
              <span className="header-button__label">{t('exporting.export')}</span>
            </button>
            <PresenceAvatars users={presence} />
            <button type="button" className="button button--primary" data-testid="share-button" onClick={() => setSharing(true)}>
              <Icon name="share" />
              {t('editor.share')}
            </button>
          </>
        }
      >
        <Link to="/" className="icon-button" aria-label={t('editor.backToList')} title={t('editor.backToList')} data-testid="back-to-list">
          <Icon name="back" />
        </Link>
        <EditorTitle
          title={doc.title}
          editable={canRename(doc.role)}
          onRename={async (next) => {
            await renameDocument(documentId, next);
            meta.setData((current) => (current ? { ...current, title: next } : current));
          }}
        />
        <StatusBadge status={doc.status} />
      </Header>

      <div className="editor-body">
        <OutlinePanel editor={viewing === null ? editor : null} />
        {/* Hidden, not unmounted, while a version is shown: the live editor keeps its state and keeps syncing. */}
        <div className="editor-main" hidden={viewing !== null}>
          {collaboration ? (
            <EditorWorkspace
              key={collaboration.ydoc.guid}
              collaboration={collaboration}
              user={user}
              editable={editable}
              connection={connection}
              save={editable ? save : 'readonly'}
              label={doc.title}
              notices={notices}
              concealed={refused.concealed}
              onEditor={setEditor}
              comments={{
                passages: comments.passages,
                activeId: comments.activeId,
                showResolved: comments.showResolved,
                onActivate: (threadId) => comments.activate(threadId, false),
                onComment: mayStartComment ? startComment : null,
                composing: comments.draft !== null,
              }}
            />
          ) : (
            <>
              {notices}
              <div className="workspace" />
            </>
          )}
        </div>
        {viewing && (
          <VersionView
            key={viewing.id}
            documentId={documentId}
            version={viewing}
            versions={history.versions}
            canRestore={canRestoreVersion(doc.role, doc.status)}
            onBack={() => setViewing(null)}
            onRestored={() => {
              const { name, time } = labelOf(viewing, labelWords(t));
              setViewing(null);
              setToast(t('versions.restored', { name: name ?? time }));
              void history.refresh();
            }}
          />
        )}
        {(comments.open || historyOpen) && (
          <div className="side-panels">
            {comments.open && (
              <CommentsPanel
                threads={comments.threads.data}
                loadError={comments.threads.error}
                onRetry={() => void comments.threads.reload()}
                startOf={comments.startOf}
                activeId={comments.activeId}
                onActivate={(threadId) => {
                  // The passage is in the live document: leave the version shown instead of it.
                  setViewing(null);
                  comments.activate(threadId, true);
                }}
                showResolved={comments.showResolved}
                onShowResolved={comments.setShowResolved}
                draft={comments.draft}
                onSendDraft={comments.sendDraft}
                onCancelDraft={comments.cancelDraft}
                canWrite={mayComment}
                note={!mayComment ? t('comments.viewerNote') : doc.status === 'approved' ? t('comments.approvedNote') : null}
                people={people}
                self={user.username}
                onReply={comments.reply}
                onResolve={comments.setResolved}
                onClose={() => comments.setOpen(false)}
              />
            )}
            {historyOpen && (
              <HistoryPanel
                documentId={documentId}
                history={history}
                selectedId={viewing?.id ?? null}
                onSelect={setViewing}
                onShowCurrent={() => setViewing(null)}
                onClose={() => setHistoryOpen(false)}
              />
            )}
          </div>
        )}
      </div>

      {savingVersion && (
        <SaveVersionDialog
          documentId={documentId}
          onClose={() => setSavingVersion(false)}
          onSaved={(version) => {
            setToast(t('versions.saved', { name: version.name ?? '' }));
            if (historyOpen) void history.refresh();
          }}
        />
      )}
      {submitting && (
        <ConfirmDialog
          title={t('review.submitTitle')}
          confirmLabel={t('review.submit')}
          tone="primary"
          errorMessage={describeError}
          onClose={() => setSubmitting(false)}
          onConfirm={async () => {
            meta.setData(await submitForReview(documentId));
            setToast(t('review.submitted'));
          }}
        >
          {t('review.submitBody')}
        </ConfirmDialog>
      )}
      {approving && (
        <ApprovalDialog
          documentId={documentId}
          unsavedChanges={save !== 'saved'}
          onClose={() => setApproving(false)}
          onApproved={(approval) => {
            meta.setData(approval.document);
            setToast(t('approval.approved'));
          }}
          onPlaceholder={(text) => {
            setApproving(false);
            setViewing(null);
            setPlaceholder({ text });
          }}
          onThread={(threadId) => {
            setApproving(false);
            setViewing(null);
            comments.activate(threadId, true);
          }}
        />
      )}
      {reopening && (
        <ConfirmDialog
          title={t('approval.reopenTitle')}
          confirmLabel={t('approval.reopen')}
          tone="primary"
          errorMessage={describeError}
          onClose={() => setReopening(false)}
          onConfirm={async () => {
            meta.setData(await reopenDocument(documentId));
            setToast(t('approval.reopened'));
          }}
        >
          {t('approval.reopenBody')}
        </ConfirmDialog>
      )}
      {exporting && (
        <ExportDialog
          documentId={documentId}
          title={doc.title}
          status={doc.status}
          viewingVersionId={viewing?.id ?? null}
          onClose={() => setExporting(false)}
        />
      )}
      {toast && <Toast message={toast} onDone={() => setToast(null)} />}

      {sharing && (
        <ShareDialog
          documentId={documentId}
          documentTitle={doc.title}
          myRole={doc.role}
          myUsername={user.username}
          onClose={() => setSharing(false)}
          onChanged={() => void meta.reload()}
        />
      )}
    </div>
  );
}
