// Word numbering for the document's lists: one definition per kind of list,
// and one instance per list, so that every list counts from its own start.
import { AlignmentType, LevelFormat, LevelSuffix, type ILevelsOptions } from 'docx';
import { CHAR_TWIPS } from './gongwen.js';
import { ROLES, runFormat } from './docxFormat.js';

/** Where a list's items go: its numbering, its instance and its nesting level. */
export interface ListPlace {
  reference: string;
  instance: number;
  level: number;
}

type Format = (typeof LevelFormat)[keyof typeof LevelFormat];

const ORDERED_FORMATS: Record<string, Format> = {
  a: LevelFormat.LOWER_LETTER,
  A: LevelFormat.UPPER_LETTER,
  i: LevelFormat.LOWER_ROMAN,
  I: LevelFormat.UPPER_ROMAN,
};

/** 1. at the first level, （1） under it (the 公文 levels three and four), then 1). */
const ORDERED_PATTERNS = ['%.', '（%）', '%)'];
const BULLETS = ['•', '◦', '▪'];
const LEVELS = 9;

export class ListNumbering {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private instances = 0;

  bullet(level: number): ListPlace {
    const reference = this.define('bullet', (lvl) => ({
      level: lvl,
      format: LevelFormat.BULLET,
      text: BULLETS[lvl % BULLETS.length],
      suffix: LevelSuffix.SPACE,
      alignment: AlignmentType.LEFT,
      style: levelStyle(lvl),
    }));
    return this.place(reference, level);
  }

  ordered(level: number, start: unknown, type: unknown): ListPlace {
    const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1;
    const format = (typeof type === 'string' && ORDERED_FORMATS[type]) || LevelFormat.DECIMAL;
    const reference = this.define(`ordered-${format}-${first}`, (lvl) => ({
      level: lvl,
      format,
      start: first,
      text: ORDERED_PATTERNS[Math.min(lvl, ORDERED_PATTERNS.length - 1)].replace('%', `%${lvl + 1}`),
      suffix: LevelSuffix.NOTHING,
      alignment: AlignmentType.LEFT,
      style: levelStyle(lvl),
    }));
    return this.place(reference, level);
  }

  /** The definitions for the document's numbering part. */
  get config(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.definitions].map(([reference, levels]) => ({ reference, levels }));
  }

  private place(reference: string, level: number): ListPlace {
    this.instances += 1;
    return { reference, instance: this.instances, level: Math.min(level, LEVELS - 1) };
  }

  private define(reference: string, level: (level: number) => ILevelsOptions): string {
    if (!this.definitions.has(reference))
      this.definitions.set(
        reference,
        Array.from({ length: LEVELS }, (_, i) => level(i)),
      );
    return reference;
  }
}

/** Numbers in the body's type; the item's first line indented two characters like any paragraph, two more per level. */
function levelStyle(level: number): ILevelsOptions['style'] {
  return {
    run: runFormat(ROLES.body),
    paragraph: { indent: { left: level * 2 * CHAR_TWIPS, firstLine: 2 * CHAR_TWIPS } },
  };
}
