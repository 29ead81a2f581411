// The Word export, laid out as an official document (GB/T 9704-2012, see
// ../shared/GONGWEN.md and gongwen.ts). Every node and mark type of the schema
// has its mapping below; a type nobody maps fails to compile.
import {
  AlignmentType,
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Document,
  DocumentGridType,
  ExternalHyperlink,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ICommentOptions,
  type ILevelsOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import type { HeadingLevel } from '../../shared/schema.js';
import { schema } from '../../shared/schema.js';
import { cleanText, findTitle, formatDate, parseContent, safeHref, textAlignOf, type TextAlign, type TitleSource } from './content.js';
import { anchorComments, indexTexts, type TextIndex } from './documentTexts.js';
import {
  CHAR_TWIPS,
  FONTS,
  FOOTER_DISTANCE_MM,
  GRID,
  HEADER_DISTANCE_MM,
  MARGIN_MM,
  PAGE_TWIPS,
  SIZE_HALF_POINTS,
  TITLE_CHARS_PER_LINE,
  TYPE_AREA_WIDTH_TWIPS,
  twipsFromMm,
  type EastAsianFont,
} from './gongwen.js';
import { CommentBoundaries, inlineItems, type InlineItem } from './inline.js';
import type { MarkName, NodeName } from './schemaNames.js';
import type { ExportComment, ExportInput } from './types.js';

type Block = Paragraph | Table;

/** What each node type's mapping produces. */
interface Outputs {
  doc: Block[];
  paragraph: Block[];
  heading: Block[];
  blockquote: Block[];
  bulletList: Block[];
  orderedList: Block[];
  listItem: Block[];
  horizontalRule: Block[];
  table: Block[];
  tableRow: TableRow;
  tableCell: TableCell;
  tableHeader: TableCell;
  text: ParagraphChild[];
  hardBreak: ParagraphChild[];
}
type NodeMappings = { [N in NodeName]: (node: PMNode, ctx: Context) => Outputs[N] };

/** A run's formatting, as the docx package takes it. */
type RunFormat = Omit<IRunOptions, 'children' | 'text' | 'break'>;
type MarkMappings = Record<MarkName, (format: RunFormat, mark: Mark) => RunFormat>;

/** How a kind of paragraph looks (GONGWEN.md's table). */
interface Role {
  font: EastAsianFont;
  size: number;
  bold: boolean;
  /** First line indented two characters (the body's default). */
  indentFirstLine: boolean;
  alignment: TextAlign;
  /** Word's built-in paragraph style, so that headings show in Word's navigation pane. */
  styleId?: string;
}

const ROLES = {
  title: { font: FONTS.title, size: SIZE_HALF_POINTS.hao2, bold: false, indentFirstLine: false, alignment: 'center', styleId: 'Title' },
  body: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify' },
  cell: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: false, alignment: 'left' },
  headerCell: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: true, indentFirstLine: false, alignment: 'center' },
} as const satisfies Record<string, Role>;

/** Schema heading level → role: 1 the title, 2 一、, 3 （一）, 4 1. (GONGWEN.md's levels one to three). */
const HEADING_ROLES: Record<HeadingLevel, Role> = {
  1: ROLES.title,
  2: { font: FONTS.hei, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify', styleId: 'Heading1' },
  3: { font: FONTS.kai, size: SIZE_HALF_POINTS.hao3, bold: true, indentFirstLine: true, alignment: 'justify', styleId: 'Heading2' },
  4: { font: FONTS.body, size: SIZE_HALF_POINTS.hao3, bold: false, indentFirstLine: true, alignment: 'justify', styleId: 'Heading3' },
};

const ALIGNMENTS = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const satisfies Record<TextAlign, unknown>;

const LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' } as const;

/** Latin letters and digits in Times New Roman, Chinese in the role's font, on every run. */
const fontsFor = (eastAsia: EastAsianFont, latin: string = FONTS.latin) =>
  ({ ascii: latin, hAnsi: latin, cs: latin, eastAsia, hint: 'eastAsia' }) as const;

const runFormat = (role: Role): RunFormat => ({
  font: fontsFor(role.font),
  size: role.size,
  sizeComplexScript: role.size,
  bold: role.bold,
  language: LANGUAGE,
});

/** Exact line spacing on the 22-line grid. */
const GRID_SPACING = { line: GRID.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 } as const;

interface ListPlace {
  reference: string;
  instance: number;
  level: number;
}

interface Context {
  index: TextIndex;
  boundaries: CommentBoundaries | null;
  title: TitleSource;
  documentTitle: string;
  lists: ListNumbering;
  /** Left indent from enclosing quotes and list items. */
  indentTwips: number;
  inCell: { header: boolean; align: TextAlign | null } | null;
  /** The list the items being written belong to. */
  list: ListPlace | null;
  /** Depth of list nesting (0 outside lists). */
  listLevel: number;
  /** The format of the runs of the textblock being written. */
  format: RunFormat;
  /** Comments to hang on the title, when the document has no text to anchor them to. */
  unanchored: number[];
}

const MARKS: MarkMappings = {
  bold: (format) => ({ ...format, bold: true }),
  italic: (format) => ({ ...format, italics: true }),
  strike: (format) => ({ ...format, strike: true }),
  underline: (format) => ({ ...format, underline: { type: 'single' } }),
  // The hyperlink element itself is made by groupLinks; the run only looks like a link.
  link: (format, mark) => (safeHref(mark.attrs.href) ? { ...format, style: 'Hyperlink', color: '0563C1', underline: { type: 'single' } } : format),
  // Guidance (〔…〕) is exported as plain text.
  guidance: (format) => format,
};

function formatWithMarks(base: RunFormat, marks: readonly Mark[]): RunFormat {
  return marks.reduce((format, mark) => MARKS[mark.type.name as MarkName](format, mark), base);
}

/** Runs for a piece of text: tabs as tab characters, stray newlines as line breaks. */
function textRuns(text: string, format: RunFormat): TextRun[] {
  const runs: TextRun[] = [];
  cleanText(text)
    .split('\n')
    .forEach((line, i) => {
      const children = line.split('\t').flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part])).filter((c) => c !== '');
      if (i > 0) runs.push(new TextRun({ ...format, break: 1 }));
      if (children.length) runs.push(new TextRun({ ...format, children }));
    });
  return runs;
}

const NODES: NodeMappings = {
  doc: (node, ctx) => blocks(node, ctx),
  paragraph: (node, ctx) => [textblock(node, ctx, ctx.inCell ? (ctx.inCell.header ? ROLES.headerCell : ROLES.cell) : ROLES.body)],
  heading: (node, ctx) => {
    const level = node.attrs.level as HeadingLevel;
    const role = HEADING_ROLES[level] ?? ROLES.body;
    if (node === ctx.title.node) return [titleParagraph(node, ctx)];
    return [textblock(node, ctx, ctx.inCell ? { ...role, indentFirstLine: false } : role)];
  },
  blockquote: (node, ctx) => blocks(node, { ...ctx, indentTwips: ctx.indentTwips + 2 * CHAR_TWIPS }),
  bulletList: (node, ctx) => listItems(node, ctx, ctx.lists.bullet()),
  orderedList: (node, ctx) => listItems(node, ctx, ctx.lists.ordered(node.attrs.start, node.attrs.type)),
  listItem: (node, ctx) => {
    const out: Block[] = [];
    node.forEach((child, _offset, i) => {
      if (i === 0 && child.type.name === 'paragraph' && ctx.list) {
        out.push(textblock(child, ctx, ROLES.body, ctx.list));
      } else {
        out.push(...block(child, { ...ctx, list: null }));
      }
    });
    return out;
  },
  horizontalRule: (_node, ctx) => [
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      spacing: GRID_SPACING,
      indent: ctx.indentTwips ? { left: ctx.indentTwips } : undefined,
      run: runFormat(ROLES.body),
    }),
  ],
  table: (node, ctx) => {
    const map = TableMap.get(node);
    const widths = columnWidths(node, map);
    const rows: TableRow[] = [];
    node.forEach((row) => rows.push(NODES.tableRow(row, { ...ctx, indentTwips: 0, list: null, listLevel: 0 })));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
    const table = new Table({
      rows,
      width: { size: TYPE_AREA_WIDTH_TWIPS - ctx.indentTwips, type: WidthType.DXA },
      columnWidths: widths.map((w) => Math.round((w * (TYPE_AREA_WIDTH_TWIPS - ctx.indentTwips)) / TYPE_AREA_WIDTH_TWIPS)),
      indent: ctx.indentTwips ? { size: ctx.indentTwips, type: WidthType.DXA } : undefined,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    });
    return [table];
  },
  tableRow: (node, ctx) => {
    const cells: TableCell[] = [];
    node.forEach((cell) => cells.push(NODES[cell.type.name as 'tableCell' | 'tableHeader'](cell, ctx)));
    return new TableRow({ children: cells });
  },
  tableCell: (node, ctx) => tableCell(node, ctx, false),
  tableHeader: (node, ctx) => tableCell(node, ctx, true),
  text: (node, ctx) => textRuns(node.text ?? '', formatWithMarks(ctx.format, node.marks)),
  hardBreak: (node, ctx) => [new TextRun({ ...formatWithMarks(ctx.format, node.marks), break: 1 })],
};

function block(node: PMNode, ctx: Context): Block[] {
  return NODES[node.type.name as Exclude<NodeName, 'tableRow' | 'tableCell' | 'tableHeader' | 'text' | 'hardBreak'>](node, ctx);
}

function blocks(node: PMNode, ctx: Context): Block[] {
  const out: Block[] = [];
  node.forEach((child) => out.push(...block(child, ctx)));
  return out;
}

function listItems(list: PMNode, ctx: Context, reference: string): Block[] {
  const place: ListPlace = { reference, instance: ctx.lists.newInstance(), level: ctx.listLevel };
  const out: Block[] = [];
  const itemCtx: Context = {
    ...ctx,
    list: place,
    listLevel: ctx.listLevel + 1,
    indentTwips: ctx.indentTwips,
  };
  list.forEach((item) => out.push(...NODES.listItem(item, itemCtx)));
  return out;
}

function tableCell(node: PMNode, ctx: Context, header: boolean): TableCell {
  const cellCtx: Context = { ...ctx, inCell: { header, align: textAlignOf(node) }, indentTwips: 0, list: null, listLevel: 0 };
  const children = blocks(node, cellCtx);
  // Word needs a paragraph at the end of every cell.
  if (!(children[children.length - 1] instanceof Paragraph)) children.push(new Paragraph({ spacing: GRID_SPACING, run: runFormat(ROLES.cell) }));
  return new TableCell({
    children,
    columnSpan: node.attrs.colspan > 1 ? node.attrs.colspan : undefined,
    rowSpan: node.attrs.rowspan > 1 ? node.attrs.rowspan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
  });
}

/** Column widths in twips across the type area: the editor's widths where every column has one, else equal. */
function columnWidths(table: PMNode, map: TableMap): number[] {
  const px: (number | null)[] = Array.from({ length: map.width }, () => null);
  for (let row = 0; row < map.height; row += 1) {
    for (let col = 0; col < map.width; col += 1) {
      const pos = map.map[row * map.width + col];
      const cell = table.nodeAt(pos);
      const widths = cell?.attrs.colwidth as number[] | null | undefined;
      const rect = map.findCell(pos);
      const w = widths?.[col - rect.left];
      if (px[col] == null && typeof w === 'number' && w > 0) px[col] = w;
    }
  }
  const known = px.every((w): w is number => w != null);
  const weights = known ? (px as number[]) : px.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * TYPE_AREA_WIDTH_TWIPS));
}

/** The paragraph of a textblock in a role, with the reader's alignment and the comment marks inside it. */
function textblock(node: PMNode, ctx: Context, role: Role, numbering?: ListPlace): Paragraph {
  return new Paragraph(textblockOptions(node, ctx, role, inlineItems(node, ctx.index, ctx.boundaries), numbering));
}

function textblockOptions(node: PMNode, ctx: Context, role: Role, items: InlineItem[], numbering?: ListPlace): IParagraphOptions {
  const align = textAlignOf(node) ?? ctx.inCell?.align ?? role.alignment;
  const format = runFormat(role);
  const children = paragraphChildren(items, { ...ctx, format });
  // A centred or right-aligned line has no first-line indent; wrapped lines are flush left (GONGWEN.md).
  const firstLine = numbering !== undefined || (role.indentFirstLine && (align === 'justify' || align === 'left'));
  const listIndent = numbering ? numbering.level : Math.max(ctx.listLevel - 1, 0);
  return {
    style: role.styleId,
    alignment: ALIGNMENTS[align],
    spacing: GRID_SPACING,
    indent: {
      left: ctx.indentTwips + listIndent * 2 * CHAR_TWIPS,
      ...(firstLine ? { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 } : { firstLine: 0 }),
    },
    numbering: numbering ? { reference: numbering.reference, level: numbering.level, instance: numbering.instance, custom: true } : undefined,
    run: format,
    children,
  };
}

/** The title: 2号 小标宋, centred, a blank line under it; a long one broken into lines of even length. */
function titleParagraph(node: PMNode | null, ctx: Context): Paragraph {
  const own = node ? inlineItems(node, ctx.index, ctx.boundaries) : [];
  let items: InlineItem[] = ctx.title.useDocumentTitle
    ? [...own.filter((item) => item.kind !== 'node'), { kind: 'node', node: schema.text(ctx.documentTitle || '　') }]
    : own;
  const unanchored = ctx.unanchored.flatMap((comment): InlineItem[] => [
    { kind: 'commentStart', comment },
    { kind: 'commentEnd', comment },
  ]);
  items = [...unanchored, ...balanceTitle(items)];
  const options = textblockOptions(node ?? schema.node('heading', { level: 1 }), ctx, ROLES.title, items);
  return new Paragraph({ ...options, spacing: { ...GRID_SPACING, after: GRID.linePitchTwips } });
}

/**
 * A title wider than a line breaks into lines of about equal length, so that
 * it wraps into a symmetric shape (GONGWEN.md) rather than one full line and a
 * short tail. A title the writer broke by hand is left alone.
 */
export function balanceTitle(items: InlineItem[]): InlineItem[] {
  const nodes = items.flatMap((item) => (item.kind === 'node' ? [item.node] : []));
  if (nodes.some((node) => !node.isText)) return items;
  const text = nodes.map((node) => node.text ?? '').join('');
  const widths = [...text].map(charWidth);
  const total = widths.reduce((a, b) => a + b, 0);
  if (total <= TITLE_CHARS_PER_LINE) return items;
  const lines = Math.ceil(total / TITLE_CHARS_PER_LINE);
  // Break points as UTF-16 offsets, each where the running width first reaches k/lines of the total.
  const breaks: number[] = [];
  let width = 0;
  let offset = 0;
  for (const [i, char] of [...text].entries()) {
    width += widths[i];
    offset += char.length;
    const target = ((breaks.length + 1) * total) / lines;
    if (breaks.length < lines - 1 && width >= target - 0.25 && offset < text.length) breaks.push(offset);
  }
  const hardBreak = schema.nodes.hardBreak.create();
  const out: InlineItem[] = [];
  let position = 0;
  for (const item of items) {
    if (item.kind !== 'node') {
      out.push(item);
      continue;
    }
    const node = item.node;
    const end = position + node.nodeSize;
    let from = position;
    for (const at of breaks) {
      if (at <= from || at >= end) continue;
      out.push({ kind: 'node', node: node.cut(from - position, at - position) }, { kind: 'node', node: hardBreak });
      from = at;
    }
    out.push({ kind: 'node', node: from === position ? node : node.cut(from - position) });
    if (breaks.includes(end)) out.push({ kind: 'node', node: hardBreak });
    position = end;
  }
  return out;
}

/** Width in characters: full-width (CJK) one, Latin letters, digits and spaces half. */
function charWidth(char: string): number {
  return /[\u0000-\u024F\u2000-\u206F]/.test(char) && !/[\u2014\u2018-\u201F\u2026]/.test(char) ? 0.5 : 1;
}

/** Runs, hyperlinks and comment marks for the inline items of a paragraph. */
function paragraphChildren(items: InlineItem[], ctx: Context): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  let link: { href: string; mark: Mark; children: ParagraphChild[] } | null = null;
  let waiting: ParagraphChild[] = []; // comment marks met inside a link, placed once we know whether the link goes on
  const closeLink = (): void => {
    if (link) out.push(new ExternalHyperlink({ link: link.href, children: link.children }));
    link = null;
    out.push(...waiting);
    waiting = [];
  };
  for (const item of items) {
    if (item.kind === 'commentStart') {
      (link ? waiting : out).push(new CommentRangeStart(item.comment));
      continue;
    }
    if (item.kind === 'commentEnd') {
      const end = [new CommentRangeEnd(item.comment), new TextRun({ ...ctx.format, children: [new CommentReference(item.comment)] })];
      (link ? waiting : out).push(...end);
      continue;
    }
    const node = item.node;
    const linkMark = node.marks.find((mark) => mark.type.name === 'link');
    const href = linkMark ? safeHref(linkMark.attrs.href) : null;
    const runs = NODES[node.type.name as 'text' | 'hardBreak'](node, ctx);
    const current = link as { href: string; mark: Mark; children: ParagraphChild[] } | null;
    if (href && linkMark && current && current.mark.eq(linkMark)) {
      current.children.push(...waiting, ...runs);
      waiting = [];
    } else {
      closeLink();
      if (href && linkMark) link = { href, mark: linkMark, children: [...runs] };
      else out.push(...runs);
    }
  }
  closeLink();
  return out;
}

/** Word numbering: one definition per kind of list, one instance per list so that each counts from its start. */
class ListNumbering {
  private readonly definitions = new Map<string, ILevelsOptions[]>();
  private instances = 0;

  newInstance(): number {
    this.instances += 1;
    return this.instances;
  }

  bullet(): string {
    return this.define('bullet', (level) => ({
      level,
      format: LevelFormat.BULLET,
      text: ['•', '◦', '▪'][level % 3],
      suffix: LevelSuffix.SPACE,
      alignment: AlignmentType.LEFT,
      style: this.levelStyle(level),
    }));
  }

  ordered(start: unknown, type: unknown): string {
    const first = typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1;
    const formats: Record<string, (typeof LevelFormat)[keyof typeof LevelFormat]> = {
      a: LevelFormat.LOWER_LETTER,
      A: LevelFormat.UPPER_LETTER,
      i: LevelFormat.LOWER_ROMAN,
      I: LevelFormat.UPPER_ROMAN,
    };
    const format = (typeof type === 'string' && formats[type]) || LevelFormat.DECIMAL;
    // 1. at the first level, （1） under it (GONGWEN.md's levels three and four), then 1).
    const patterns = ['%.', '（%）', '%)'];
    return this.define(`ordered-${format}-${first}`, (level) => ({
      level,
      format,
      start: first,
      text: patterns[Math.min(level, patterns.length - 1)].replace('%', `%${level + 1}`),
      suffix: LevelSuffix.NOTHING,
      alignment: AlignmentType.LEFT,
      style: this.levelStyle(level),
    }));
  }

  get config(): { reference: string; levels: ILevelsOptions[] }[] {
    return [...this.definitions].map(([reference, levels]) => ({ reference, levels }));
  }

  private define(reference: string, level: (level: number) => ILevelsOptions): string {
    if (!this.definitions.has(reference)) this.definitions.set(reference, Array.from({ length: 9 }, (_, i) => level(i)));
    return reference;
  }

  private levelStyle(level: number): ILevelsOptions['style'] {
    return {
      run: runFormat(ROLES.body),
      paragraph: { indent: { left: level * 2 * CHAR_TWIPS, firstLine: 2 * CHAR_TWIPS } },
    };
  }
}

/** The page number, 4号 宋体 between em dashes, one character in from the outer edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const oneChar = SIZE_HALF_POINTS.hao4 * 10; // a 14 pt character in twips
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
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

/** 草稿 in red at the top right of every page of a version that is not approved. */
function draftHeader(): Header {
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
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
 * The issuer over the date, after one blank line: the date ends four
 * characters in from the right, the issuer is centred over it.
 */
function signatureBlock(signature: { issuer: string; date: string }): Paragraph[] {
  const issuer = cleanText(signature.issuer).trim();
  const date = cleanText(signature.date).trim();
  const width = (text: string): number => [...text].map(charWidth).reduce((a, b) => a + b, 0);
  const dateRight = 4 * CHAR_TWIPS;
  const issuerRight = Math.max(0, Math.round(dateRight + ((width(date) - width(issuer)) / 2) * CHAR_TWIPS));
  const format = runFormat(ROLES.body);
  const line = (text: string, right: number): Paragraph =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: GRID_SPACING,
      indent: { right, firstLine: 0 },
      run: format,
      children: textRuns(text, format),
    });
  return [new Paragraph({ spacing: GRID_SPACING, run: format }), ...(issuer ? [line(issuer, issuerRight)] : []), ...(date ? [line(date, dateRight)] : [])];
}

function commentOptions(comment: ExportComment, id: number): ICommentOptions {
  const format: RunFormat = { font: fontsFor(FONTS.song), size: 21, sizeComplexScript: 21, language: LANGUAGE };
  const spacing = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;
  const lines = (text: string): string[] => cleanText(text).split('\n');
  const paragraphs = lines(comment.body).map((line) => new Paragraph({ spacing, children: textRuns(line, format) }));
  for (const reply of comment.replies) {
    const [first = '', ...rest] = lines(reply.body);
    const heading = `${cleanText(reply.author)}（${formatDate(reply.date)}）：`;
    paragraphs.push(new Paragraph({ spacing, children: [...textRuns(heading, { ...format, bold: true }), ...textRuns(first, format)] }));
    for (const line of rest) paragraphs.push(new Paragraph({ spacing, children: textRuns(line, format) }));
  }
  const author = cleanText(comment.author).trim() || '—';
  return {
    id,
    author,
    initials: [...author][0],
    date: Number.isNaN(comment.date.getTime()) ? undefined : comment.date,
    children: paragraphs,
  };
}

export async function exportDocx(input: ExportInput): Promise<Buffer> {
  const doc = parseContent(input.content);
  const index = indexTexts(doc);
  const title = findTitle(doc);
  const comments = input.comments ?? [];
  const anchors = anchorComments(comments, index);
  const boundaries = input.comments ? new CommentBoundaries(anchors) : null;
  const ctx: Context = {
    index,
    boundaries,
    title,
    documentTitle: cleanText(input.title).trim(),
    lists: new ListNumbering(),
    indentTwips: 0,
    inCell: null,
    list: null,
    listLevel: 0,
    format: runFormat(ROLES.body),
    // With no text to hang them on, comments go at the start of the title.
    unanchored: input.comments && anchors.length === 0 ? comments.map((_, i) => i) : [],
  };
  const body: Block[] = [];
  if (!title.node) body.push(titleParagraph(null, ctx));
  body.push(...NODES.doc(doc, ctx));
  if (input.signature) body.push(...signatureBlock(input.signature));

  const document = new Document({
    title: ctx.documentTitle,
    creator: '议稿',
    lastModifiedBy: '议稿',
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(),
    numbering: { config: ctx.lists.config },
    comments: input.comments && comments.length ? { children: comments.map(commentOptions) } : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: {
              top: twipsFromMm(MARGIN_MM.top),
              bottom: twipsFromMm(MARGIN_MM.bottom),
              left: twipsFromMm(MARGIN_MM.left),
              right: twipsFromMm(MARGIN_MM.right),
              header: twipsFromMm(HEADER_DISTANCE_MM),
              footer: twipsFromMm(FOOTER_DISTANCE_MM),
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: GRID.linePitchTwips, charSpace: GRID.charSpace },
        },
        headers: input.draft ? { default: draftHeader(), even: draftHeader() } : undefined,
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** Document defaults at 3号 (the grid's character space is relative to them) and headings without theme fonts or colour. */
function documentStyles() {
  const heading = (id: string, name: string, role: Role, outlineLevel: number) => ({
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { ...runFormat(role), color: '000000', italics: false },
    paragraph: { outlineLevel, keepNext: true, spacing: GRID_SPACING },
  });
  return {
    default: {
      document: {
        run: runFormat(ROLES.body),
        paragraph: { spacing: GRID_SPACING },
      },
    },
    paragraphStyles: [
      // Word and LibreOffice size the grid's characters from Normal (LibreOffice ignores the document defaults).
      { id: 'Normal', name: 'Normal', quickFormat: true, run: runFormat(ROLES.body), paragraph: { spacing: GRID_SPACING } },
      heading('Title', 'Title', ROLES.title, 0),
      heading('Heading1', 'heading 1', HEADING_ROLES[2], 1),
      heading('Heading2', 'heading 2', HEADING_ROLES[3], 2),
      heading('Heading3', 'heading 3', HEADING_ROLES[4], 3),
    ],
  };
}
