// Dates as 公文 write them: 2026-12-20 → 2026年12月20日 (Arabic numerals,
// GB/T 9704 7.3.5).

/** The date as written in a 公文; null when `iso` is not a real day like 2026-12-20. */
export function officialDateText(iso: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.getUTCMonth() !== Number(m[2]) - 1) return null;
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
