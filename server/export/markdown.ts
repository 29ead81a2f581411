// The Markdown export (CommonMark with GFM tables and strikethrough), written
// by prosemirror-markdown's MarkdownSerializer with this schema's mappings:
// every node and mark type has one (NODES in markdownBlocks, MARKS in
// markdownInline). The serializer lays out the blocks (blank lines, quote and
// list prefixes, tight and loose lists) and opens and closes the marks around
// the inline nodes, keeping a mark open across the nodes that share it; the
// mappings say what each writes. Text is escaped wherever Markdown would read
// it as syntax (markdownText). This module prepares the body (clean, title,
// heading numbers) and puts the file together: draft note, body, signature and
// the comments section (markdownComments).
import { Fragment, type Mark, type Node as PMNode } from '@tiptap/pm/model';
import { withHeadingNumbers } from '../../shared/numberedDoc.js';
import { schema } from '../../shared/schema.js';
import { cleanText, exportSignature, findTitle, safeHref } from './content.js';
import { contentToWrite } from './guidance.js';
import { serializer } from './markdownBlocks.js';
import { commentsMarkdown } from './markdownComments.js';
import type { MarkName } from './schemaNames.js';
import type { ExportInput } from './types.js';

/** The marks written: a link only where safeHref keeps its target, normalised; no pending format change. */
function writableMarks(marks: readonly Mark[]): Mark[] {
  return marks.flatMap((mark) => {
    if (mark.type.name === ('suggestionFormat' satisfies MarkName)) return [];
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
