// The editor page: the header (title, status, actions), the banners, the live
// editor or a version shown instead of it, the side panels, the dialogs and
// the toast. It holds what they share (the document, who may do what, the
// version shown, which panels and dialogs are open, 编辑 or 修订); the
// pieces are in client/editor and client/suggestions.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto, VersionDto } from '../../shared/api.js';
import { canApprove, canComment, canRename, canRestoreVersion, canSaveVersion, canSubmit } from '../../shared/access.js';
import { useApprovedVersion } from '../approval/useApprovedVersion.js';
import { useRefusedChanges } from '../approval/useRefusedChanges.js';
import { useComments } from '../comments/useComments.js';
import { listMembers, renameDocument } from '../http/documentsApi.js';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { Header } from '../components/Header.js';
import { Icon } from '../components/Icon.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { useToast } from '../components/useToast.js';
import { DocumentUnavailable } from '../editor/DocumentUnavailable.js';
import { EditorDialogs } from '../editor/EditorDialogs.js';
import { EditorHeaderActions, SAVE_VERSION_SHORTCUT } from '../editor/EditorHeaderActions.js';
import { EditorNotices } from '../editor/EditorNotices.js';
import { EditorSidePanels } from '../editor/EditorSidePanels.js';
import { EditorTitle } from '../editor/EditorTitle.js';
import { EditorWorkspace } from '../editor/EditorWorkspace.js';
import { unavailabilityOf } from '../editor/unavailability.js';
import { useBeforeUnload } from '../editor/useBeforeUnload.js';
import { useClosedDocument } from '../editor/useClosedDocument.js';
import { useCollaboration } from '../editor/useCollaboration.js';
import { useConnectionState } from '../editor/useConnectionState.js';
import { useDocumentMeta } from '../editor/useDocumentMeta.js';
import { useEditorDialogs } from '../editor/useEditorDialogs.js';
import { useEditorPageEvents } from '../editor/useEditorPageEvents.js';
import { useLinkedThread } from '../editor/useLinkedThread.js';
import { OutlinePanel } from '../editor/OutlinePanel.js';
import { sectionAccess } from '../editor/sectionAccess.js';
import { SectionAssignLayer } from '../editor/SectionAssignLayer.js';
import { SectionMargin } from '../editor/SectionMargin.js';
import { useLinkedSection } from '../editor/useLinkedSection.js';
import { useSections, useStartDrafting } from '../editor/useSections.js';
import { useFinalCloseCode } from '../editor/useFinalCloseCode.js';
import { connectionProblemOf } from '../editor/connectionProblem.js';
import { usePlaceholderSelection } from '../editor/usePlaceholderSelection.js';
import { usePresence } from '../editor/usePresence.js';
import { useSaveState } from '../editor/useSaveState.js';
import { COMMENT_SHORTCUT } from '../editor/Toolbar.js';
import { useShortcut } from '../editor/useShortcut.js';
import { ImportWarningsNotice, useImportWarnings } from '../import/ImportWarningsNotice.js';
import { LazyPanel } from '../lazy/LazyPlaces.js';
import { VersionViewPart } from '../lazy/parts.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';
import { Link } from '../router/Link.js';
import { useCurrentUser } from '../session/sessionContext.js';
import { useEditorSuggestions } from '../suggestions/useEditorSuggestions.js';
import { useRefusedEdits } from '../suggestions/useRetypeRefused.js';
import { useAssigning } from '../editor/useAssigning.js';
import type { RestoreEvent } from '../versions/RestoredNotice.js';
import { useVersionHistory } from '../versions/useVersionHistory.js';
import { labelOf, labelWords } from '../versions/versionLabel.js';

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
  const dialogs = useEditorDialogs();
  const [historyOpen, setHistoryOpen] = useState(false);
  /** The version shown read-only instead of the editor. */
  const [viewing, setViewing] = useState<VersionDto | null>(null);
  const [toast, showToast] = useToast();
  /** Someone else restored a version while this page was open. */
  const [restoredBy, setRestoredBy] = useState<RestoreEvent | null>(null);
  const history = useVersionHistory(documentId, historyOpen);
  const [editor, setEditor] = useState<Editor | null>(null);
  const comments = useComments(documentId, editor);
  const loadMembers = useCallback(() => listMembers(documentId), [documentId]);
  const members = useResource(loadMembers, documentId);
  const people = useMemo<PersonDto[]>(() => (members.data ?? []).map((member) => member.user), [members.data]);
  const { mode, suggestions, editable, ...suggesting } = useEditorSuggestions(documentId, meta, editor, people, showToast);
  const status = meta.data?.status;
  const approvedVersion = useApprovedVersion(documentId, status);
  const refused = useRefusedChanges(documentId, collaboration, status === undefined ? null : status === 'approved');
  const refusedEdits = useRefusedEdits(refused, editor, collaboration);
  const selectPlaceholder = usePlaceholderSelection(editor, showToast);
  const sections = useSections(documentId, editor, people, showToast);
  useStartDrafting(editor, sections, user.username);
  /** What an import from Word just now could not carry over (shown once). */
  const [importWarnings, dismissImportWarnings] = useImportWarnings(documentId);
  /** The section whose 分配 is open. */
  const [assigning, assign, setAssigning] = useAssigning(members.reload);

  useEditorPageEvents({
    provider,
    connection,
    username: user.username,
    comments,
    meta,
    members,
    history,
    historyOpen,
    sections: sections.records,
    onRestoredByOther: setRestoredBy,
    onRefused: refusedEdits.onRefused,
  });
  useLinkedThread(comments.activate, () => setViewing(null));
  useLinkedSection(editor, sections.live, () => setViewing(null));

  const doc = meta.data;
  const mayComment = doc ? canComment(doc.role) : false;
  const mayStartComment = mayComment && doc?.status !== 'approved';
  const startComment = () => {
    if (!comments.startComment()) showToast(t('comments.selectFirst'));
  };
  const unavailable = unavailabilityOf(meta.error, closeCode);
  const problem = connectionProblemOf(closeCode);
  // Read-only people have nothing of their own to lose; a document that is gone cannot be saved any more.
  useBeforeUnload(editable && !unavailable && save !== 'saved');
  const mayNameVersions = doc ? canSaveVersion(doc.role) : false;
  useShortcut(SAVE_VERSION_SHORTCUT, () => dialogs.open('saveVersion'), mayNameVersions && !unavailable);
  useShortcut(COMMENT_SHORTCUT, startComment, mayStartComment && !unavailable && viewing === null);

  const title = meta.data?.title;
  useEffect(() => {
    document.title = title ? `${title} - ${t('app.name')}` : t('app.name');
  }, [title, t]);

  useClosedDocument(closeCode, unavailable, collaboration);

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

  const access = sectionAccess(doc, user.username);

  const notices = (
    <EditorNotices
      doc={doc}
      editable={editable}
      suggestLock={mode.lock}
      approvedVersion={approvedVersion.data ?? null}
      onReopen={canApprove(doc.role) ? () => dialogs.open('reopen') : null}
      restoredBy={restoredBy}
      onViewRestored={(version) => {
        setViewing(version);
        setRestoredBy(null);
      }}
      onDismissRestored={() => setRestoredBy(null)}
      refused={refused}
      retyped={refusedEdits.retyped}
      problem={problem}
      provider={provider}
      save={save}
    />
  );

  return (
    <div className="app-shell editor-shell">
      <Header
        actions={
          <EditorHeaderActions
            mayNameVersions={mayNameVersions}
            maySubmit={canSubmit(doc.role) && doc.status === 'draft'}
            mayApprove={canApprove(doc.role) && doc.status !== 'approved'}
            commentsOpen={comments.open}
            openCount={comments.openCount}
            onToggleComments={() => comments.setOpen((open) => !open)}
            suggestionsOpen={suggestions.open}
            suggestionCount={suggestions.list.length}
            onToggleSuggestions={() => suggestions.setOpen((open) => !open)}
            historyOpen={historyOpen}
            onToggleHistory={() => setHistoryOpen((open) => !open)}
            presence={presence}
            onOpenDialog={dialogs.open}
          />
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
        <OutlinePanel editor={viewing === null ? editor : null} sections={sections} access={access} onAssign={assign} />
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
              notices={
                <>
                  <ImportWarningsNotice warnings={importWarnings} onDismiss={dismissImportWarnings} />
                  {notices}
                </>
              }
              concealed={refused.concealed}
              onEditor={setEditor}
              margin={<SectionMargin editor={editor} sections={sections.live} access={access} onAssign={assign} />}
              afterBody={suggesting.popover}
              suggest={suggesting.workspace}
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
              <ImportWarningsNotice warnings={importWarnings} onDismiss={dismissImportWarnings} />
              {notices}
              <div className="workspace" />
            </>
          )}
        </div>
        {viewing && (
          <LazyPanel key={viewing.id} className="version-view">
            <VersionViewPart.Component
              documentId={documentId}
              version={viewing}
              versions={history.versions}
              canRestore={canRestoreVersion(doc.role, doc.status, doc.suggestOnly)}
              onBack={() => setViewing(null)}
              onRestored={() => {
                const { name, time } = labelOf(viewing, labelWords(t));
                setViewing(null);
                showToast(t('versions.restored', { name: name ?? time }));
                void history.refresh();
              }}
            />
          </LazyPanel>
        )}
        <EditorSidePanels
          documentId={documentId}
          doc={doc}
          comments={comments}
          suggestions={suggestions}
          onSuggestOnly={suggesting.setSuggestOnly}
          people={people}
          self={user.username}
          history={history}
          historyOpen={historyOpen}
          onCloseHistory={() => setHistoryOpen(false)}
          viewing={viewing}
          onView={setViewing}
        />
      </div>

      <EditorDialogs
        documentId={documentId}
        doc={doc}
        dialogs={dialogs}
        myUsername={user.username}
        unsavedChanges={save !== 'saved'}
        viewingVersionId={viewing?.id ?? null}
        onDocument={meta.setData}
        onMembersChanged={() => void meta.reload()}
        onVersionSaved={() => {
          if (historyOpen) void history.refresh();
        }}
        onPlaceholder={(text) => {
          setViewing(null);
          selectPlaceholder(text);
        }}
        onThread={(threadId) => {
          setViewing(null);
          comments.activate(threadId, true);
        }}
        pendingSuggestions={suggestions.list.length}
        onSuggestions={() => {
          setViewing(null);
          suggestions.setOpen(true);
        }}
        showToast={showToast}
      />
      {assigning && (
        <SectionAssignLayer
          sectionId={assigning}
          live={sections.live}
          members={members.data ?? []}
          access={access}
          onSave={sections.update}
          onClose={() => setAssigning(null)}
        />
      )}
      {toast}
    </div>
  );
}
