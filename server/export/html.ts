// The HTML export: one standalone page holding only what a reader wrote —
// semantic elements, href on links, text-align where the writer set it, the
// numbering and cell spans of lists and tables — everything escaped. No
// script, style element or data attribute, and one class: unfilled 〔…〕
// placeholders are <mark class="guidance">, so that they are seen and a
// stylesheet or script can find them. The body is htmlBody.ts, the serializer
// the content API's html comes from too.
import { cleanText, exportSignature, formatDate } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { contentToWrite } from './guidance.js';
import { escapeHtml, htmlBody, htmlElement as element, htmlText as text } from './htmlBody.js';
import type { ExportInput } from './types.js';

export function exportHtml(input: ExportInput): string {
  const { doc, comments } = contentToWrite(input);
  const documentTitle = cleanText(input.title).trim();
  const body: string[] = [];
  if (input.draft) body.push('<p><strong>草稿</strong></p>');
  body.push(htmlBody(doc, { documentTitle, signature: exportSignature(doc, input.signature) }));
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

function commentsSection(comments: NonNullable<ExportInput['comments']>, doc: Parameters<typeof indexTexts>[0]): string {
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
