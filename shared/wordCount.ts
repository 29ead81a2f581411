// 字数 as Word counts it: every Han character and every full-width (Chinese)
// punctuation mark is one; a run of other non-space characters ("Yigao,",
// "2026", "1.") is one word; whitespace counts nothing.
const CHINESE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014\u00b7]/u;
const SPACE = /\s/u;

export function countCharacters(text: string): number {
  let count = 0;
  let inWord = false;
  for (const ch of text) {
    if (CHINESE.test(ch)) {
      count++;
      inWord = false;
    } else if (SPACE.test(ch)) {
      inWord = false;
    } else if (!inWord) {
      count++;
      inWord = true;
    }
  }
  return count;
}
