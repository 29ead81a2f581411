// What the Word export puts around the body: the page numbers, the draft
// mark, the signature, the comments part, and the styles.
import { AlignmentType, Footer, Header, PageNumber, Paragraph, TextRun, type ICommentOptions, type IStylesOptions } from 'docx';
import { cleanText, formatDate } from './content.js';
import { fontsFor, GRID_SPACING, HEADING_ROLES, LANGUAGE, ROLES, runFormat, SINGLE_SPACING, textRuns, type RunFormat, type Role } from './docxFormat.js';
import { CHAR_TWIPS, FONTS, GRID, SIZE_HALF_POINTS } from './gongwen.js';
import { widthInChars } from './titleLines.js';
import type { ExportComment, ExportInput } from './types.js';

/** The page number, 4号 宋体 between em dashes, one character in from the outer edge: odd pages right, even left. */
export function pageNumberFooter(side: 'left' | 'right'): Footer {
  const oneChar = SIZE_HALF_POINTS.hao4 * 10; // a 14 pt character, in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: SINGLE_SPACING,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            // GB/T 9704 asks for 宋体 digits here, not Times New Roman.
            font: fontsFor(FONTS.song, FONTS.song),
            size: SIZE_HALF_POINTS.hao4,
            sizeComplexScript: SIZE_HALF_POINTS.hao4,
            language: LANGUAGE,
            snapToGrid: false,
          }),
        ],
      }),
    ],
  });
}

/** 草稿 in red at the top right of every page of a version that is not the approved one. */
export function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: SINGLE_SPACING,
        children: [
          new TextRun({
            text: '草稿',
            font: fontsFor(FONTS.song, FONTS.song),
            size: SIZE_HALF_POINTS.hao3,
            sizeComplexScript: SIZE_HALF_POINTS.hao3,
            bold: true,
            color: 'FF0000',
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}

/**
 * The issuer over the date, one blank line under the body: the date ends
 * four characters in from the right, the issuer is centred over the date
 * (GB/T 9704 7.3.5.1; checked in LibreOffice's print by pageLayout.test.ts).
 */
export function signatureBlock(signature: NonNullable<ExportInput['signature']>): Paragraph[] {
  const issuer = cleanText(signature.issuer).trim();
  const date = cleanText(signature.date).trim();
  const dateRight = 4 * CHAR_TWIPS;
  // as printed: each character narrowed by the grid's character spacing, digits and 年月日 spaced apart (widthInChars)
  const width = (text: string) => widthInChars(text) * CHAR_TWIPS + [...text].length * GRID.characterSpacingTwips;
  const issuerRight = Math.max(0, Math.round(dateRight + (width(date) - width(issuer)) / 2));
  const format = runFormat(ROLES.body);
  // the blank line and the issuer go with the date: the three stay on one page (with the body's last paragraph, docx.ts)
  const line = (text: string, right: number, keepNext: boolean): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: GRID_SPACING,
      indent: { right, firstLine: 0 },
      keepNext,
      run: format,
      children: textRuns(text, format),
    });
  return [
    new Paragraph({ spacing: GRID_SPACING, keepNext: true, run: format }),
    ...(issuer ? [line(issuer, issuerRight, date !== '')] : []),
    ...(date ? [line(date, dateRight, false)] : []),
  ];
}

/** A Word comment: the thread's body, then each reply as a paragraph led by its author and date. */
export function commentOptions(comment: ExportComment, id: number): ICommentOptions {
  const format: RunFormat = { font: fontsFor(FONTS.song), size: 21, sizeComplexScript: 21, language: LANGUAGE };
  const paragraph = (children: TextRun[]) => new Paragraph({ spacing: SINGLE_SPACING, children });
  const lines = (text: string): string[] => cleanText(text).split('\n');
  const children = lines(comment.body).map((line) => paragraph(textRuns(line, format)));
  for (const reply of comment.replies) {
    const [first = '', ...rest] = lines(reply.body);
    const lead = `${cleanText(reply.author).trim() || '—'}（${formatDate(reply.date)}）：`;
    children.push(paragraph([...textRuns(lead, { ...format, bold: true }), ...textRuns(first, format)]));
    for (const line of rest) children.push(paragraph(textRuns(line, format)));
  }
  const author = cleanText(comment.author).trim() || '—';
  return { id, author, initials: [...author][0], date: Number.isNaN(comment.date.getTime()) ? undefined : comment.date, children };
}

/** Document defaults and Normal at 3号 仿宋; headings without theme fonts or colour. */
export function documentStyles(): IStylesOptions {
  const heading = (id: string, name: string, role: Role, outlineLevel: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...runFormat(role), color: '000000', italics: false },
    paragraph: { outlineLevel, keepNext: true, spacing: GRID_SPACING },
  });
  // The grid's character spacing stays on the body's runs and paragraph marks: footers and comments inherit Normal.
  const run = { ...runFormat(ROLES.body), characterSpacing: undefined };
  const paragraph = {
    spacing: GRID_SPACING,
    // Full pages of 22 lines: no widow and orphan control, as in Chinese Word's Normal. Word reads its
    // absence so; LibreOffice 7.4 keeps two lines together unless told.
    widowControl: false,
    // Said outright, Word's and WPS's own default: a closing mark may hang past the line's end. LibreOffice
    // 7.4 reads the flag the other way round (writerfilter: hanging = value is 0) and so does not hang it,
    // which is what we want there: its justified lines drop a hanging mark from the page altogether.
    overflowPunctuation: true,
  };
  return {
    default: { document: { run, paragraph } },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run, paragraph },
      heading('Heading1', 'heading 1', HEADING_ROLES[2], 1),
      heading('Heading2', 'heading 2', HEADING_ROLES[3], 2),
      heading('Heading3', 'heading 3', HEADING_ROLES[4], 3),
    ],
  };
}

/**
 * The title's style, written as XML because the docx package cannot set a
 * paragraph style's snapToGrid: the 2号 title keeps off the grid made for
 * 3号, so that LibreOffice, which gives a line larger than the grid two grid
 * lines, keeps it on one, as Word does with exact line spacing.
 */
export const TITLE_STYLE_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>
<w:pPr><w:keepNext/><w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="${GRID.linePitchTwips}" w:line="${GRID.linePitchTwips}" w:lineRule="exact"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>
<w:rPr><w:rFonts w:ascii="${FONTS.latin}" w:hAnsi="${FONTS.latin}" w:cs="${FONTS.latin}" w:eastAsia="${FONTS.title}" w:hint="eastAsia"/><w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="000000"/><w:sz w:val="${SIZE_HALF_POINTS.hao2}"/><w:szCs w:val="${SIZE_HALF_POINTS.hao2}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr>
</w:style>
</w:styles>`;
