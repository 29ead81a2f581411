// The Markdown export (CommonMark with GFM tables and strikethrough), written
// by prosemirror-markdown's MarkdownSerializer with this schema's mappings:
// every node and mark type has one below (NODES, MARKS). The serializer lays
// out the blocks (blank lines, quote and list prefixes, tight and loose lists)
// and opens and closes the marks around the inline nodes, keeping a mark open
// across the nodes that share it; the mappings say what each writes. Text is
// escaped wherever Markdown would read it as syntax (escapeText).
import { Fragment, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import { MarkdownSerializer, type MarkdownSerializerState } from 'prosemirror-markdown';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { schema } from '../../shared/schema.js';
import { cleanText, exportSignature, findTitle, formatDate, safeHref } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { contentToWrite } from './guidance.js';
import type { MarkName, NodeName } from './schemaNames.js';
import type { ExportComment, ExportInput } from './types.js';

type State = MarkdownSerializerState;
type NodeMapping = (state: State, node: PMNode, parent: PMNode, index: number) => void;
type MarkMapping = ConstructorParameters<typeof MarkdownSerializer>[1][string];

// ---------------------------------------------------------------------------
// Inline content: what the mark and inline node mappings of one textblock know
// beside the serializer's state.

interface Line {
  /** A line break: a backslash and a newline, or <br> where the block must stay on one line (headings, table cells). */
  lineBreak: '\\\n' | '<br>';
  /** The last character written, undefined at the start of the block. */
  last: string | undefined;
  /** The marks open now, outermost first, as the serializer opened them. */
  open: OpenMark[];
}

interface OpenMark {
  mark: Mark;
  /** The textblock's children it covers: [start, end). */
  start: number;
  end: number;
  /** Full-width punctuation at its edges, written outside its delimiters (emphasis). */
  lead: string;
  trail: string;
  close: string;
}

const lines = new WeakMap<State, Line>();

function lineOf(state: State): Line {
  const line = lines.get(state);
  if (!line) throw new Error('Markdown export: inline content outside a textblock');
  return line;
}

/** Writes a textblock's inline content. */
function writeInline(state: State, block: PMNode, lineBreak: Line['lineBreak']): void {
  lines.set(state, { lineBreak, last: undefined, open: [] });
  state.renderInline(block);
}

/** Notes what was written last, and hands it on to the serializer. */
function wrote(line: Line, text: string): string {
  if (text) line.last = lastChar(text);
  return text;
}

const atLineStart = (line: Line): boolean => line.last === undefined || line.last === '\n';

/**
 * The marks of an inline node as the serializer writes them: a line break
 * keeps only the marks of the text after it (prosemirror-markdown's rule, so
 * that no delimiter closes at the start of a line).
 */
function marksOf(parent: PMNode, index: number): readonly Mark[] {
  const node = parent.child(index);
  if (node.type.name !== ('hardBreak' satisfies NodeName)) return node.marks;
  const next = parent.maybeChild(index + 1);
  return node.marks.filter((mark) => next && mark.isInSet(next.marks) && (!next.isText || /\S/.test(next.text!)));
}

/** Where the serializer closes a mark it opens at `start`: at the first node without it or without a mark outside it. */
function spanEnd(parent: PMNode, start: number, mark: Mark, outer: readonly Mark[]): number {
  let end = start + 1;
  while (end < parent.childCount) {
    const marks = marksOf(parent, end);
    if (!mark.isInSet(marks) || outer.some((m) => !m.isInSet(marks))) break;
    end += 1;
  }
  return end;
}

/** A mark's mapping: what it writes, decided when it opens, for the nodes it covers. */
function markMapping(
  decide: (line: Line, mark: Mark, parent: PMNode, start: number, end: number) => Omit<OpenMark, 'mark' | 'start' | 'end'> & { open: string },
): MarkMapping {
  return {
    open: (state, mark, parent, index) => {
      const line = lineOf(state);
      const end = spanEnd(
        parent,
        index,
        mark,
        line.open.map((open) => open.mark),
      );
      const { open, ...written } = decide(line, mark, parent, index, end);
      line.open.push({ mark, start: index, end, ...written });
      return wrote(line, open);
    },
    close: (state, mark, _parent, index) => {
      const line = lineOf(state);
      const open = line.open.pop();
      if (!open || !open.mark.eq(mark)) throw new Error('Markdown export: marks closed out of order');
      // The trail was left out of the text only if the mark covers the nodes it was decided for.
      return wrote(line, index === open.end ? open.close + open.trail : open.close);
    },
    // The serializer may reorder marks against one another to keep an open one open (a bold run across a link).
    mixable: true,
  };
}

/** A mark that is an inline HTML element everywhere. */
const element = (tag: string): MarkMapping => markMapping(() => ({ open: `<${tag}>`, close: `</${tag}>`, lead: '', trail: '' }));

const DELIMITERS: Partial<Record<MarkName, string>> = { bold: '**', italic: '*', strike: '~~' };

/** Stands for a delimiter, tag, bracket or escape that will be written: some punctuation. */
const PUNCTUATION = '.';
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined): boolean => char !== undefined && /[\p{P}\p{S}]/u.test(char);
const isMovable = (char: string): boolean => /\p{P}/u.test(char) && !/[\x00-\x7F]/.test(char);
const firstChar = (text: string): string => String.fromCodePoint(text.codePointAt(0)!);
const lastChar = (text: string): string => [...text.slice(-2)].pop()!;

/** The first character written after the nodes [.., end), where a mark open over them and `outer` closes. */
function charAfter(parent: PMNode, end: number, outer: readonly Mark[]): string | undefined {
  if (end === parent.childCount) return outer.length ? PUNCTUATION : undefined;
  const marks = marksOf(parent, end);
  // An outer mark closing or another opening: its delimiter, tag or bracket.
  if (outer.some((m) => !m.isInSet(marks)) || marks.some((m) => !m.isInSet(outer))) return PUNCTUATION;
  const next = parent.child(end);
  return next.isText ? firstChar(escapeText(next.text!)) : PUNCTUATION;
}

/**
 * Bold, italic and strikethrough. CommonMark reads `**` as emphasis only
 * where the delimiter is "flanking": punctuation just inside it needs space or
 * punctuation just outside. Chinese bold leads end in punctuation and run on
 * into text (**一是……。**围绕…), so a full-width punctuation mark at such an
 * edge goes just outside the delimiters, where it reads the same. Where that
 * cannot help, or a delimiter would touch another, the mark is inline HTML.
 */
function emphasis(name: keyof typeof DELIMITERS, tag: string): MarkMapping {
  const delimiter = DELIMITERS[name]!;
  return markMapping((line, mark, parent, start, end) => {
    const html = { open: `<${tag}>`, close: `</${tag}>`, lead: '', trail: '' };
    const outer = line.open.map((open) => open.mark);
    const startMarks = marksOf(parent, start);
    const innerAtStart = startMarks.slice(startMarks.findIndex((m) => m.eq(mark)) + 1).filter((m) => !m.isInSet(outer));
    const innerAtEnd = marksOf(parent, end - 1).filter((m) => !m.eq(mark) && !m.isInSet(outer));
    // A mark inside that starts or ends with this one is written first, and never as a delimiter touching this one's.
    if ([...innerAtStart, ...innerAtEnd].some((m) => m.type.name in DELIMITERS)) return html;
    const head = innerAtStart.length === 0 && parent.child(start).isText ? parent.child(start).text! : null;
    const tail = innerAtEnd.length === 0 && parent.child(end - 1).isText ? parent.child(end - 1).text! : null;
    const before = line.last;
    const after = charAfter(parent, end, outer);
    let first = head === null ? PUNCTUATION : firstChar(escapeText(head));
    let last = tail === null ? PUNCTUATION : lastChar(escapeText(tail));
    let lead = '';
    let trail = '';
    if (isPunctuation(first) && !isSpace(before) && !isPunctuation(before)) {
      if (head === null || !isMovable(firstChar(head))) return html;
      lead = firstChar(head);
    }
    if (isPunctuation(last) && !isSpace(after) && !isPunctuation(after)) {
      if (tail === null || !isMovable(lastChar(tail))) return html;
      trail = lastChar(tail);
    }
    if (lead || trail) {
      // What stays inside: the first and last text without what moved out.
      const one = start === end - 1;
      const inside = (text: string, from: string, to: string) => escapeText(text.slice(from.length, text.length - to.length));
      const firstInside = head === null ? null : inside(head, lead, one ? trail : '');
      const lastInside = tail === null ? null : inside(tail, one ? lead : '', trail);
      if (firstInside === '' || lastInside === '') return html;
      if (firstInside !== null) first = firstChar(firstInside);
      if (lastInside !== null) last = lastChar(lastInside);
    }
    // Never space inside the delimiters, and never a delimiter touching another.
    if (isSpace(first) || isSpace(last) || /[*~]/.test(first + last) || (lead || before) === delimiter[0] || (trail || after) === delimiter[0]) {
      return html;
    }
    return { open: lead + delimiter, close: delimiter, lead, trail };
  });
}

/** A link target inside (…): the characters that would end it or break a table row, percent-encoded. */
const destination = (href: string): string => href.replace(/[ ()<>\\|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const MARKS: Record<MarkName, MarkMapping> = {
  // Only links that safeHref keeps are left by prepare, their targets normalised. (The
  // serializer escapes a ! just before the [, which would make the link an image.)
  link: markMapping((_line, mark) => ({ open: '[', close: `](${destination(mark.attrs.href as string)})`, lead: '', trail: '' })),
  bold: emphasis('bold', 'strong'),
  italic: emphasis('italic', 'em'),
  strike: emphasis('strike', 'del'),
  underline: element('u'), // Markdown has no underline
  // CommonMark has no highlight: `==…==` is an extension most renderers show as
  // two equals signs. Inline HTML <mark> is highlighted where HTML is rendered
  // (GitHub, VS Code, Typora) and says what it is where it is not; the 〔〕 stay.
  guidance: element('mark'),
};

// ---------------------------------------------------------------------------
// Text.

const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Characters that are Markdown syntax anywhere in a line. Full-width
 * punctuation never is; `_` between two letters or digits cannot open or
 * close emphasis, so it stays as it is there (snake_case).
 */
export function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c: string, i: number) => (c === '_' && isWordChar(text[i - 1]) && isWordChar(text[i + 1]) ? c : `\\${c}`))
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/(\s)#/g, '$1\\#');
}

/** Characters that are Markdown syntax at the start of a line: headings, lists, quotes, setext underlines, indented code. */
function escapeLineStart(line: string): string {
  return line
    .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Whether anything is written after the inline node at `index`: line breaks at the very end show nothing, and a lone backslash would show. */
function writesAfter(parent: PMNode, index: number): boolean {
  for (let i = index + 1; i < parent.childCount; i += 1) if (parent.child(i).type.name !== ('hardBreak' satisfies NodeName)) return true;
  return false;
}

function writeText(state: State, node: PMNode, parent: PMNode, index: number): void {
  const line = lineOf(state);
  const innermost = line.open[line.open.length - 1];
  let text = node.text!;
  if (innermost?.lead && innermost.start === index) text = text.slice(innermost.lead.length);
  if (innermost?.trail && innermost.end === index + 1) text = text.slice(0, text.length - innermost.trail.length);
  if (!writesAfter(parent, index)) text = text.replace(/\n+$/, '');
  if (!text) return;
  const written = text
    .split('\n')
    .map((part, i) => {
      const escaped = escapeText(part);
      return (i === 0 ? atLineStart(line) : line.lineBreak === '\\\n') ? escapeLineStart(escaped) : escaped;
    })
    .join(line.lineBreak);
  state.text(wrote(line, written), false);
}

function writeHardBreak(state: State, _node: PMNode, parent: PMNode, index: number): void {
  if (!writesAfter(parent, index)) return;
  const line = lineOf(state);
  state.write(wrote(line, line.lineBreak));
}

// ---------------------------------------------------------------------------
// Blocks.

/**
 * A list inside an item follows the item's paragraph without a blank line,
 * so that the outer list stays tight; but CommonMark lets an ordered list
 * interrupt a paragraph only when it starts at 1.
 */
function followsDirectly(node: PMNode): boolean {
  return node.type.name === 'bulletList' || (node.type.name === 'orderedList' && (node.attrs.start ?? 1) === 1);
}

function writeList(state: State, list: PMNode, indent: string, marker: (index: number) => string): void {
  let tight = true;
  list.forEach((item) =>
    item.forEach((child, _offset, i) => {
      if (i > 0 && !followsDirectly(child)) tight = false;
    }),
  );
  // The serializer reads a list's tightness from its options when the list starts.
  state.options.tightLists = tight;
  state.renderList(list, indent, marker);
}

const tableLine = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;

/** A table cell on one line: each of its textblocks written by the cell serializer, joined by <br>. */
function cellMarkdown(cell: PMNode): string {
  const parts: string[] = [];
  cell.descendants((node) => {
    if (!node.isTextblock) return true;
    parts.push(cellSerializer.serialize(cell.type.create(null, node)));
    return false;
  });
  return parts.filter((part) => part !== '').join('<br>');
}

const NODES: Record<NodeName, NodeMapping> = {
  // serialize() writes the document's children; the title is a heading of the body by then (prepare).
  doc: (state, node) => state.renderContent(node),
  paragraph: (state, node) => {
    writeInline(state, node, '\\\n');
    state.closeBlock(node);
  },
  heading: (state, node) => {
    state.write('#'.repeat(node.attrs.level as number) + (node.childCount ? ' ' : ''));
    writeInline(state, node, '<br>');
    state.closeBlock(node);
  },
  blockquote: (state, node) => state.wrapBlock('> ', null, node, () => state.renderContent(node)),
  bulletList: (state, node) => writeList(state, node, '  ', () => '- '),
  orderedList: (state, node) => {
    const start = Number.isInteger(node.attrs.start) && node.attrs.start >= 0 ? (node.attrs.start as number) : 1;
    const width = String(start + node.childCount - 1).length;
    writeList(state, node, ' '.repeat(width + 2), (i) => `${String(start + i).padStart(width)}. `);
  },
  listItem: (state, node) => state.renderContent(node),
  // printed once, after the body (exportSignature)
  signature: () => {},
  horizontalRule: (state, node) => {
    state.write('---');
    state.closeBlock(node);
  },
  table: (state, node) => {
    const map = TableMap.get(node);
    for (let row = 0; row < map.height; row += 1) {
      const cells: string[] = [];
      for (let col = 0; col < map.width; col += 1) {
        const pos = map.map[row * map.width + col];
        const rect = map.findCell(pos);
        // A merged cell's text goes in its first grid position; GFM has no spans.
        cells.push(rect.left === col && rect.top === row ? cellMarkdown(node.nodeAt(pos)!) : '');
      }
      if (row > 0) state.ensureNewLine();
      state.write(tableLine(cells));
      if (row === 0) {
        state.ensureNewLine();
        state.write(tableLine(cells.map(() => '---')));
      }
    }
    state.closeBlock(node);
  },
  // Rows are written by table, which knows where merged cells put them in the grid.
  tableRow: (state, node) => {
    const cells: string[] = [];
    node.forEach((cell) => cells.push(cellMarkdown(cell)));
    state.write(tableLine(cells));
    state.closeBlock(node);
  },
  tableCell: (state, node) => state.write(cellMarkdown(node)),
  tableHeader: (state, node) => state.write(cellMarkdown(node)),
  text: writeText,
  hardBreak: writeHardBreak,
};

const OPTIONS = { hardBreakNodeName: 'hardBreak' satisfies NodeName };

const serializer = new MarkdownSerializer(NODES, MARKS, OPTIONS);

/** For table cells: a textblock is one line, its breaks <br>. */
const cellLine: NodeMapping = (state, node) => writeInline(state, node, '<br>');
const cellSerializer = new MarkdownSerializer({ ...NODES, paragraph: cellLine, heading: cellLine }, MARKS, OPTIONS);

// ---------------------------------------------------------------------------
// The export.

/** The marks written: a link only where safeHref keeps its target, normalised. */
function writableMarks(marks: readonly Mark[]): Mark[] {
  return marks.flatMap((mark) => {
    if (mark.type.name !== ('link' satisfies MarkName)) return [mark];
    const href = safeHref(mark.attrs.href);
    return href ? [mark.type.create({ ...mark.attrs, href })] : [];
  });
}

/** The content without what no file can hold (cleanText) and without unsafe links; text nodes that share marks joined. */
function clean(node: PMNode): PMNode {
  if (node.isLeaf) return node;
  const children: PMNode[] = [];
  node.forEach((child) => {
    if (child.isText) {
      const text = cleanText(child.text!);
      if (text) children.push(schema.text(text, writableMarks(child.marks)));
    } else {
      children.push(child.isInline ? child.mark(writableMarks(child.marks)) : clean(child));
    }
  });
  return node.copy(Fragment.fromArray(children));
}

/**
 * The body as the serializer is to write it: cleaned, with its title where
 * findTitle puts it (the document's title before the body when it has no
 * level-1 heading, or in place of an empty one), and each numbered heading's
 * number in front of its text.
 */
function prepare(doc: PMNode, documentTitle: string): PMNode {
  let body = clean(doc);
  const title = findTitle(body);
  const titleText = documentTitle ? Fragment.from(schema.text(documentTitle)) : Fragment.empty;
  if (!title.node && documentTitle) {
    body = body.copy(Fragment.from(schema.nodes.heading.create({ level: 1 }, titleText)).append(body.content));
  } else if (title.node && title.useDocumentTitle) {
    let index = 0;
    body.forEach((child, _offset, i) => {
      if (child === title.node) index = i;
    });
    body = body.copy(body.content.replaceChild(index, title.node.copy(titleText)));
  }
  return withHeadingNumbers(body);
}

/** Plain text as paragraphs, one per line of it that has any. */
function paragraphs(text: string): PMNode[] {
  return cleanText(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.nodes.paragraph.create(null, schema.text(line)));
}

/** The 批注 section: each comment with its author and date, the passage it is on, its text and its replies. */
function commentsMarkdown(doc: PMNode, comments: readonly ExportComment[]): string {
  const { nodes } = schema;
  const index = indexTexts(doc);
  const anchors = anchorComments(comments, index);
  const section = ['---', '## 批注'];
  comments.forEach((comment, i) => {
    section.push(`### ${i + 1}. ${escapeText(cleanText(comment.author).trim() || '—')}（${formatDate(comment.date)}）`);
    const anchor = anchors[i];
    const quote = anchor ? paragraphs(passageText(index, anchor)) : [];
    const blocks = [...(quote.length ? [nodes.blockquote.create(null, quote)] : []), ...paragraphs(comment.body)];
    if (comment.replies.length) {
      const replies = comment.replies.map((reply) => {
        const author = schema.text(cleanText(reply.author).trim() || '—', [schema.marks.bold.create()]);
        const text = schema.text(`（${formatDate(reply.date)}）：${cleanText(reply.body)}`);
        return nodes.listItem.create(null, nodes.paragraph.create(null, [author, text]));
      });
      blocks.push(nodes.bulletList.create(null, replies));
    }
    const written = serializer.serialize(nodes.doc.create(null, blocks));
    if (written) section.push(written);
  });
  return section.join('\n\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function exportMarkdown(input: ExportInput): string {
  const { doc, comments } = contentToWrite(input);
  const parts: string[] = [];
  if (input.draft) parts.push('> 草稿');
  parts.push(serializer.serialize(prepare(doc, cleanText(input.title).trim())));
  const signature = exportSignature(doc, input.signature);
  if (signature) {
    const lines = [signature.issuer, signature.date].map((line) => escapeHtml(cleanText(line).trim())).filter(Boolean);
    if (lines.length) parts.push(`<p align="right">${lines.join('<br>\n')}</p>`);
  }
  if (comments && comments.length) parts.push(commentsMarkdown(doc, comments));
  return `${parts.filter((part) => part !== '').join('\n\n')}\n`;
}
