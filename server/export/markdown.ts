// The Markdown export (CommonMark with GFM tables and strikethrough). Every
// node and mark type of the schema has its mapping below; text is escaped
// wherever Markdown would read it as syntax.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { TableMap } from '@tiptap/pm/tables';
import { cleanText, findTitle, formatDate, parseContent, safeHref, type TitleSource } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { inlineTree, type InlineTree } from './inline.js';
import type { MarkName, NodeName } from './schemaNames.js';
import type { ExportInput } from './types.js';

interface Context {
  title: TitleSource;
  documentTitle: string;
  /** Where a hard break cannot be a backslash and a newline (headings, table cells), it is <br>. */
  breaks: 'newline' | 'html';
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
  guidance: () => null, // placeholders are exported as plain text
};

const NODES: NodeMappings = {
  doc: (node, ctx) => {
    const blocks = children(node, ctx);
    if (!ctx.title.node) blocks.unshift(`# ${escapeLine(escapeText(ctx.documentTitle))}`);
    return joinBlocks(blocks);
  },
  paragraph: (node, ctx) => inline(node, ctx),
  heading: (node, ctx) => {
    const hashes = '#'.repeat(node.attrs.level as number);
    const text = node === ctx.title.node && ctx.title.useDocumentTitle ? escapeText(ctx.documentTitle) : inline(node, { ...ctx, breaks: 'html' });
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
    // A list inside an item follows its paragraph without a blank line, so the list stays tight.
    let out = '';
    node.forEach((child, _offset, i) => {
      const text = NODES[child.type.name as NodeName](child, ctx);
      if (i > 0) out += isList(child) ? '\n' : '\n\n';
      out += text;
    });
    return out;
  },
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

function isList(node: PMNode): boolean {
  return node.type.name === 'bulletList' || node.type.name === 'orderedList';
}

function list(node: PMNode, ctx: Context, marker: (i: number) => string): string {
  let tight = true;
  node.forEach((item) => {
    item.forEach((child, _offset, i) => {
      if (i > 0 && !isList(child)) tight = false;
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

function writeTree(tree: InlineTree, ctx: Context): string {
  let out = '';
  for (const branch of tree) {
    const piece = branch.kind === 'leaf' ? NODES[branch.node.type.name as NodeName](branch.node, ctx) : writeMark(branch.mark, writeTree(branch.children, ctx), out);
    out += piece;
  }
  return out;
}

/**
 * A mark around its content. CommonMark reads `**` as emphasis only when the
 * characters just inside it are not punctuation or space (Chinese text often
 * starts or ends a bold lead with punctuation, as in 一是……。), and never
 * when it touches another delimiter; there the mark is written as inline HTML.
 */
function writeMark(mark: Mark, content: string, before: string): string {
  const wrapping = MARKS[mark.type.name as MarkName](mark);
  if (!wrapping || content === '') return content;
  if (wrapping.link) return `[${content}](${wrapping.link.replace(/[ ()<>\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`;
  return emphasis(content, wrapping, before);
}

function emphasis(content: string, { delimiter, tag }: Wrapping, before = ''): string {
  if (delimiter && delimitable(content) && !before.endsWith(delimiter[0])) return `${delimiter}${content}${delimiter}`;
  return `<${tag}>${content}</${tag}>`;
}

function delimitable(content: string): boolean {
  const chars = [...content];
  const plain = (char: string): boolean => !/[\s\p{P}\p{S}]/u.test(char);
  return plain(chars[0]) && plain(chars[chars.length - 1]);
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
  const doc = parseContent(input.content);
  const ctx: Context = { title: findTitle(doc), documentTitle: cleanText(input.title).trim(), breaks: 'newline' };
  const parts: string[] = [];
  if (input.draft) parts.push('> 草稿');
  parts.push(NODES.doc(doc, ctx));
  if (input.signature) {
    const lines = [input.signature.issuer, input.signature.date].map((line) => escapeHtml(cleanText(line).trim())).filter(Boolean);
    if (lines.length) parts.push(`<p align="right">${lines.join('<br>\n')}</p>`);
  }
  if (input.comments && input.comments.length) {
    const index = indexTexts(doc);
    const anchors = anchorComments(input.comments, index);
    const section = ['---', '## 批注'];
    input.comments.forEach((comment, i) => {
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
              const author = emphasis(escapeText(cleanText(reply.author).trim() || '—'), { delimiter: '**', tag: 'strong' });
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
