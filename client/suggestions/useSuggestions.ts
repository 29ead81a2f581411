// The suggestions (修订) of the open document as the page uses them: the list,
// read from the live document at every change (not polled: what Yjs brings
// in is what there is), the one chosen, the colours of their authors in the
// text, and accepting and rejecting them through the server. A failed
// decision is told in a toast, never dropped.
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '../../shared/api.js';
import { revealPosition } from '../editor/revealPosition.js';
import { setSuggestionColours } from '../editor/SuggestionColours.js';
import { reviewAllSuggestions, reviewSuggestion, type SuggestionDecision } from '../http/suggestionsApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { listedSuggestions, type ListedSuggestion } from './listedSuggestions.js';
import { peopleByUsername, type PeopleByUsername } from './suggestionPeople.js';
import { rangeOfSuggestion } from './suggestionRange.js';

export interface Suggestions {
  /** In document order. */
  list: ListedSuggestion[];
  people: PeopleByUsername;
  open: boolean;
  setOpen: (open: boolean | ((open: boolean) => boolean)) => void;
  activeId: string | null;
  /** Selects the suggestion in the text, scrolls to it and marks it in the pane. */
  focus: (id: string) => void;
  /** Marks it in the pane only (a click on it in the text, which places the caret itself). */
  choose: (id: string) => void;
  /** Sent and not yet gone from the text: their buttons wait. */
  pending: ReadonlySet<string>;
  /** Accepts or rejects one; an error is shown as a toast. */
  review: (id: string, decision: SuggestionDecision) => Promise<void>;
  /** Every one, or every one of `author`'s; throws, for the confirmation dialog to show. */
  reviewAll: (decision: SuggestionDecision, author?: string) => Promise<void>;
}

const NONE: ListedSuggestion[] = [];

export function useSuggestions(documentId: string, editor: Editor | null, members: readonly PersonDto[], showToast: (message: string) => void): Suggestions {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  // deep-compared by useEditorState: a keystroke elsewhere does not re-render the pane
  const list = useEditorState({ editor, selector: ({ editor: current }) => (current ? listedSuggestions(current.state.doc) : NONE) }) ?? NONE;
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const people = useMemo(() => peopleByUsername(members), [members]);
  const activeId = chosen !== null && list.some((suggestion) => suggestion.id === chosen) ? chosen : null;

  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setSuggestionColours(editor.state.tr, { people }));
  }, [editor, people]);
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setSuggestionColours(editor.state.tr, { activeId }));
  }, [editor, activeId]);

  const focus = useCallback(
    (id: string) => {
      setChosen(id);
      if (!editor || editor.isDestroyed) return;
      const range = rangeOfSuggestion(editor.state.doc, id);
      if (!range) return;
      editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, range.from, range.to)));
      revealPosition(editor, range.from);
    },
    [editor],
  );

  const review = useCallback(
    async (id: string, decision: SuggestionDecision) => {
      setPending((current) => new Set(current).add(id));
      try {
        await reviewSuggestion(documentId, id, decision);
      } catch (caught) {
        setPending((current) => {
          const next = new Set(current);
          next.delete(id);
          return next;
        });
        showToast(t(decision === 'accept' ? 'suggestions.acceptFailed' : 'suggestions.rejectFailed', { detail: describeError(caught) }));
      }
    },
    [documentId, showToast, t, describeError],
  );

  const reviewAll = useCallback(
    async (decision: SuggestionDecision, author?: string) => {
      const result = await reviewAllSuggestions(documentId, decision, author);
      const count = (decision === 'accept' ? result.accepted : result.rejected) ?? 0;
      showToast(t(decision === 'accept' ? 'suggestions.acceptedAll' : 'suggestions.rejectedAll', { count }));
    },
    [documentId, showToast, t],
  );

  return { list, people, open, setOpen, activeId, focus, choose: setChosen, pending, review, reviewAll };
}
