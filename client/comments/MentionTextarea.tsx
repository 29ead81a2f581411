// A comment box: plain text, Ctrl+Enter sends, and typing "@" offers the
// document's members to mention, chosen with the arrow keys and Enter (or Tab)
// or with the mouse.
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '../../shared/api.js';
import { Avatar } from '../components/Avatar.js';
import { insertMention, matchMembers, mentionQueryAt, type MentionQuery } from './mentions.js';

/** The server refuses longer comments. */
export const MAX_COMMENT_CHARS = 5000;

interface MentionTextareaProps {
  name: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  /** Ctrl+Enter (⌘+Enter). */
  onSubmit: () => void;
  /** Escape with nothing offered. */
  onCancel?: () => void;
  people: readonly PersonDto[];
  /** The writer: not offered. */
  self: string;
  autoFocus?: boolean;
  disabled?: boolean;
}

export function MentionTextarea({ name, label, placeholder, value, onChange, onSubmit, onCancel, people, self, autoFocus, disabled }: MentionTextareaProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const [query, setQuery] = useState<MentionQuery | null>(null);
  const [highlighted, setHighlighted] = useState(0);
  /** The "@" whose offer was dismissed with Escape: not offered again until another is typed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  /** Where the caret goes after a mention is inserted (once React has the new value). */
  const caretAfter = useRef<number | null>(null);

  const options = useMemo(() => (query && query.start !== dismissedAt ? matchMembers(people, query.query, self) : []), [query, dismissedAt, people, self]);
  const open = options.length > 0;

  useLayoutEffect(() => {
    if (caretAfter.current === null || !ref.current) return;
    ref.current.setSelectionRange(caretAfter.current, caretAfter.current);
    caretAfter.current = null;
  }, [value]);

  // Grows with its text, up to a limit after which it scrolls.
  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    box.style.height = 'auto';
    box.style.height = `${Math.min(box.scrollHeight + 2, 240)}px`;
  }, [value]);

  function readQuery() {
    const box = ref.current;
    if (!box) return;
    const next = box.selectionStart === box.selectionEnd ? mentionQueryAt(box.value, box.selectionStart) : null;
    setQuery((current) => (current?.start === next?.start && current?.query === next?.query ? current : next));
    if (next?.start !== query?.start) setHighlighted(0);
  }

  function choose(person: PersonDto) {
    const box = ref.current;
    if (!box || !query) return;
    const next = insertMention(box.value, query, box.selectionStart, person.username);
    caretAfter.current = next.caret;
    setQuery(null);
    onChange(next.text);
    box.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setHighlighted((index) => (index + step + options.length) % options.length);
        return;
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault();
        choose(options[Math.min(highlighted, options.length - 1)]);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(query?.start ?? null);
        return;
      }
    }
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmit();
    } else if (event.key === 'Escape' && onCancel) {
      event.preventDefault();
      onCancel();
    }
  }

  const active = open ? Math.min(highlighted, options.length - 1) : -1;
  return (
    <div className="mention-box">
      <textarea
        ref={ref}
        className="input comment-input"
        name={name}
        aria-label={label}
        placeholder={placeholder}
        value={value}
        rows={2}
        maxLength={MAX_COMMENT_CHARS}
        autoFocus={autoFocus}
        disabled={disabled}
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? `${listId}-${active}` : undefined}
        onChange={(event) => {
          onChange(event.target.value);
          if (dismissedAt !== null && !event.target.value.includes('@')) setDismissedAt(null);
        }}
        onSelect={readQuery}
        onKeyDown={onKeyDown}
        onBlur={() => setQuery(null)}
      />
      {open && (
        <ul className="mention-list" role="listbox" id={listId} aria-label={t('comments.mentionList')}>
          {options.map((person, index) => (
            <li
              key={person.username}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="mention-list__option"
              data-testid="mention-option"
              data-username={person.username}
              // Before the textarea loses the focus (and with it the offer).
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
              onMouseEnter={() => setHighlighted(index)}
            >
              <Avatar name={person.displayName} color={person.color} size={22} />
              <span className="mention-list__name">{person.displayName}</span>
              <span className="mention-list__username">@{person.username}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
