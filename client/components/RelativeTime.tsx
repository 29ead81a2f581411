import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n/setupI18n.js';
import { formatFullTime, formatRelativeTime } from '../lib/relativeTime.js';

/** "5 分钟前", with the exact time on hover. */
export function RelativeTime({ iso, now }: { iso: string; now: Date }) {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  return (
    <time dateTime={iso} title={formatFullTime(then, locale)}>
      {formatRelativeTime(then, now, locale, t('time.justNow'))}
    </time>
  );
}
