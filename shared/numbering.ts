// Automatic numbering of the four 公文 section levels (API.md "Automatic
// numbering"): heading levels 2–5 are numbered 一、 （一） 1. （1） by the
// document's structure; level 1 is the title and never numbered. The first
// level counts within the document, each deeper level within the section
// above it. A heading whose `numbering` is 'none' is left unnumbered and does
// not count. The numbers are never stored as text: editors show them as
// decorations, renderers and exporters put them in front of the heading.

/** The heading attribute: 'auto' numbered, 'none' not; null in documents written before numbering (see takeOverTypedNumbers). */
export const NUMBERING_ATTR = 'numbering';
export type Numbering = 'auto' | 'none';

/** The heading level of the first numbered level (一、); level 1 is the title. */
export const FIRST_NUMBERED_LEVEL = 2;
export const LAST_NUMBERED_LEVEL = 5;

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九, 100 and above in Arabic digits. */
export function chineseNumeral(n: number): string {
  if (n < 1 || n > 99 || !Number.isInteger(n)) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** The number as a reader sees it in front of a heading of `level` (2–5) that is the `n`th of its section. */
export function numberText(level: number, n: number): string {
  switch (level) {
    case 2:
      return `${chineseNumeral(n)}、`;
    case 3:
      return `（${chineseNumeral(n)}）`;
    case 4:
      return `${n}.`;
    default:
      return `（${n}）`;
  }
}

/** What numbering needs of a heading. */
export interface NumberedHeading {
  level: number;
  numbering: Numbering | null;
}

/**
 * The number of each heading, in document order (null: none). Headings of
 * any kind may be passed; only levels 2–5 with numbering other than 'none'
 * count. A deeper level restarts under each heading above it; a level that
 * skips one (a level 4 straight under a level 2) counts within the nearest
 * heading above it.
 */
export function headingNumbers(headings: readonly NumberedHeading[]): (string | null)[] {
  const counters = [0, 0, 0, 0, 0, 0];
  return headings.map(({ level, numbering }) => {
    if (level < FIRST_NUMBERED_LEVEL || level > LAST_NUMBERED_LEVEL || numbering === 'none') {
      if (level < FIRST_NUMBERED_LEVEL) counters.fill(0);
      return null;
    }
    counters[level]++;
    for (let deeper = level + 1; deeper < counters.length; deeper++) counters[deeper] = 0;
    return numberText(level, counters[level]);
  });
}

/** A typed number at the start of a heading of `level`, as documents before numbering hold them. */
const TYPED: Record<number, RegExp> = {
  2: /^\s*[一二三四五六七八九十]+\s*[、.．]\s*/,
  3: /^\s*[（(]\s*[一二三四五六七八九十]+\s*[）)]\s*/,
  4: /^\s*\d+\s*[.．、]\s*(?!\d)/,
  5: /^\s*[（(]\s*\d+\s*[）)]\s*/,
};

/** How many characters at the start of `text` are a typed number of the heading's level; 0 when none. */
export function typedNumberLength(level: number, text: string): number {
  const match = TYPED[level]?.exec(text);
  return match ? match[0].length : 0;
}

/** A heading's content as ProseMirror JSON, as far as the take-over needs it. */
interface HeadingJSON {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: HeadingJSON[];
  text?: string;
}

/**
 * Documents written before numbering hold their numbers as typed text and no
 * `numbering` attribute. Takes them over, once, in place: a heading of levels
 * 2–5 without the attribute loses a typed number of its level at the start of
 * its text and becomes 'auto'; without such a number it becomes 'none' (its
 * text stays as written, never numbered twice). Returns how many headings it
 * took over. Headings that have the attribute are left alone.
 */
export function takeOverTypedNumbers(doc: HeadingJSON): number {
  let taken = 0;
  const stack: HeadingJSON[] = [doc];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'heading') {
      const attrs = (node.attrs ??= {});
      const level = Number(attrs.level);
      if (level >= FIRST_NUMBERED_LEVEL && level <= LAST_NUMBERED_LEVEL && (attrs[NUMBERING_ATTR] === undefined || attrs[NUMBERING_ATTR] === null)) {
        const first = node.content?.[0];
        const cut = first?.type === 'text' && typeof first.text === 'string' ? typedNumberLength(level, first.text) : 0;
        if (cut > 0) {
          first!.text = first!.text!.slice(cut);
          if (first!.text === '') node.content!.shift();
        }
        attrs[NUMBERING_ATTR] = cut > 0 ? 'auto' : 'none';
        taken++;
      }
      continue;
    }
    for (const child of node.content ?? []) stack.push(child);
  }
  return taken;
}
