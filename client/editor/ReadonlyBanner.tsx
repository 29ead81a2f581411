import { useTranslation } from 'react-i18next';
import type { Role } from '../../shared/api.js';

/** Why this member cannot change the body: their role (an approved document has its own banner). */
export function ReadonlyBanner({ role }: { role: Role }) {
  const { t } = useTranslation();
  return (
    <div className="banner banner--info" data-testid="readonly-banner" role="status">
      {role === 'commenter' ? t('editor.readonly.commenter') : t('editor.readonly.viewer')}
    </div>
  );
}
