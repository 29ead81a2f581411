// The HTML export: one standalone page holding only what a reader wrote —
// semantic elements, href on links, text-align where the writer set it, the
// numbering and cell spans of lists and tables — everything escaped. No
// script, style element or data attribute, and one class: unfilled 〔…〕
// placeholders are <mark class="guidance">, so that they are seen and a
// stylesheet or script can find them. Every node and mark type of the schema
// has its mapping below.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { headingNumberMap } from '../../shared/numberedDoc.js';
import { cleanText, exportSignature, findTitle, formatDate, safeHref, textAlignOf, type TitleSource } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { contentToWrite } from './guidance.js';
import { inlineTree, type InlineTree } from './inline.js';
import type { MarkName, NodeName } from './schemaNames.js';
import type { ExportInput } from './types.js';

interface Context {
  title: TitleSource;
  documentTitle: string;
  /** The automatic number of each numbered heading (numbering.ts). */
  numbers: Map<PMNode, string>;
}

type NodeMappings = Record<NodeName, (node: PMNode, ctx: Context) => string>;
type MarkMappings = Record<MarkName, (mark: Mark) => { open: string; close: string } | null>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escaped text; a newline inside a text node is a line break. */
const text = (value: string): string => cleanText(value).split('\n').map(escapeHtml).join('<br>');

const element = (tag: string, attributes: Record<string, string | number | null>, content: string): string => {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== null)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<${tag}${attrs}>${content}</${tag}>`;
};

/** The writer's alignment, and nothing when they set none. */
const align = (node: PMNode): Record<string, string | null> => {
  const value = textAlignOf(node);
  return { style: value ? `text-align: ${value}` : null };
};

const simple = (tag: string) => () => ({ open: `<${tag}>`, close: `</${tag}>` });

const MARKS: MarkMappings = {
  bold: simple('strong'),
  italic: simple('em'),
  strike: simple('s'),
  underline: simple('u'),
  link: (mark) => {
    const href = safeHref(mark.attrs.href);
    return href ? { open: `<a href="${escapeHtml(href)}">`, close: '</a>' } : null; // other protocols: plain text
  },
  guidance: () => ({ open: '<mark class="guidance">', close: '</mark>' }),
};

const ORDERED_TYPES = new Set(['1', 'a', 'A', 'i', 'I']);

const NODES: NodeMappings = {
  doc: (node, ctx) => {
    const blocks = children(node, ctx);
    if (!ctx.title.node && ctx.documentTitle) blocks.unshift(element('h1', {}, text(ctx.documentTitle)));
    return blocks.join('\n');
  },
  paragraph: (node, ctx) => element('p', align(node), inline(node, ctx)),
  heading: (node, ctx) => {
    const own = node === ctx.title.node && ctx.title.useDocumentTitle ? text(ctx.documentTitle) : inline(node, ctx);
    const number = ctx.numbers.get(node);
    return element(`h${node.attrs.level as number}`, align(node), number ? text(number) + own : own);
  },
  blockquote: (node, ctx) => element('blockquote', {}, `\n${children(node, ctx).join('\n')}\n`),
  bulletList: (node, ctx) => element('ul', {}, `\n${children(node, ctx).join('\n')}\n`),
  orderedList: (node, ctx) => {
    const start = Number.isInteger(node.attrs.start) && node.attrs.start !== 1 ? (node.attrs.start as number) : null;
    const type = typeof node.attrs.type === 'string' && ORDERED_TYPES.has(node.attrs.type) && node.attrs.type !== '1' ? node.attrs.type : null;
    return element('ol', { start, type }, `\n${children(node, ctx).join('\n')}\n`);
  },
  listItem: (node, ctx) => element('li', {}, children(node, ctx).join('\n')),
  // printed once, after the body (exportSignature)
  signature: () => '',
  horizontalRule: () => '<hr>',
  table: (node, ctx) => element('table', {}, `\n${element('tbody', {}, `\n${children(node, ctx).join('\n')}\n`)}\n`),
  tableRow: (node, ctx) => element('tr', {}, children(node, ctx).join('')),
  tableCell: (node, ctx) => cell('td', node, ctx),
  tableHeader: (node, ctx) => cell('th', node, ctx),
  text: (node) => text(node.text ?? ''),
  hardBreak: () => '<br>',
};

function children(node: PMNode, ctx: Context): string[] {
  const out: string[] = [];
  node.forEach((child) => out.push(NODES[child.type.name as NodeName](child, ctx)));
  return out;
}

function cell(tag: 'td' | 'th', node: PMNode, ctx: Context): string {
  const span = (value: unknown): number | null => (typeof value === 'number' && value > 1 ? value : null);
  return element(tag, { colspan: span(node.attrs.colspan), rowspan: span(node.attrs.rowspan), ...align(node) }, children(node, ctx).join(''));
}

function inline(node: PMNode, ctx: Context): string {
  const nodes: PMNode[] = [];
  node.forEach((child) => nodes.push(child));
  return writeTree(inlineTree(nodes), ctx);
}

function writeTree(tree: InlineTree, ctx: Context): string {
  return tree
    .map((branch) => {
      if (branch.kind === 'leaf') return NODES[branch.node.type.name as NodeName](branch.node, ctx);
      const content = writeTree(branch.children, ctx);
      const wrap = MARKS[branch.mark.type.name as MarkName](branch.mark);
      return wrap ? `${wrap.open}${content}${wrap.close}` : content;
    })
    .join('');
}

export function exportHtml(input: ExportInput): string {
  const { doc, comments } = contentToWrite(input);
  const documentTitle = cleanText(input.title).trim();
  const ctx: Context = { title: findTitle(doc), documentTitle, numbers: headingNumberMap(doc) };
  const body: string[] = [];
  if (input.draft) body.push('<p><strong>草稿</strong></p>');
  body.push(NODES.doc(doc, ctx));
  const signature = exportSignature(doc, input.signature);
  if (signature) {
    const lines = [signature.issuer, signature.date].map((line) => text(line.trim())).filter(Boolean);
    if (lines.length) body.push(element('p', { style: 'text-align: right' }, lines.join('<br>')));
  }
  if (comments && comments.length) body.push(commentsSection(comments, doc));
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    element('title', {}, text(documentTitle)),
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function commentsSection(comments: NonNullable<ExportInput['comments']>, doc: PMNode): string {
  const index = indexTexts(doc);
  const anchors = anchorComments(comments, index);
  const paragraphs = (value: string): string =>
    cleanText(value)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => element('p', {}, escapeHtml(line)))
      .join('');
  const items = comments.map((comment, i) => {
    const anchor = anchors[i];
    const quote = anchor ? passageText(index, anchor) : '';
    const parts = [
      element('p', {}, `${element('strong', {}, text(comment.author.trim() || '—'))}（${escapeHtml(formatDate(comment.date))}）`),
      quote ? element('blockquote', {}, element('p', {}, text(quote))) : '',
      paragraphs(comment.body),
    ];
    if (comment.replies.length) {
      const replies = comment.replies.map((reply) =>
        element('li', {}, `${element('strong', {}, text(reply.author.trim() || '—'))}（${escapeHtml(formatDate(reply.date))}）：${text(reply.body)}`),
      );
      parts.push(element('ul', {}, replies.join('')));
    }
    return element('li', {}, parts.join(''));
  });
  return element('section', {}, `\n<h2>批注</h2>\n${element('ol', {}, `\n${items.join('\n')}\n`)}\n`);
}
