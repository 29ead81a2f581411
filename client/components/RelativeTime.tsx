import { useTranslation } from 'react-i18next';
import { formatFullTime, formatRelativeTime } from '../lib/relativeTime.js';

/** "5 分钟前", with the exact time on hover. */
export function RelativeTime({ iso, now }: { iso: string; now: Date }) {
  const { t, i18n } = useTranslation();
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return null;
  return (
    <time dateTime={iso} title={formatFullTime(then, i18n.language)}>
      {formatRelativeTime(then, now, i18n.language, t('time.justNow'))}
    </time>
  );
}
