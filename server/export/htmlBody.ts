// The document body as HTML: the one serializer behind the content API's
// `html` (renderContent.ts) and the HTML export's page (html.ts), so that the
// two agree. It is @tiptap/static-renderer walking the document with the
// schema's own renderHTML, overridden where that is not what a reader (or a
// printed 公文) should get:
// - text: characters XML cannot hold dropped, escaped, a newline a <br>;
// - paragraph and heading: text-align only where the writer set one of the four
//   alignments, never the attribute's raw value; a numbered heading with its
//   automatic number (numbering.ts) in front; their marks nested, so that a
//   mark spanning several text nodes is one element (a placeholder written in
//   several runs is marked once);
// - link: only http, https and mailto (safeHref), no target, rel or class;
//   other links are their plain text;
// - guidance: <mark class="guidance">, the one class in the output;
// - suggestions (修订): a proposed insertion <ins>, a deletion <del>, each
//   with data-author (the username) and a title "author · time"; a proposed
//   format change is its text as it stands (not applied until accepted);
// - ordered list: start and type only when they are numbers and types HTML has;
// - table and cells: no colgroup, widths or data attributes, spans above 1 only;
// - hard break and rule: HTML's <br> and <hr>;
// - signature: nothing where it stands; the 署名 and 成文日期 follow the body,
//   once (exportSignature).
// Bold, italic, strike, underline, quotes, lists and rows are the extensions'
// own (<strong>, <em>, <s>, <u>, <blockquote>, <ul>, <li>, <tr>). The top-level
// blocks are one a line. No script, style element, class but the guidance one,
// or data attribute but the suggestions' data-author.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { renderToHTMLString } from '@tiptap/static-renderer/pm/html-string';
import { headingNumberMap } from '../../shared/numberedDoc.js';
import { schemaExtensions } from '../../shared/schema.js';
import { cleanText, findTitle, safeHref, textAlignOf } from './content.js';
import { MARK_NESTING, type MarkName, type NodeName } from './schemaNames.js';
import { suggestionTitle, suggestionUsername, type AuthorNames } from './suggestionMarks.js';

export interface HtmlBodyOptions {
  /**
   * The export's title rule (findTitle): the document's title is written as the
   * title heading where the content has none or an empty one. Without it, the
   * headings are written as they are.
   */
  documentTitle?: string;
  /** The 署名 and 成文日期 written once after the body (exportSignature), or none. */
  signature?: { issuer: string; date: string } | null;
  /** The display names of the suggestions' authors, for their titles. */
  authors?: AuthorNames;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Escaped text; a newline inside a text node is a line break. */
export const htmlText = (value: string): string => cleanText(value).split('\n').map(escapeHtml).join('<br>');

export const htmlElement = (tag: string, attributes: Record<string, string | number | null>, content: string): string => {
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

const ORDERED_TYPES = new Set(['a', 'A', 'i', 'I']);
const span = (value: unknown): number | null => (Number.isInteger(value) && (value as number) > 1 ? (value as number) : null);

/**
 * Where a textblock's marks are nested: consecutive inline nodes whose
 * outermost mark (in MARK_NESTING order) is the same are rendered as one
 * node carrying that mark, so that the renderer's mark mapping wraps them
 * once. Not a schema node: only the renderer's walk sees it.
 */
const MARKED_RUN = 'yigaoMarkedRun';
interface MarkedRun {
  type: typeof MARKED_RUN;
  marks: readonly Mark[];
  content: (PMNode | MarkedRun)[];
}

const nestingRank = (mark: Mark): number => MARK_NESTING.indexOf(mark.type.name as MarkName);

function markedRuns(items: readonly { node: PMNode; marks: readonly Mark[] }[]): (PMNode | MarkedRun)[] {
  const out: (PMNode | MarkedRun)[] = [];
  for (let i = 0; i < items.length;) {
    const outer = items[i].marks[0];
    if (!outer) {
      out.push(items[i].node.mark([]));
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < items.length && items[end].marks[0]?.eq(outer)) end += 1;
    const inner = items.slice(i, end).map(({ node, marks }) => ({ node, marks: marks.slice(1) }));
    out.push({ type: MARKED_RUN, marks: [outer], content: markedRuns(inner) });
    i = end;
  }
  return out;
}

type Mapping = NonNullable<NonNullable<Parameters<typeof renderToHTMLString>[0]['options']>['nodeMapping']>;
type Props = Parameters<Mapping[string]>[0];
const joined = (children: string | string[] | undefined): string => ([] as string[]).concat(children ?? []).join('');

/** The document's body as HTML (see the top of this file). */
export function htmlBody(doc: PMNode, options: HtmlBodyOptions = {}): string {
  const numbers = headingNumberMap(doc);
  const documentTitle = options.documentTitle === undefined ? null : cleanText(options.documentTitle).trim();
  const title = documentTitle === null ? null : findTitle(doc);

  const inline = ({ node, renderElement }: Props): string => {
    const items: { node: PMNode; marks: Mark[] }[] = [];
    node.forEach((child) => items.push({ node: child, marks: [...child.marks].sort((a, b) => nestingRank(a) - nestingRank(b)) }));
    // A marked run is not a ProseMirror node; the renderer only reads its type, marks and content.
    return markedRuns(items)
      .map((item) => renderElement({ content: item as PMNode, parent: node }))
      .join('');
  };

  const nodeMapping: Record<NodeName, ((props: Props) => string) | undefined> & Record<typeof MARKED_RUN, (props: Props) => string> = {
    doc: ({ node, renderElement }) => {
      const blocks: string[] = [];
      if (title && !title.node && documentTitle) blocks.push(htmlElement('h1', {}, htmlText(documentTitle)));
      node.forEach((child) => blocks.push(renderElement({ content: child, parent: node }) as string));
      return blocks.filter(Boolean).join('\n');
    },
    text: ({ node }) => htmlText(node.text ?? ''),
    paragraph: (props) => htmlElement('p', align(props.node), inline(props)),
    heading: (props) => {
      const { node } = props;
      const own = title && node === title.node && title.useDocumentTitle ? htmlText(documentTitle ?? '') : inline(props);
      const number = numbers.get(node);
      return htmlElement(`h${node.attrs.level as number}`, align(node), number ? htmlText(number) + own : own);
    },
    orderedList: ({ node, children }) => {
      const start = Number.isInteger(node.attrs.start) && node.attrs.start !== 1 ? (node.attrs.start as number) : null;
      const type = typeof node.attrs.type === 'string' && ORDERED_TYPES.has(node.attrs.type) ? node.attrs.type : null;
      return htmlElement('ol', { start, type }, joined(children));
    },
    table: ({ children }) => htmlElement('table', {}, htmlElement('tbody', {}, joined(children))),
    tableCell: ({ node, children }) => htmlElement('td', { colspan: span(node.attrs.colspan), rowspan: span(node.attrs.rowspan) }, joined(children)),
    tableHeader: ({ node, children }) => htmlElement('th', { colspan: span(node.attrs.colspan), rowspan: span(node.attrs.rowspan) }, joined(children)),
    hardBreak: () => '<br>',
    horizontalRule: () => '<hr>',
    // printed once, after the body
    signature: () => '',
    // the extensions' own renderHTML
    blockquote: undefined,
    bulletList: undefined,
    listItem: undefined,
    tableRow: undefined,
    [MARKED_RUN]: ({ children }) => joined(children),
  };

  const markMapping: Partial<Record<MarkName, (props: { mark: Mark; children?: string | string[] }) => string>> = {
    link: ({ mark, children }) => {
      const href = safeHref(mark.attrs.href);
      return href ? htmlElement('a', { href }, joined(children)) : joined(children); // other protocols: plain text
    },
    guidance: ({ children }) => htmlElement('mark', { class: 'guidance' }, joined(children)),
    suggestionInsert: ({ mark, children }) => htmlElement('ins', suggestionAttributes(mark, options.authors), joined(children)),
    suggestionDelete: ({ mark, children }) => htmlElement('del', suggestionAttributes(mark, options.authors), joined(children)),
    suggestionFormat: ({ children }) => joined(children),
    // bold, italic, strike, underline: the extensions' own
  };

  const body = renderToHTMLString({
    content: doc,
    extensions: schemaExtensions,
    options: {
      nodeMapping: Object.fromEntries(Object.entries(nodeMapping).filter(([, render]) => render !== undefined)) as Record<string, (props: Props) => string>,
      markMapping,
    },
  });
  const signature = options.signature ? signatureBlock(options.signature) : '';
  return signature ? `${body}\n${signature}` : body;
}

const suggestionAttributes = (mark: Mark, authors: AuthorNames | undefined): Record<string, string> => ({
  'data-author': suggestionUsername(mark),
  title: suggestionTitle(mark, authors),
});

/**
 * The issuer over the date, after the body (GB/T 9704 7.3.5): right-aligned
 * as it stands; the export's page style puts the date four characters in from
 * the right with the issuer centred over it, a blank line above.
 */
export function signatureBlock(signature: { issuer: string; date: string }): string {
  const lines = [signature.issuer, signature.date].map((line) => cleanText(line).trim()).filter(Boolean);
  return lines.length ? htmlElement('footer', { style: 'text-align: right' }, lines.map((line) => htmlElement('p', {}, htmlText(line))).join('')) : '';
}
