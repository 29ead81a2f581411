// 成文日期 as people type them at the end of a 公文: 2026年12月7日, with or
// without spaces (2026年12月 7日), or in Chinese numerals (二〇二六年十二月七日,
// as documents before GB/T 9704-2012 wrote them); read as YYYY-MM-DD.
import { officialDateText } from '../../shared/officialDate.js';

const ARABIC = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const CHINESE = /^([〇零○Ｏ一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日$/;
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, Ｏ: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const FULL_WIDTH_DIGIT = /[０-９]/g;

/** 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31, 七 → 7; NaN otherwise. */
function chineseNumber(text: string): number {
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return NaN;
  if (!m[2]) return m[1] || !m[3] ? NaN : DIGIT[m[3]];
  return (m[1] ? DIGIT[m[1]] : 1) * 10 + (m[3] ? DIGIT[m[3]] : 0);
}

/** The date as YYYY-MM-DD when the whole text (spaces aside) is one real day; null otherwise. */
export function readOfficialDate(text: string): string | null {
  const clean = text
    .replace(/[\s\u3000]+/g, ' ')
    .trim()
    .replace(FULL_WIDTH_DIGIT, (d) => String(d.charCodeAt(0) - 0xff10));
  let year: number;
  let month: number;
  let day: number;
  const arabic = ARABIC.exec(clean);
  const chinese = arabic ? null : CHINESE.exec(clean);
  if (arabic) {
    [year, month, day] = [Number(arabic[1]), Number(arabic[2]), Number(arabic[3])];
  } else if (chinese) {
    year = Number([...chinese[1]].map((c) => DIGIT[c]).join(''));
    month = chineseNumber(chinese[2]);
    day = chineseNumber(chinese[3]);
  } else {
    return null;
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return officialDateText(iso) ? iso : null;
}
