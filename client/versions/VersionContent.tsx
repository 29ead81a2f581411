import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDetailDto } from '../../shared/api.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import type { Resource } from '../lib/useResource.js';
import { showSuggestionAuthors } from './suggestionAuthors.js';

/**
 * A version's own content, without marks. The HTML is rendered by the server
 * from the shared schema (text escaped, unknown nodes dropped), so it is shown
 * as it is, in the editor's page styles, its pending 修订 in their authors' colours.
 */
export function VersionContent({ detail }: { detail: Resource<VersionDetailDto> }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const bodyRef = useRef<HTMLDivElement>(null);
  const data = detail.data;
  useLayoutEffect(() => {
    if (!bodyRef.current || !data) return;
    showSuggestionAuthors(bodyRef.current, data.suggestionAuthors, (kind, name) =>
      t(kind === 'insert' ? 'versions.suggestedInsertBy' : 'versions.suggestedDeleteBy', { name }),
    );
  }, [data, t]);
  if (!detail.data) {
    return detail.error !== undefined ? (
      <div className="version-view__message">
        <p className="form-error" role="alert">
          {t('versions.contentError')} {describeError(detail.error)}
        </p>
        <button type="button" className="button button--small" onClick={() => void detail.reload()}>
          {t('common.retry')}
        </button>
      </div>
    ) : (
      <p className="version-view__message muted">{t('common.loading')}</p>
    );
  }
  return <div ref={bodyRef} className="page__body version-body" data-testid="version-body" dangerouslySetInnerHTML={{ __html: detail.data.html }} />;
}
