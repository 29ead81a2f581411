// The panels beside the editor: the comment threads, the suggestions (修订)
// and the version history, any of them, each with its own toggle in the header.
// All start closed, so each is loaded when first opened (client/lazy/parts.ts).
import { useTranslation } from 'react-i18next';
import type { DocumentDto, PersonDto, VersionDto } from '../../shared/api.js';
import { canComment, canReviewSuggestions, canSetReview } from '../../shared/access.js';
import type { Comments } from '../comments/useComments.js';
import { LazyPanel } from '../lazy/LazyPlaces.js';
import { CommentsPanelPart, HistoryPanelPart, SuggestionsPanelPart } from '../lazy/parts.js';
import type { Suggestions } from '../suggestions/useSuggestions.js';
import type { VersionHistory } from '../versions/useVersionHistory.js';

interface EditorSidePanelsProps {
  documentId: string;
  doc: DocumentDto;
  comments: Comments;
  suggestions: Suggestions;
  /** The owner's 要求所有人以修订方式修改 (PUT /review). */
  onSuggestOnly: (on: boolean) => Promise<void>;
  people: readonly PersonDto[];
  self: string;
  history: VersionHistory;
  historyOpen: boolean;
  onCloseHistory: () => void;
  /** The version shown instead of the editor, if any. */
  viewing: VersionDto | null;
  onView: (version: VersionDto | null) => void;
}

export function EditorSidePanels(props: EditorSidePanelsProps) {
  const { documentId, doc, comments, suggestions, people, self, history, historyOpen, onCloseHistory, viewing, onView } = props;
  const { t } = useTranslation();
  const mayComment = canComment(doc.role);
  if (!comments.open && !suggestions.open && !historyOpen) return null;
  return (
    <div className="side-panels">
      {comments.open && (
        <LazyPanel>
          <CommentsPanelPart.Component
            threads={comments.threads.data}
            loadError={comments.threads.error}
            onRetry={() => void comments.threads.reload()}
            startOf={comments.startOf}
            activeId={comments.activeId}
            onActivate={(threadId) => {
              // The passage is in the live document: leave the version shown instead of it.
              onView(null);
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
            self={self}
            onReply={comments.reply}
            onResolve={comments.setResolved}
            onClose={() => comments.setOpen(false)}
          />
        </LazyPanel>
      )}
      {suggestions.open && (
        <LazyPanel>
          <SuggestionsPanelPart.Component
            suggestions={{
              ...suggestions,
              // The suggestion is in the live document: leave the version shown instead of it.
              focus: (id) => {
                onView(null);
                suggestions.focus(id);
              },
            }}
            mayReview={canReviewSuggestions(doc.role) && doc.status !== 'approved'}
            suggestOnly={canSetReview(doc.role) && doc.status !== 'approved' ? { on: doc.suggestOnly ?? false, set: props.onSuggestOnly } : null}
            onClose={() => suggestions.setOpen(false)}
          />
        </LazyPanel>
      )}
      {historyOpen && (
        <LazyPanel>
          <HistoryPanelPart.Component
            documentId={documentId}
            history={history}
            selectedId={viewing?.id ?? null}
            onSelect={onView}
            onShowCurrent={() => onView(null)}
            onClose={onCloseHistory}
          />
        </LazyPanel>
      )}
    </div>
  );
}
