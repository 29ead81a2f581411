// 修订 on the editor page, put together: 编辑 or 修订 (useSuggestMode), the
// suggestions (useSuggestions), and what the page hands to the workspace,
// the hover card and the owner's 要求所有人以修订方式修改, so that the page
// only places them.
import type { Editor } from '@tiptap/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { canReviewSuggestions } from '../../shared/access.js';
import type { DocumentDto, PersonDto } from '../../shared/api.js';
import type { WorkspaceSuggest } from '../editor/EditorWorkspace.js';
import { useShortcut } from '../editor/useShortcut.js';
import { setSuggestOnly } from '../http/documentsApi.js';
import type { Resource } from '../lib/useResource.js';
import { SuggestionPopover } from './SuggestionPopover.js';
import { SuggestModeToggle } from './SuggestModeToggle.js';
import { useSuggestions, type Suggestions } from './useSuggestions.js';
import { SUGGEST_SHORTCUT, useSuggestMode, type SuggestModeControl } from './useSuggestMode.js';

export interface EditorSuggestions {
  mode: SuggestModeControl;
  suggestions: Suggestions;
  /** The body takes typing: to edit, or to suggest. */
  editable: boolean;
  workspace: WorkspaceSuggest;
  /** The card over the suggestion under the pointer or the caret. */
  popover: ReactNode;
  /** The owner's switch (PUT /review); the document shows it once the server agrees. */
  setSuggestOnly: (on: boolean) => Promise<void>;
}

export function useEditorSuggestions(
  documentId: string,
  meta: Resource<DocumentDto>,
  editor: Editor | null,
  people: readonly PersonDto[],
  showToast: (message: string) => void,
): EditorSuggestions {
  const { t } = useTranslation();
  const doc = meta.data;
  const mode = useSuggestMode(documentId, doc, editor);
  const suggestions = useSuggestions(documentId, editor, people, showToast);
  // 修订 only (a commenter, an editor in review) still types into the body: as suggestions.
  const editable = mode.access !== 'read';
  const mayReview = doc ? canReviewSuggestions(doc.role) && doc.status !== 'approved' : false;
  // Ctrl+Shift+E where 修订 cannot be turned off: say why, rather than let it fall through to the editor.
  const { lock } = mode;
  useShortcut(SUGGEST_SHORTCUT, () => showToast(t(`suggestions.lock.${lock!}`)), editable && lock !== null);
  const { setData } = meta;
  return {
    mode,
    suggestions,
    editable,
    workspace: {
      toggle: editable ? <SuggestModeToggle mode={mode} /> : null,
      suggesting: mode.suggesting,
      onRefused: (reason) => showToast(t(`suggestions.refused.${reason}`)),
    },
    popover: <SuggestionPopover editor={editor} suggestions={suggestions} mayReview={mayReview} />,
    setSuggestOnly: async (on) => {
      await setSuggestOnly(documentId, on);
      setData((current) => (current ? { ...current, suggestOnly: on } : current));
    },
  };
}
