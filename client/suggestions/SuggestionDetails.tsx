// One suggestion as the hover card and the 修订 pane show it: the author's
// avatar and name, 插入/删除/格式 and a glimpse of the text drawn as in the
// page, when; and 接受 ✓ / 拒绝 ✗ for those who review.
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { FORMAT_MARK_NAMES } from '../../shared/suggestions.js';
import { Avatar } from '../components/Avatar.js';
import { Icon } from '../components/Icon.js';
import { RelativeTime } from '../components/RelativeTime.js';
import type { SuggestionDecision } from '../http/suggestionsApi.js';
import type { ListedSuggestion } from './listedSuggestions.js';
import { excerpt, personOf, type PeopleByUsername } from './suggestionPeople.js';

const FORMAT_NAMES: readonly string[] = FORMAT_MARK_NAMES;

/** The author's colour for the card's CSS (its edge, the text's underline). */
export const colourStyle = (color: string) => ({ '--suggestion-color': color }) as CSSProperties;

interface SuggestionDetailsProps {
  suggestion: ListedSuggestion;
  people: PeopleByUsername;
  now: Date;
  /** Null for those who may not review. */
  onReview: ((decision: SuggestionDecision) => void) | null;
  /** Sent: the buttons wait for it to go. */
  pending: boolean;
}

export function SuggestionDetails({ suggestion, people, now, onReview, pending }: SuggestionDetailsProps) {
  const { t } = useTranslation();
  const author = personOf(people, suggestion.author);
  const kind = t(`suggestions.kind.${suggestion.kind}`);
  const formatName = (name: string) => (FORMAT_NAMES.includes(name) ? t(`suggestions.formatNames.${name as (typeof FORMAT_MARK_NAMES)[number]}`) : name);
  const list = (marks: string[]) => marks.map(formatName).join(t('versions.separator'));
  const formatting = [
    suggestion.add.length > 0 ? t('suggestions.formatSet', { what: list(suggestion.add) }) : null,
    suggestion.remove.length > 0 ? t('suggestions.formatClear', { what: list(suggestion.remove) }) : null,
  ].filter(Boolean);
  return (
    <>
      <div className="suggestion-card__head">
        <Avatar name={author.displayName} color={author.color} size={22} />
        <span className="suggestion-card__author" data-testid="suggestion-author">
          {author.displayName}
        </span>
        {suggestion.createdAt > 0 && (
          <span className="suggestion-card__time">
            <RelativeTime iso={new Date(suggestion.createdAt).toISOString()} now={now} />
          </span>
        )}
      </div>
      <p className="suggestion-card__what">
        <span className="suggestion-card__kind" data-testid="suggestion-kind">
          {kind}
        </span>
        {formatting.length > 0 && (
          <span className="suggestion-card__format">{t('suggestions.formatLead', { what: formatting.join(t('versions.separator')) })}</span>
        )}
        <span className={`suggestion-card__text--${suggestion.kind}`} data-testid="suggestion-text">
          {excerpt(suggestion.text)}
        </span>
      </p>
      {onReview && (
        <div className="suggestion-card__actions">
          <button
            type="button"
            className="button button--small suggestion-card__accept"
            data-testid="accept-suggestion"
            aria-label={t('suggestions.acceptOne', { name: author.displayName, kind })}
            disabled={pending}
            onClick={(event) => {
              event.stopPropagation();
              onReview('accept');
            }}
          >
            <Icon name="check" size={14} />
            {t('suggestions.accept')}
          </button>
          <button
            type="button"
            className="button button--small suggestion-card__reject"
            data-testid="reject-suggestion"
            aria-label={t('suggestions.rejectOne', { name: author.displayName, kind })}
            disabled={pending}
            onClick={(event) => {
              event.stopPropagation();
              onReview('reject');
            }}
          >
            <Icon name="close" size={14} />
            {t('suggestions.reject')}
          </button>
        </div>
      )}
    </>
  );
}
