// The Markdown export (CommonMark with GFM tables and strikethrough). Every
// node and mark type of the schema has its mapping below; text is escaped
// wherever Markdown would read it as syntax.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import { headingNumberMap } from '../../shared/numberedDoc.js';
import { cleanText, exportSignature, findTitle, formatDate, safeHref, type TitleSource } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { contentToWrite } from './guidance.js';
import { inlineTree, type InlineTree } from './inline.js';
import type { MarkName, NodeName } from './schemaNames.js';
import type { ExportInput } from './types.js';

interface Context {
  title: TitleSource;
  documentTitle: string;
  /** Where a hard break cannot be a backslash and a newline (headings, table cells), it is <br>. */
  breaks: 'newline' | 'html';
  /** The automatic number of each numbered heading (numbering.ts). */
  numbers: Map<PMNode, string>;
}

type NodeMappings = Record<NodeName, (node: PMNode, ctx: Context) => string>;

/** How a mark wraps its (already written) content. */
interface Wrapping {
  /** The Markdown delimiter, when the mark has one. */
  delimiter?: string;
  /** The inline HTML element for when the delimiter would not be read as one. */
  tag?: string;
  link?: string;
}
type MarkMappings = Record<MarkName, (mark: Mark) => Wrapping | null>;

const MARKS: MarkMappings = {
  bold: () => ({ delimiter: '**', tag: 'strong' }),
  italic: () => ({ delimiter: '*', tag: 'em' }),
  strike: () => ({ delimiter: '~~', tag: 'del' }),
  underline: () => ({ tag: 'u' }), // Markdown has no underline
  link: (mark) => {
    const href = safeHref(mark.attrs.href);
    return href ? { link: href } : null;
  },
  // CommonMark has no highlight: `==…==` is an extension most renderers show as
  // two equals signs. Inline HTML <mark> is highlighted where HTML is rendered
  // (GitHub, VS Code, Typora) and says what it is where it is not; the 〔〕 stay.
  guidance: () => ({ tag: 'mark' }),
};

const NODES: NodeMappings = {
  doc: (node, ctx) => {
    const blocks = children(node, ctx);
    if (!ctx.title.node && ctx.documentTitle) blocks.unshift(`# ${escapeLine(escapeText(ctx.documentTitle))}`);
    return joinBlocks(blocks);
  },
  paragraph: (node, ctx) => inline(node, ctx),
  heading: (node, ctx) => {
    const hashes = '#'.repeat(node.attrs.level as number);
    const own = node === ctx.title.node && ctx.title.useDocumentTitle ? escapeText(ctx.documentTitle) : inline(node, { ...ctx, breaks: 'html' });
    const number = ctx.numbers.get(node);
    const text = number ? escapeText(number) + own : own;
    return text ? `${hashes} ${escapeLine(text)}` : hashes;
  },
  blockquote: (node, ctx) =>
    joinBlocks(children(node, ctx))
      .split('\n')
      .map((line) => (line ? `> ${line}` : '>'))
      .join('\n'),
  bulletList: (node, ctx) => list(node, ctx, () => '- '),
  orderedList: (node, ctx) => {
    const start = Number.isInteger(node.attrs.start) && node.attrs.start >= 0 ? (node.attrs.start as number) : 1;
    return list(node, ctx, (i) => `${start + i}. `);
  },
  listItem: (node, ctx) => {
    let out = '';
    node.forEach((child, _offset, i) => {
      const text = NODES[child.type.name as NodeName](child, ctx);
      if (i > 0) out += followsDirectly(child) ? '\n' : '\n\n';
      out += text;
    });
    return out;
  },
  // printed once, after the body (exportSignature)
  signature: () => '',
  horizontalRule: () => '---',
  table: (node, ctx) => {
    const map = TableMap.get(node);
    const cellCtx: Context = { ...ctx, breaks: 'html' };
    const rows: string[][] = [];
    for (let row = 0; row < map.height; row += 1) {
      const cells: string[] = [];
      for (let col = 0; col < map.width; col += 1) {
        const pos = map.map[row * map.width + col];
        const rect = map.findCell(pos);
        // A merged cell's text goes in its first grid position; GFM has no spans.
        const cell = node.nodeAt(pos);
        cells.push(rect.left === col && rect.top === row && cell ? NODES[cell.type.name as NodeName](cell, cellCtx) : '');
      }
      rows.push(cells);
    }
    if (rows.length === 0) return '';
    const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
    return [line(rows[0]), line(rows[0].map(() => '---')), ...rows.slice(1).map(line)].join('\n');
  },
  // Rows are written by table, which knows where merged cells put them in the grid.
  tableRow: (node, ctx) => {
    const cells: string[] = [];
    node.forEach((cell) => cells.push(NODES[cell.type.name as NodeName](cell, ctx)));
    return `| ${cells.join(' | ')} |`;
  },
  tableCell: (node, ctx) => cellText(node, ctx),
  tableHeader: (node, ctx) => cellText(node, ctx),
  text: (node, ctx) =>
    cleanText(node.text ?? '')
      .split('\n')
      .map(escapeText)
      .join(ctx.breaks === 'html' ? '<br>' : '\\\n'),
  hardBreak: (_node, ctx) => (ctx.breaks === 'html' ? '<br>' : '\\\n'),
};

function children(node: PMNode, ctx: Context): string[] {
  const out: string[] = [];
  node.forEach((child) => out.push(NODES[child.type.name as NodeName](child, ctx)));
  return out;
}

function joinBlocks(blocks: string[]): string {
  return blocks.filter((block) => block !== '').join('\n\n');
}

/**
 * A list inside an item follows the item's paragraph without a blank line,
 * so that the outer list stays tight; but CommonMark lets an ordered list
 * interrupt a paragraph only when it starts at 1.
 */
function followsDirectly(node: PMNode): boolean {
  return node.type.name === 'bulletList' || (node.type.name === 'orderedList' && (node.attrs.start ?? 1) === 1);
}

function list(node: PMNode, ctx: Context, marker: (i: number) => string): string {
  let tight = true;
  node.forEach((item) => {
    item.forEach((child, _offset, i) => {
      if (i > 0 && !followsDirectly(child)) tight = false;
    });
  });
  const items: string[] = [];
  node.forEach((item, _offset, i) => {
    const prefix = marker(i);
    const pad = ' '.repeat(prefix.length);
    const body = NODES.listItem(item, ctx) || ' ';
    items.push(
      body
        .split('\n')
        .map((line, j) => (j === 0 ? prefix + line : line ? pad + line : ''))
        .join('\n'),
    );
  });
  return items.join(tight ? '\n' : '\n\n');
}

/** A table cell on one line: its textblocks joined by <br>. */
function cellText(cell: PMNode, ctx: Context): string {
  const lines: string[] = [];
  cell.descendants((node) => {
    if (!node.isTextblock) return true;
    lines.push(inline(node, { ...ctx, breaks: 'html' }));
    return false;
  });
  return lines.filter((line) => line !== '').join('<br>');
}

/** The inline content of a textblock, with line-start syntax escaped on every line. */
function inline(node: PMNode, ctx: Context): string {
  const nodes: PMNode[] = [];
  node.forEach((child) => nodes.push(child));
  return writeTree(inlineTree(nodes), ctx)
    .replace(/(\\\n)+$/, '') // a break at the very end shows nothing, and a lone backslash would show
    .split('\n')
    .map(escapeLine)
    .join('\n');
}

/**
 * Writes marks around their content, left to right, knowing what comes just
 * before each (the output so far) and just after it: the next sibling's first
 * character when it is text, else a delimiter, tag or escape (punctuation); at
 * the end of a mark, the mark's closing (punctuation); at the end of the
 * block, nothing.
 */
function writeTree(tree: InlineTree, ctx: Context, nested = false): string {
  let out = '';
  tree.forEach((branch, i) => {
    if (branch.kind === 'leaf') {
      out += NODES[branch.node.type.name as NodeName](branch.node, ctx);
      return;
    }
    const next = tree[i + 1];
    const after = next?.kind === 'leaf' && next.node.isText ? [...NODES.text(next.node, ctx)][0] : next || nested ? PUNCTUATION : undefined;
    out += writeMark(branch.mark, writeTree(branch.children, ctx, true), [...out].pop(), after);
  });
  return out;
}

/**
 * A mark around its content. CommonMark reads `**` as emphasis only where
 * the delimiter is "flanking": punctuation just inside it needs space or
 * punctuation just outside. Chinese bold leads end in punctuation and run on
 * into text (**一是……。**围绕…), so a full-width punctuation mark at such an
 * edge goes just outside the delimiters, where it reads the same. Where that
 * cannot help, or a delimiter would touch another, the mark is inline HTML.
 */
function writeMark(mark: Mark, content: string, before: string | undefined, after: string | undefined): string {
  const wrapping = MARKS[mark.type.name as MarkName](mark);
  if (!wrapping || content === '') return content;
  if (wrapping.link) return `[${content}](${wrapping.link.replace(/[ ()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
  return emphasis(content, wrapping, before, after);
}

/** Stands for a delimiter, tag or escape that will follow: some punctuation. */
const PUNCTUATION = '.';
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined): boolean => char !== undefined && /[\p{P}\p{S}]/u.test(char);
const isMovable = (char: string): boolean => /\p{P}/u.test(char) && !/[\x00-\x7F]/.test(char);

function emphasis(content: string, { delimiter, tag }: Wrapping, before: string | undefined, after: string | undefined): string {
  const html = `<${tag}>${content}</${tag}>`;
  if (!delimiter) return html;
  const chars = [...content];
  let lead = '';
  let trail = '';
  if (isPunctuation(chars[0]) && !isSpace(before) && !isPunctuation(before)) {
    if (!isMovable(chars[0])) return html;
    lead = chars.shift() as string;
  }
  if (isPunctuation(chars[chars.length - 1]) && !isSpace(after) && !isPunctuation(after)) {
    if (!isMovable(chars[chars.length - 1])) return html;
    trail = chars.pop() as string;
  }
  const [first, last] = [chars[0], chars[chars.length - 1]];
  // Never empty or space inside the delimiters, and never a delimiter touching another.
  if (chars.length === 0 || isSpace(first) || isSpace(last) || /[*~]/.test(first + last) || (lead || before) === delimiter[0] || (trail || after) === delimiter[0]) {
    return html;
  }
  return `${lead}${delimiter}${chars.join('')}${delimiter}${trail}`;
}

/** Characters that are Markdown syntax anywhere in a line. */
function escapeText(text: string): string {
  return text
    .replace(/[\\`*_[\]<>~|]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/(\s)#/g, '$1\\#');
}

/** Characters that are Markdown syntax at the start of a line: headings, lists, quotes, indented code. */
function escapeLine(line: string): string {
  return line
    .replace(/^[ \t]+/, (space) => space.replace(/ /g, '&#32;').replace(/\t/g, '&#9;'))
    .replace(/^([#+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function exportMarkdown(input: ExportInput): string {
  const { doc, comments } = contentToWrite(input);
  const ctx: Context = { title: findTitle(doc), documentTitle: cleanText(input.title).trim(), breaks: 'newline', numbers: headingNumberMap(doc) };
  const parts: string[] = [];
  if (input.draft) parts.push('> 草稿');
  parts.push(NODES.doc(doc, ctx));
  const signature = exportSignature(doc, input.signature);
  if (signature) {
    const lines = [signature.issuer, signature.date].map((line) => escapeHtml(cleanText(line).trim())).filter(Boolean);
    if (lines.length) parts.push(`<p align="right">${lines.join('<br>\n')}</p>`);
  }
  if (comments && comments.length) {
    const index = indexTexts(doc);
    const anchors = anchorComments(comments, index);
    const section = ['---', '## 批注'];
    comments.forEach((comment, i) => {
      const anchor = anchors[i];
      const quote = anchor ? cleanText(passageText(index, anchor)) : '';
      section.push(`### ${i + 1}. ${escapeLine(escapeText(cleanText(comment.author).trim() || '—'))}（${formatDate(comment.date)}）`);
      if (quote) section.push(quote.split('\n').map((line) => `> ${escapeLine(escapeText(line))}`).join('\n'));
      const body = paragraphs(comment.body);
      if (body) section.push(body);
      if (comment.replies.length) {
        section.push(
          comment.replies
            .map((reply) => {
              const text = cleanText(reply.body).split('\n').map((line) => escapeText(line)).join('\\\n  ');
              const author = emphasis(escapeText(cleanText(reply.author).trim() || '—'), { delimiter: '**', tag: 'strong' }, undefined, '（');
              return `- ${author}（${formatDate(reply.date)}）：${text}`;
            })
            .join('\n'),
        );
      }
    });
    parts.push(section.join('\n\n'));
  }
  return `${joinBlocks(parts)}\n`;
}

/** Plain text as Markdown paragraphs, one per line of it. */
function paragraphs(text: string): string {
  return cleanText(text)
    .split('\n')
    .map((line) => escapeLine(escapeText(line)))
    .filter((line) => line.trim() !== '')
    .join('\n\n');
}
