// The 修订 pane beside the page, like Word's 审阅窗格: every pending suggestion
// in document order with who made it, what and when; a click goes to it in
// the text. Reviewers (owners, editors) accept or reject each, all, or all of
// one person's (after a confirmation); the owner asks everyone to suggest.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Icon } from '../components/Icon.js';
import { SidePanelHeader } from '../components/SidePanelHeader.js';
import type { SuggestionDecision } from '../http/suggestionsApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useNow } from '../lib/useNow.js';
import { colourStyle, SuggestionDetails } from './SuggestionDetails.js';
import { authorsOf, personOf } from './suggestionPeople.js';
import { SuggestOnlySwitch } from './SuggestOnlySwitch.js';
import type { Suggestions } from './useSuggestions.js';

interface SuggestionsPanelProps {
  suggestions: Suggestions;
  /** Accept and reject (owners and editors). */
  mayReview: boolean;
  /** The owner's 要求所有人以修订方式修改; null for everyone else. */
  suggestOnly: { on: boolean; set: (on: boolean) => Promise<void> } | null;
  onClose: () => void;
}

export function SuggestionsPanel({ suggestions, mayReview, suggestOnly, onClose }: SuggestionsPanelProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const now = useNow(30_000);
  const titleId = useId();
  const { list, people } = suggestions;
  /** Whose suggestions are shown (and decided on at once); '' for everyone's. */
  const [author, setAuthor] = useState('');
  const [confirming, setConfirming] = useState<SuggestionDecision | null>(null);
  const authors = authorsOf(list);
  // everyone's again once the person chosen has no suggestion left, or is the only one with any (the choice is hidden then)
  const filter = authors.length > 1 && authors.some((entry) => entry.author === author) ? author : '';
  const shown = filter ? list.filter((suggestion) => suggestion.author === filter) : list;
  const name = filter ? personOf(people, filter).displayName : null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { activeId } = suggestions;
  useEffect(() => {
    if (activeId) scrollRef.current?.querySelector(`[data-suggestion-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeId]);

  return (
    <aside className="side-panel suggestions-panel" data-testid="suggestions-panel" aria-labelledby={titleId}>
      <SidePanelHeader
        titleId={titleId}
        title={t('suggestions.pane')}
        count={list.length}
        countTestId="suggestions-panel-count"
        closeLabel={t('suggestions.close')}
        closeTestId="close-suggestions"
        onClose={onClose}
      />

      {(suggestOnly || (authors.length > 1 && list.length > 0) || (mayReview && list.length > 0)) && (
        <div className="suggestions-panel__tools">
          {suggestOnly && <SuggestOnlySwitch on={suggestOnly.on} set={suggestOnly.set} />}
          {authors.length > 1 && (
            <label className="suggestions-panel__row">
              <span>{t('suggestions.filter')}</span>
              <select
                className="select select--small"
                value={filter}
                onChange={(event) => setAuthor(event.target.value)}
                data-testid="suggestions-author-filter"
              >
                <option value="">{t('suggestions.everyone', { count: list.length })}</option>
                {authors.map((entry) => (
                  <option key={entry.author} value={entry.author}>
                    {t('suggestions.personCount', { name: personOf(people, entry.author).displayName, count: entry.count })}
                  </option>
                ))}
              </select>
            </label>
          )}
          {mayReview && list.length > 0 && (
            <div className="suggestions-panel__row">
              <button type="button" className="button button--small" data-testid="accept-all-suggestions" onClick={() => setConfirming('accept')}>
                <Icon name="check" size={14} />
                {name ? t('suggestions.acceptAllOf', { name }) : t('suggestions.acceptAll')}
              </button>
              <button type="button" className="button button--small" data-testid="reject-all-suggestions" onClick={() => setConfirming('reject')}>
                <Icon name="close" size={14} />
                {name ? t('suggestions.rejectAllOf', { name }) : t('suggestions.rejectAll')}
              </button>
            </div>
          )}
        </div>
      )}

      <div className="side-panel__scroll" ref={scrollRef}>
        {list.length === 0 ? (
          <p className="side-panel__empty muted" data-testid="suggestions-empty">
            {t('suggestions.empty')}
          </p>
        ) : (
          <>
            {!mayReview && <p className="comments-panel__note">{t('suggestions.reviewersOnly')}</p>}
            <ol className="suggestion-list">
              {shown.map((suggestion) => (
                <li key={suggestion.id}>
                  <article
                    className={suggestion.id === suggestions.activeId ? 'suggestion-card suggestion-card--active' : 'suggestion-card'}
                    style={colourStyle(personOf(people, suggestion.author).color)}
                    data-testid="suggestion-card"
                    data-suggestion-id={suggestion.id}
                    data-kind={suggestion.kind}
                    aria-current={suggestion.id === suggestions.activeId || undefined}
                    aria-label={t('suggestions.cardLabel', {
                      name: personOf(people, suggestion.author).displayName,
                      kind: t(`suggestions.kind.${suggestion.kind}`),
                    })}
                    tabIndex={0}
                    onClick={() => suggestions.focus(suggestion.id)}
                    onKeyDown={(event) => {
                      if (event.target === event.currentTarget && (event.key === 'Enter' || event.key === ' ')) {
                        event.preventDefault();
                        suggestions.focus(suggestion.id);
                      }
                    }}
                  >
                    <SuggestionDetails
                      suggestion={suggestion}
                      people={people}
                      now={now}
                      pending={suggestions.pending.has(suggestion.id)}
                      onReview={mayReview ? (decision) => void suggestions.review(suggestion.id, decision) : null}
                    />
                  </article>
                </li>
              ))}
            </ol>
          </>
        )}
      </div>

      {confirming && (
        <ConfirmDialog
          title={confirming === 'accept' ? t('suggestions.acceptAllTitle') : t('suggestions.rejectAllTitle')}
          confirmLabel={confirming === 'accept' ? t('suggestions.accept') : t('suggestions.reject')}
          tone={confirming === 'accept' ? 'primary' : 'danger'}
          errorMessage={describeError}
          onConfirm={() => suggestions.reviewAll(confirming, filter || undefined)}
          onClose={() => setConfirming(null)}
        >
          {t(confirming === 'accept' ? 'suggestions.acceptAllBody' : 'suggestions.rejectAllBody', {
            count: shown.length,
            who: name ?? t('suggestions.everyoneWho'),
          })}
        </ConfirmDialog>
      )}
    </aside>
  );
}
