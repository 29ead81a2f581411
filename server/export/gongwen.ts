// The GB/T 9704-2012 page (党政机关公文格式) in Word's units, from
// ../shared/GONGWEN.md. Twips are 1/20 pt; font sizes are half-points.

/** docx's own millimetre helper rounds down; Word rounds. */
export const twipsFromMm = (mm: number): number => Math.round((mm * 1440) / 25.4);

export const PAGE_TWIPS = { width: 11906, height: 16838 } as const; // A4

export const MARGIN_MM = { top: 37, bottom: 35, left: 28, right: 26 } as const;

/** The type area (版心) is 156 mm wide. */
export const TYPE_AREA_WIDTH_TWIPS = PAGE_TWIPS.width - twipsFromMm(MARGIN_MM.left) - twipsFromMm(MARGIN_MM.right);

/** One 3号 character, the unit of the body's indents. */
export const CHAR_TWIPS = 320;

/**
 * 22 lines a page, 28 characters a line, the same in Word, WPS and LibreOffice.
 *
 * Lines: a section grid of type "lines" (line pitch only) of 579 twips =
 * 28.95 pt, and every paragraph on it at exactly that line spacing:
 * 22 × 28.95 pt = 636.9 pt, the 225 mm type area (637.8 pt) holds 22 lines
 * and not 23.
 *
 * Characters: no character grid. Word writes its own 28-character grid as
 * "linesAndChars" with charSpace −848 (a pitch of 16 pt − 848/4096 pt) and
 * fits each 16 pt character into that pitch; LibreOffice 7.4 gives each
 * character wider than the pitch two cells instead, 14 a line. So every 3号
 * run carries character spacing (w:spacing, in twips), which Word, WPS and
 * LibreOffice all add after each character: 320 − 5 = 315 twips = 15.75 pt a
 * character, and 28 × 315 = 8820 ≤ 8845 twips (the 156 mm type area) < 29 × 315.
 * The first line, indented 2 × 320 twips, holds 26: 640 + 26 × 315 = 8830.
 */
export const GRID = {
  linePitchTwips: 579,
  linesPerPage: 22,
  charsPerLine: 28,
  characterSpacingTwips: Math.floor(TYPE_AREA_WIDTH_TWIPS / 28) - CHAR_TWIPS,
} as const;

/** Sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE_HALF_POINTS = { hao2: 44, hao3: 32, hao4: 28 } as const;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  song: '宋体',
  latin: 'Times New Roman',
} as const;
export type EastAsianFont = (typeof FONTS)[keyof typeof FONTS];

/** The page number sits 7 mm under the type area (its em dashes' line, GB/T 9704 7.5). */
export const FOOTER_DISTANCE_MM = 25;
export const HEADER_DISTANCE_MM = 15;

/** Characters a 2号 title line holds across the 156 mm type area. */
export const TITLE_CHARS_PER_LINE = Math.floor(((156 / 25.4) * 72) / 22);
