import { useTranslation } from 'react-i18next';
import type { DocumentStatus, Role } from '../../shared/api.js';

/** Why the body cannot be changed: the document is approved, or the user's role. */
export function ReadonlyBanner({ role, status }: { role: Role; status: DocumentStatus }) {
  const { t } = useTranslation();
  const message =
    status === 'approved' ? t('editor.readonly.approved') : role === 'commenter' ? t('editor.readonly.commenter') : t('editor.readonly.viewer');
  return (
    <div className="banner banner--info" data-testid="readonly-banner" role="status">
      {message}
    </div>
  );
}
