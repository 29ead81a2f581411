// The font table (word/fontTable.xml) for the fonts the export names, with
// what to draw each with on a machine that lacks it: the docx package writes
// the table empty. Word and WPS read w:altName and the font's description;
// LibreOffice 7.4 reads neither and asks fontconfig (preview/fonts.conf).
import { FONTS, type EastAsianFont } from './gongwen.js';

interface FontEntry {
  /** A font to use in its place: the one the machine most likely has. */
  altName: string;
  /** PANOSE-1, where known (as Word writes it for the font). */
  panose?: string;
  /** Windows character set: 86 is GB2312, 00 ANSI. */
  charset: '86' | '00';
  family: 'auto' | 'modern' | 'roman';
  pitch?: 'fixed' | 'variable';
}

/**
 * Windows has 仿宋, 楷体, 黑体 and 宋体 (SimSun) but not the GB2312 fonts of
 * older systems nor 方正小标宋简体, which offices install; 宋体 is the nearest
 * to the title's heavy Song face. 黑体, 宋体 and Times New Roman stand for
 * themselves, under their English names where a system lists them so.
 */
const ENTRIES: Record<EastAsianFont, FontEntry> = {
  [FONTS.body]: { altName: '仿宋', panose: '02010609030101010101', charset: '86', family: 'modern' },
  [FONTS.kai]: { altName: '楷体', panose: '02010609030101010101', charset: '86', family: 'modern' },
  [FONTS.title]: { altName: FONTS.song, charset: '86', family: 'auto' },
  [FONTS.hei]: { altName: 'SimHei', panose: '02010609060101010101', charset: '86', family: 'modern', pitch: 'fixed' },
  [FONTS.song]: { altName: 'SimSun', panose: '02010600030101010101', charset: '86', family: 'auto', pitch: 'variable' },
  [FONTS.latin]: { altName: FONTS.latin, panose: '02020603050405020304', charset: '00', family: 'roman', pitch: 'variable' },
};

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function fontXml(name: string, entry: FontEntry): string {
  const parts = [
    `<w:altName w:val="${escape(entry.altName)}"/>`,
    entry.panose && `<w:panose1 w:val="${entry.panose}"/>`,
    `<w:charset w:val="${entry.charset}"/>`,
    `<w:family w:val="${entry.family}"/>`,
    entry.pitch && `<w:pitch w:val="${entry.pitch}"/>`,
  ];
  return `<w:font w:name="${escape(name)}">${parts.filter(Boolean).join('')}</w:font>`;
}

/** The part, for the docx package's Packer overrides. */
export const FONT_TABLE_PART = {
  path: 'word/fontTable.xml',
  data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${Object.entries(ENTRIES)
    .map(([name, entry]) => fontXml(name, entry))
    .join('')}</w:fonts>`,
} as const;
