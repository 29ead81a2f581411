import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { Icon } from '../components/Icon.js';
import { formatVersionTime } from '../versions/versionLabel.js';

interface ApprovedBannerProps {
  /** The approved version (who approved it, when); null while it is being loaded. */
  version: VersionDto | null;
  /** The owner reopens from here; null for everyone else. */
  onReopen: (() => void) | null;
}

/** Why nobody can change the text: it is approved; for the owner, the way back to editing. */
export function ApprovedBanner({ version, onReopen }: ApprovedBannerProps) {
  const { t } = useTranslation();
  const who = version?.creator?.displayName ?? version?.createdBy;
  const details = version && who ? { name: who, time: formatVersionTime(new Date(version.createdAt)) } : null;
  const message = onReopen
    ? details
      ? t('approval.bannerOwner', details)
      : t('approval.bannerOwnerUnknown')
    : details
      ? t('approval.banner', details)
      : t('approval.bannerUnknown');
  return (
    <div className="banner banner--approved" data-testid="approved-banner" role="status">
      <Icon name="lock" size={16} />
      <span>{message}</span>
      {onReopen && (
        <button type="button" className="button button--small" data-testid="reopen-button" onClick={onReopen}>
          {t('approval.reopen')}
        </button>
      )}
    </div>
  );
}
