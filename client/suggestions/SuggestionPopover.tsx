// The card over a suggestion in the text: shown while the pointer is on it
// (and on the card), or while the caret is in it, so that it is there for
// the keyboard too (Tab from the text reaches its buttons); Escape puts it
// away. Reviewers accept or reject from it. A click on a suggestion also
// marks its card in the 修订 pane.
import type { Editor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../lib/useNow.js';
import { colourStyle, SuggestionDetails } from './SuggestionDetails.js';
import { personOf } from './suggestionPeople.js';
import type { Suggestions } from './useSuggestions.js';

/** How long the card stays once the pointer leaves the text, to be reached. */
const LINGER_MS = 250;
const WIDTH = 280;

interface Shown {
  id: string;
  /** The suggestion's box on screen (the hovered piece, or the caret). */
  left: number;
  top: number;
  bottom: number;
  /** From the caret rather than the pointer. */
  caret: boolean;
}

/** The suggestion under the caret of an empty selection, and where the caret is. */
function atCaret(editor: Editor): Shown | null {
  const { selection } = editor.state;
  if (!selection.empty || !editor.isFocused) return null;
  const { node, offset } = editor.view.domAtPos(selection.from);
  const element = node instanceof Element ? (node.childNodes[offset] ?? node) : node.parentElement;
  const piece = element instanceof Element ? element.closest('[data-suggestion-id]') : null;
  if (!piece) return null;
  const caret = editor.view.coordsAtPos(selection.from);
  return { id: piece.getAttribute('data-suggestion-id')!, left: caret.left, top: caret.top, bottom: caret.bottom, caret: true };
}

export function SuggestionPopover({ editor, suggestions, mayReview }: { editor: Editor | null; suggestions: Suggestions; mayReview: boolean }) {
  const { t } = useTranslation();
  const now = useNow(30_000);
  const [shown, setShown] = useState<Shown | null>(null);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const linger = useRef<number | undefined>(undefined);
  const cardRef = useRef<HTMLDivElement>(null);
  const choose = useRef(suggestions.choose);
  choose.current = suggestions.choose;

  useEffect(() => {
    if (!editor) return;
    const dom = editor.view.dom;
    const onOver = (event: MouseEvent) => {
      const piece = event.target instanceof Element ? event.target.closest('[data-suggestion-id]') : null;
      if (!piece) return;
      window.clearTimeout(linger.current);
      const box = piece.getBoundingClientRect();
      setShown({ id: piece.getAttribute('data-suggestion-id')!, left: box.left, top: box.top, bottom: box.bottom, caret: false });
    };
    const onOut = (event: MouseEvent) => {
      if (!(event.target instanceof Element) || !event.target.closest('[data-suggestion-id]')) return;
      window.clearTimeout(linger.current);
      linger.current = window.setTimeout(() => setShown((current) => (current?.caret ? current : atCaret(editor))), LINGER_MS);
    };
    const onSelection = () => {
      setDismissed(null);
      setShown((current) => (current && !current.caret ? current : atCaret(editor)));
    };
    // Focus moving from the text into the card (Tab) keeps it.
    const onBlur = ({ event }: { event: FocusEvent }) => {
      if (event.relatedTarget instanceof Node && cardRef.current?.contains(event.relatedTarget)) return;
      onSelection();
    };
    // The text moving under the card (not the pane's scrolling) puts it away.
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && event.target.contains(dom)) setShown(null);
    };
    const onClick = (event: MouseEvent) => {
      const piece = event.target instanceof Element ? event.target.closest('[data-suggestion-id]') : null;
      if (piece) choose.current(piece.getAttribute('data-suggestion-id')!);
    };
    dom.addEventListener('click', onClick);
    dom.addEventListener('mouseover', onOver);
    dom.addEventListener('mouseout', onOut);
    editor.on('selectionUpdate', onSelection);
    editor.on('blur', onBlur);
    window.addEventListener('scroll', onScroll, true);
    return () => {
      window.clearTimeout(linger.current);
      dom.removeEventListener('click', onClick);
      dom.removeEventListener('mouseover', onOver);
      dom.removeEventListener('mouseout', onOut);
      editor.off('selectionUpdate', onSelection);
      editor.off('blur', onBlur);
      window.removeEventListener('scroll', onScroll, true);
    };
  }, [editor]);

  useEffect(() => {
    if (!shown) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // from the card's buttons, back to the text
      if (cardRef.current?.contains(document.activeElement)) editor?.commands.focus();
      setDismissed(shown.id);
      setShown(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [shown, editor]);

  const suggestion = shown && shown.id !== dismissed ? suggestions.list.find((entry) => entry.id === shown.id) : undefined;
  if (!shown || !suggestion) return null;
  const below = shown.bottom + 6;
  // above the text when there is no room below it
  const style = {
    ...colourStyle(personOf(suggestions.people, suggestion.author).color),
    left: Math.max(8, Math.min(shown.left, window.innerWidth - WIDTH - 8)),
    ...(below + 150 > window.innerHeight ? { bottom: window.innerHeight - shown.top + 6 } : { top: below }),
  };
  return (
    <div
      className="suggestion-popover"
      role="dialog"
      aria-label={t('suggestions.cardLabel', {
        name: personOf(suggestions.people, suggestion.author).displayName,
        kind: t(`suggestions.kind.${suggestion.kind}`),
      })}
      data-testid="suggestion-popover"
      data-suggestion-id={suggestion.id}
      style={style}
      onMouseEnter={() => window.clearTimeout(linger.current)}
      ref={cardRef}
      onMouseLeave={() => setShown((current) => (current?.caret ? current : null))}
      // Tabbing on out of the card puts it away; back into the text keeps it for the caret.
      onBlur={(event) => {
        const next = event.relatedTarget;
        if (next instanceof Node && (event.currentTarget.contains(next) || editor?.view.dom.contains(next))) return;
        setShown(null);
      }}
      // Keep the editor's selection and focus: a press here is not a click in the text.
      onMouseDown={(event) => event.preventDefault()}
    >
      <SuggestionDetails
        suggestion={suggestion}
        people={suggestions.people}
        now={now}
        pending={suggestions.pending.has(suggestion.id)}
        onReview={mayReview ? (decision) => void suggestions.review(suggestion.id, decision) : null}
      />
    </div>
  );
}
