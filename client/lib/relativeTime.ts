// "3 分钟前" / "3 minutes ago" for recent times, the date for older ones.
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
const WEEK_MS = 7 * DAY_MS;

export function formatRelativeTime(then: Date, now: Date, locale: string, justNow: string): string {
  const elapsedMs = now.getTime() - then.getTime();
  // A clock slightly ahead of ours still means "just now".
  if (elapsedMs < MINUTE_MS) return justNow;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (elapsedMs < HOUR_MS) return rtf.format(-Math.floor(elapsedMs / MINUTE_MS), 'minute');
  if (elapsedMs < DAY_MS) return rtf.format(-Math.floor(elapsedMs / HOUR_MS), 'hour');
  if (elapsedMs < WEEK_MS) {
    const days = calendarDaysBetween(then, now);
    return rtf.format(-Math.max(days, 1), 'day');
  }
  const sameYear = then.getFullYear() === now.getFullYear();
  return new Intl.DateTimeFormat(locale, sameYear ? { month: 'long', day: 'numeric' } : { dateStyle: 'medium' }).format(then);
}

/** The exact time, for a tooltip. */
export function formatFullTime(then: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(then);
}

function calendarDaysBetween(earlier: Date, later: Date): number {
  const start = new Date(earlier.getFullYear(), earlier.getMonth(), earlier.getDate());
  const end = new Date(later.getFullYear(), later.getMonth(), later.getDate());
  return Math.round((end.getTime() - start.getTime()) / DAY_MS);
}
