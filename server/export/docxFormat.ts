// How the runs and paragraphs of the Word export look: the roles of
// GONGWEN.md's table (title, headings, body, table cells) in the docx
// package's terms, and the run formats every part of the file shares.
import { AlignmentType, LineRuleType, Tab, TextRun, type IRunOptions } from 'docx';
import type { HeadingLevel } from '../../shared/schema.js';
import type { TextAlign } from './content.js';
import { cleanText } from './content.js';
import { FONTS, GRID, SIZE_HALF_POINTS, type EastAsianFont } from './gongwen.js';

/** A run's formatting, as the docx package takes it. */
export type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;

/** How a kind of paragraph looks. */
export interface Role {
  font: EastAsianFont;
  size: number;
  bold: boolean;
  /** First line indented two characters (the body's default). */
  indentFirstLine: boolean;
  alignment: TextAlign;
  /** Word's built-in paragraph style, so that the title and headings show in Word's navigation pane. */
  styleId?: string;
}

export const ROLES = {
  title: { font: FONTS.title, size: SIZE_HALF_POINTS.hao2, bold: false, indentFirstLine: false, alignment: 'center', styleId: 'Title' },
  body: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify' },
  cell: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: false, alignment: 'left' },
  headerCell: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: true, indentFirstLine: false, alignment: 'center' },
} as const satisfies Record<string, Role>;

/**
 * Schema heading level → role. Level 1 is the title; 2, 3, 4 and 5 are the
 * 一、, （一）, 1. and （1） levels (GONGWEN.md), in Word's Heading 1 to 4.
 */
export const HEADING_ROLES: Record<HeadingLevel, Role> = {
  1: ROLES.title,
  2: { font: FONTS.hei, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify', styleId: 'Heading1' },
  3: { font: FONTS.kai, size: SIZE_HALF_POINTS.hao3, bold: true, indentFirstLine: true, alignment: 'justify', styleId: 'Heading2' },
  4: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify', styleId: 'Heading3' },
  5: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify', styleId: 'Heading4' },
};

export const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const satisfies Record<TextAlign, unknown>;

export const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** Every run names its East Asian font; Latin letters and digits are Times New Roman unless `latin` says otherwise. */
export const fontsFor = (eastAsia: EastAsianFont, latin: string = FONTS.latin) =>
  ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' }) as const;

/** 3号 runs are narrowed to the grid's 28 characters a line (gongwen.ts); larger ones (the title) keep their own width. */
export const runFormat = (role: Role): RunFormat => ({
  font: fontsFor(role.font),
  size: role.size,
  sizeComplexScript: role.size,
  bold: role.bold,
  characterSpacing: role.size === SIZE_HALF_POINTS.hao3 ? GRID.characterSpacingTwips : undefined,
  language: LANGUAGE,
});

/** Exact line spacing on the 22-line grid. */
export const GRID_SPACING = { line: GRID.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

/** Single spacing, off the grid: headers, footers, comments. */
export const SINGLE_SPACING = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

/** Runs for a piece of text: tabs as tab characters, newlines inside it as line breaks. */
export function textRuns(text: string, format: RunFormat): TextRun[] {
  return textRunOptions(text, format).map((options) => new TextRun(options));
}

/** The options of textRuns' runs, for other kinds of run (a tracked insertion or deletion). */
export function textRunOptions(text: string, format: RunFormat): IRunOptions[] {
  const runs: IRunOptions[] = [];
  cleanText(text)
    .split('\n')
    .forEach((line, i) => {
      const children = line
        .split('\t')
        .flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part]))
        .filter((c) => c !== '');
      if (i > 0) runs.push({ ...format, break: 1 });
      if (children.length) runs.push({ ...format, children });
    });
  return runs;
}
