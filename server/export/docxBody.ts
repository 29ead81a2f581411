// The body of the Word export: one mapping per node type and per mark of the
// schema (typed over their names, so a type nobody maps fails to compile),
// with the comment ranges around their passages and the suggestions as
// Word's tracked changes (docxRevisions.ts).
import {
  BorderStyle,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import type { HeadingLevel } from '../../shared/schema.js';
import { headingNumberMap } from '../../shared/numberedDoc.js';
import { schema } from '../../shared/schema.js';
import { safeHref, textAlignOf, type TextAlign, type TitleSource } from './content.js';
import type { TextIndex } from './documentTexts.js';
import { ALIGNMENTS, GRID_SPACING, HEADING_ROLES, ROLES, runFormat, textRunOptions, type RunFormat, type Role } from './docxFormat.js';
import { Revisions } from './docxRevisions.js';
import { CHAR_TWIPS, GRID, TYPE_AREA_WIDTH_TWIPS } from './gongwen.js';
import { inlineItems, type CommentBoundaries, type InlineItem } from './inline.js';
import { LinkedRuns } from './docxLinkedRuns.js';
import { ListNumbering, type ListPlace } from './ListNumbering.js';
import type { MarkName, NodeName } from './schemaNames.js';
import { balanceTitle } from './titleLines.js';

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
  signature: Block[];
}
type NodeMappings = { [N in NodeName]: (node: PMNode, ctx: Context) => Outputs[N] };
type MarkMappings = Record<MarkName, (format: RunFormat, mark: Mark) => RunFormat>;
type BlockName = { [N in NodeName]: Outputs[N] extends Block[] ? N : never }[NodeName];

interface Context {
  index: TextIndex;
  /** null when comments are not exported. */
  boundaries: CommentBoundaries | null;
  title: TitleSource;
  documentTitle: string;
  lists: ListNumbering;
  /** Left indent from enclosing quotes. */
  indentTwips: number;
  /** Lists around the block (0 outside lists). */
  listDepth: number;
  /** The list whose items are being written. */
  list: ListPlace | null;
  cell: { header: boolean; align: TextAlign | null } | null;
  /** The format of the runs of the textblock being written. */
  format: RunFormat;
  /** Comments to hang on the title, when the document has no text to anchor them to. */
  unanchored: number[];
  /** The automatic number of each numbered heading (numbering.ts), written in the heading's own font. */
  numbers: Map<PMNode, string>;
  /** The body's last paragraphs, kept on one page with the signature after them (GB/T 9704 7.3.5). */
  keepWithNext: ReadonlySet<PMNode>;
  /** The suggestions' tracked changes (docxRevisions.ts). */
  revisions: Revisions;
}

const MARKS: MarkMappings = {
  bold: (format) => ({ ...format, bold: true }),
  italic: (format) => ({ ...format, italics: true }),
  strike: (format) => ({ ...format, strike: true }),
  underline: (format) => ({ ...format, underline: { type: 'single' } }),
  // The hyperlink element is made by LinkedRuns; the run looks like a link when it is one.
  link: (format, mark) => (safeHref(mark.attrs.href) ? { ...format, style: 'Hyperlink', color: '0563C1', underline: { type: 'single' } } : format),
  // An unfilled 〔…〕 placeholder is highlighted, so that a reader of the file sees it is not written text.
  guidance: (format) => ({ ...format, highlight: 'yellow' }),
  // Written as tracked changes around the runs (docxRevisions.ts), not as run formatting.
  suggestionInsert: (format) => format,
  suggestionDelete: (format) => format,
  suggestionFormat: (format) => format,
};

const NODES: NodeMappings = {
  doc: (node, ctx) => blocks(node, ctx),
  paragraph: (node, ctx) => [textblock(node, ctx, ctx.cell ? (ctx.cell.header ? ROLES.headerCell : ROLES.cell) : ROLES.body)],
  heading: (node, ctx) => {
    if (node === ctx.title.node) return [titleParagraph(node, ctx)];
    const role = HEADING_ROLES[node.attrs.level as HeadingLevel] ?? ROLES.body;
    const number = ctx.numbers.get(node);
    const items = inlineItems(node, ctx.index, ctx.boundaries);
    if (number) items.unshift({ kind: 'node', node: schema.text(number) });
    return [new Paragraph(textblockOptions(textAlignOf(node), ctx, ctx.cell ? { ...role, indentFirstLine: false } : role, items))];
  },
  blockquote: (node, ctx) => blocks(node, { ...ctx, indentTwips: ctx.indentTwips + 2 * CHAR_TWIPS }),
  bulletList: (node, ctx) => listItems(node, ctx, ctx.lists.bullet(ctx.listDepth)),
  orderedList: (node, ctx) => listItems(node, ctx, ctx.lists.ordered(ctx.listDepth, node.attrs.start, node.attrs.type)),
  listItem: (node, ctx) => {
    // The first paragraph carries the number; the item's other blocks line up under it.
    const out: Block[] = [];
    node.forEach((child, _offset, i) => {
      if (i === 0 && child.type.name === 'paragraph' && ctx.list) out.push(textblock(child, ctx, ROLES.body, ctx.list));
      else out.push(...block(child, { ...ctx, list: null }));
    });
    return out;
  },
  // printed once, after the body (exportSignature in docx.ts)
  signature: () => [],
  horizontalRule: (_node, ctx) => [
    new Paragraph({
      border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
      spacing: GRID_SPACING,
      indent: { left: leftIndent(ctx) },
      run: runFormat(ROLES.body),
    }),
  ],
  table: (node, ctx) => {
    const width = TYPE_AREA_WIDTH_TWIPS - ctx.indentTwips;
    const rows: TableRow[] = [];
    node.forEach((row) => rows.push(NODES.tableRow(row, ctx)));
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
    return [
      new Table({
        rows,
        width: { size: width, type: WidthType.DXA },
        columnWidths: columnWidths(node, width),
        indent: ctx.indentTwips ? { size: ctx.indentTwips, type: WidthType.DXA } : undefined,
        borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      }),
    ];
  },
  tableRow: (node, ctx) => {
    const cells: TableCell[] = [];
    node.forEach((cell) => cells.push(NODES[cell.type.name as 'tableCell' | 'tableHeader'](cell, ctx)));
    return new TableRow({ children: cells });
  },
  tableCell: (node, ctx) => tableCell(node, ctx, false),
  tableHeader: (node, ctx) => tableCell(node, ctx, true),
  text: (node, ctx) => ctx.revisions.write(node.marks, ctx.format, withMarks, (format) => textRunOptions(node.text ?? '', format)),
  hardBreak: (node, ctx) => ctx.revisions.write(node.marks, ctx.format, withMarks, (format) => [{ ...format, break: 1 }]),
};

export interface BodyOptions {
  doc: PMNode;
  index: TextIndex;
  boundaries: CommentBoundaries | null;
  title: TitleSource;
  documentTitle: string;
  unanchored: number[];
  /** See Context.keepWithNext. */
  keepWithNext?: ReadonlySet<PMNode>;
  /** The display names of the suggestions' authors (username → name). */
  authors?: Readonly<Record<string, string>>;
}

/** The body's paragraphs and tables, with the title first, and the numbering its lists use. */
export function writeBody(options: BodyOptions): { blocks: Block[]; numbering: ListNumbering['config'] } {
  const ctx: Context = {
    ...options,
    lists: new ListNumbering(),
    indentTwips: 0,
    listDepth: 0,
    list: null,
    cell: null,
    format: runFormat(ROLES.body),
    numbers: headingNumberMap(options.doc),
    keepWithNext: options.keepWithNext ?? new Set(),
    revisions: new Revisions(options.authors),
  };
  const out: Block[] = options.title.node ? [] : [titleParagraph(null, ctx)];
  out.push(...NODES.doc(options.doc, ctx));
  return { blocks: out, numbering: ctx.lists.config };
}

function block(node: PMNode, ctx: Context): Block[] {
  return NODES[node.type.name as BlockName](node, ctx);
}

function blocks(node: PMNode, ctx: Context): Block[] {
  const out: Block[] = [];
  node.forEach((child) => out.push(...block(child, ctx)));
  return out;
}

function withMarks(base: RunFormat, marks: readonly Mark[]): RunFormat {
  return marks.reduce((format, mark) => MARKS[mark.type.name as MarkName](format, mark), base);
}

function listItems(list: PMNode, ctx: Context, place: ListPlace): Block[] {
  const out: Block[] = [];
  list.forEach((item) => out.push(...NODES.listItem(item, { ...ctx, list: place, listDepth: ctx.listDepth + 1 })));
  return out;
}

/** Quotes indent two characters each; a block inside a list item lines up with the item's text. */
function leftIndent(ctx: Context): number {
  return ctx.indentTwips + Math.max(ctx.listDepth - 1, 0) * 2 * CHAR_TWIPS;
}

function tableCell(node: PMNode, ctx: Context, header: boolean): TableCell {
  const cellCtx: Context = { ...ctx, cell: { header, align: textAlignOf(node) }, indentTwips: 0, listDepth: 0, list: null };
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

/** Column widths in twips across `width`: in proportion to the editor's widths where every column has one, else equal. */
function columnWidths(table: PMNode, width: number): number[] {
  const map = TableMap.get(table);
  const px: (number | null)[] = Array.from({ length: map.width }, () => null);
  for (let col = 0; col < map.width; col += 1) {
    for (let row = 0; row < map.height && px[col] == null; row += 1) {
      const pos = map.map[row * map.width + col];
      const widths = table.nodeAt(pos)?.attrs.colwidth as (number | null)[] | null | undefined;
      const w = widths?.[col - map.findCell(pos).left];
      if (typeof w === 'number' && w > 0) px[col] = w;
    }
  }
  const weights = px.every((w) => w != null) ? (px as number[]) : px.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.floor((w / total) * width));
}

function textblock(node: PMNode, ctx: Context, role: Role, numbering?: ListPlace): Paragraph {
  const options = textblockOptions(textAlignOf(node), ctx, role, inlineItems(node, ctx.index, ctx.boundaries), numbering);
  return new Paragraph(ctx.keepWithNext.has(node) ? { ...options, keepNext: true, keepLines: true } : options);
}

/** A textblock's paragraph in a role, with the writer's alignment. */
function textblockOptions(textAlign: TextAlign | null, ctx: Context, role: Role, items: InlineItem[], numbering?: ListPlace): IParagraphOptions {
  const align = textAlign ?? ctx.cell?.align ?? role.alignment;
  const format = runFormat(role);
  // A centred or right-aligned line has no first-line indent; wrapped lines are flush left (GONGWEN.md).
  const firstLine = numbering !== undefined || (role.indentFirstLine && (align === 'justify' || align === 'left'));
  return {
    style: role.styleId,
    alignment: ALIGNMENTS[align],
    spacing: GRID_SPACING,
    indent: {
      left: ctx.indentTwips + (numbering ? numbering.level : Math.max(ctx.listDepth - 1, 0)) * 2 * CHAR_TWIPS,
      ...(firstLine ? { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 } : { firstLine: 0 }),
    },
    numbering: numbering && { reference: numbering.reference, level: numbering.level, instance: numbering.instance, custom: true },
    run: format,
    children: paragraphChildren(items, { ...ctx, format }),
  };
}

/** The title: 2号 小标宋, centred, a blank line under it; the document's title when the heading is empty or missing. */
function titleParagraph(node: PMNode | null, ctx: Context): Paragraph {
  const own = node ? inlineItems(node, ctx.index, ctx.boundaries) : [];
  const items: InlineItem[] = ctx.title.useDocumentTitle
    ? [...own.filter((item) => item.kind !== 'node'), { kind: 'node', node: schema.text(ctx.documentTitle || '　') }]
    : own;
  const unanchored = ctx.unanchored.flatMap((comment): InlineItem[] => [
    { kind: 'commentStart', comment },
    { kind: 'commentEnd', comment },
  ]);
  const options = textblockOptions(node && textAlignOf(node), ctx, ROLES.title, [...unanchored, ...balanceTitle(items)]);
  return new Paragraph({ ...options, spacing: { ...GRID_SPACING, after: GRID.linePitchTwips } });
}

/** Runs, hyperlinks and comment marks for a paragraph's inline items. */
function paragraphChildren(items: InlineItem[], ctx: Context): ParagraphChild[] {
  const out = new LinkedRuns();
  for (const item of items) {
    if (item.kind === 'commentStart') {
      out.addMarks([new CommentRangeStart(item.comment)]);
    } else if (item.kind === 'commentEnd') {
      out.addMarks([new CommentRangeEnd(item.comment), new TextRun({ ...ctx.format, children: [new CommentReference(item.comment)] })]);
    } else {
      const link = item.node.marks.find((mark) => mark.type.name === 'link') ?? null;
      out.addRuns(link && safeHref(link.attrs.href) ? link : null, NODES[item.node.type.name as 'text' | 'hardBreak'](item.node, ctx));
    }
  }
  return out.finish();
}
