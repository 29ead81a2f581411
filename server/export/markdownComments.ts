// The 批注 section of the Markdown export: the comments after the body, each
// with its author, date, the passage it is on, its text and its replies,
// written by the body's serializer.
import type { Node as PMNode } from '@tiptap/pm/model';
import { schema } from '../../shared/schema.js';
import { cleanText, formatDate } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { serializer } from './markdownBlocks.js';
import { escapeText } from './markdownText.js';
import type { ExportComment } from './types.js';

/** Plain text as paragraphs, one per line of it that has any. */
function paragraphs(text: string): PMNode[] {
  return cleanText(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => schema.nodes.paragraph.create(null, schema.text(line)));
}

/** The 批注 section: each comment with its author and date, the passage it is on, its text and its replies. */
export function commentsMarkdown(doc: PMNode, comments: readonly ExportComment[]): string {
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
