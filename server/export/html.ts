// The HTML export: one standalone page that reads, and prints from a browser,
// as a GB/T 9704-2012 公文 (GONGWEN.md): A4 with the standard margins, the
// 22 × 28 grid, 3号 仿宋 body, 2号 小标宋 title, 黑体 and 楷体 section
// headings, "— N —" page numbers on the outer side, the signature block four
// characters in from the right. The body is htmlBody.ts, the serializer the
// content API's html comes from too. Its one <style> element is the static
// sheet below (no user content); everything the writer wrote is escaped, with
// no script, no data attribute, and no style or class of the writer's own:
// a style attribute is only ever a text-align the writer chose (or the
// signature's right alignment), a class only the guidance mark's.
import { cleanText, exportSignature, formatDate } from './content.js';
import { anchorComments, indexTexts, passageText } from './documentTexts.js';
import { GRID, HEADER_DISTANCE_MM, MARGIN_MM } from './gongwen.js';
import { contentToWrite } from './guidance.js';
import { escapeHtml, htmlBody, htmlElement as element, htmlText as text } from './htmlBody.js';
import type { ExportInput } from './types.js';

/** One line of the grid: 579 twips = 28.95 pt, 22 to the 225 mm type area. */
const PITCH = `${GRID.linePitchTwips / 20}pt`;
/**
 * 3号 (16 pt) characters 16 − 0.25 = 15.75 pt apart (gongwen.ts): 28 fill the
 * 156 mm (442.2 pt) line, 29 do not; the first line, indented 2 em, holds 26
 * (32 + 26 × 15.75 = 441.5 pt). In CSS pixels a character is exactly 21 px.
 */
const CHARACTER_SPACING = `${GRID.characterSpacingTwips / 20}pt`;

/** The page number's line (the middle of its em dashes) 7 mm under the type area (GB/T 9704 7.5). */
const PAGE_NUMBER_DROP_MM = 7;

// Latin letters and digits in Times New Roman (or its metric twin), and only
// they: Chinese quotation marks and dashes keep the Chinese font's full width.
const LATIN = '"公文西文"';
const FANGSONG = `${LATIN}, "仿宋_GB2312", "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const XIAOBIAOSONG = `${LATIN}, "方正小标宋简体", "方正小标宋_GBK", "小标宋", "宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const HEITI = `${LATIN}, "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
const KAITI = `${LATIN}, "楷体_GB2312", "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", "Source Han Serif SC", serif`;
const SONGTI = '"宋体", SimSun, "Noto Serif CJK SC", "Source Han Serif SC", serif';

const pageNumber = (side: 'left' | 'right') => `
  @bottom-${side} {
    content: "— " counter(page) " —";
    font-family: ${SONGTI};
    font-size: 14pt;
    line-height: 14pt;
    letter-spacing: 0;
    color: #000;
    vertical-align: top;
    text-align: ${side};
    padding-top: calc(${PAGE_NUMBER_DROP_MM}mm - 7pt);
    padding-${side}: 14pt;
  }`;

const PAGE_STYLE = `
@font-face {
  font-family: ${LATIN};
  src: local("Times New Roman"), local("TimesNewRomanPSMT"), local("Liberation Serif"), local("LiberationSerif");
  unicode-range: U+0020-007E;
}
@page {
  size: A4;
  margin: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
}
@page :right {${pageNumber('right')}
}
@page :left {${pageNumber('left')}
}
html {
  font-family: ${FANGSONG};
  font-size: 16pt;
  line-height: ${PITCH};
  letter-spacing: ${CHARACTER_SPACING};
  color: #000;
  background: #fff;
  /* every character one cell of the grid: no trimmed punctuation, no space between Chinese and Latin */
  text-spacing-trim: space-all;
  text-autospace: no-autospace;
  font-kerning: none;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
body { margin: 0; }
h1, h2, h3, h4, h5, p, ul, ol, li, blockquote, table, footer, section { margin: 0; padding: 0; }
p { text-indent: 2em; text-align: justify; orphans: 1; widows: 1; }
p[style*="center"], p[style*="right"] { text-indent: 0; }
h1 {
  font-family: ${XIAOBIAOSONG};
  font-size: 22pt;
  font-weight: normal;
  letter-spacing: 0;
  text-align: center;
  text-wrap: balance;
  margin-bottom: ${PITCH};
  break-after: avoid;
}
h2, h3, h4, h5 { font-size: 16pt; font-weight: normal; text-indent: 2em; text-align: justify; break-after: avoid; }
h2 { font-family: ${HEITI}; }
h3 { font-family: ${KAITI}; font-weight: bold; }
strong { font-weight: bold; }
ul, ol { padding-left: 2em; }
li > p { text-indent: 0; }
blockquote { margin-left: 2em; }
hr { border: 0; border-top: 1px solid #000; margin: calc(${PITCH} / 2) 0 calc(${PITCH} / 2 - 1px); }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #000; padding: 0 0.25em; vertical-align: top; }
td > p, th > p { text-indent: 0; text-align: left; }
th > p { text-align: center; }
a { color: inherit; text-decoration: none; }
mark.guidance { background: #ff0; color: inherit; }
/* 署名 and 成文日期 (GB/T 9704 7.3.5): a blank line under the body, the date
   ending four characters in from the right, the issuer centred over it */
body > footer {
  display: grid;
  justify-content: end;
  margin: ${PITCH} 4em 0 0;
  break-before: avoid;
  break-inside: avoid;
}
body > footer > p { text-indent: 0; white-space: nowrap; justify-self: center; }
body > footer > p:first-child:not(:last-child) { width: 0; display: flex; justify-content: center; }
/* the comments: plain, after the document, on a page of their own */
body > section {
  break-before: page;
  font-family: ${SONGTI};
  font-size: 12pt;
  line-height: 1.6;
  letter-spacing: 0;
}
body > section h2 { font-size: 16pt; line-height: ${PITCH}; text-indent: 0; margin-bottom: 0.5em; }
body > section p { text-indent: 0; text-align: left; }
body > section ol { padding-left: 2em; }
body > section ol > li { margin-bottom: 0.8em; }
body > section ul { list-style: none; padding-left: 1em; }
body > section blockquote { margin: 0.2em 0; padding-left: 0.6em; border-left: 2px solid #999; color: #444; }
body > header { text-align: right; text-indent: 0; font-family: ${SONGTI}; font-weight: bold; color: #f00; }
@media print {
  body > header { display: none; }
}
@media screen {
  /* a white A4 sheet on grey */
  html { background: #d4d4d4; }
  body {
    box-sizing: content-box;
    width: 156mm;
    min-height: 225mm;
    margin: 8mm auto;
    padding: ${MARGIN_MM.top}mm ${MARGIN_MM.right}mm ${MARGIN_MM.bottom}mm ${MARGIN_MM.left}mm;
    background: #fff;
    box-shadow: 0 1px 6px rgba(0, 0, 0, 0.3);
  }
  body > section { margin-top: ${PITCH}; padding-top: ${PITCH}; border-top: 1px solid #999; }
  a { text-decoration: underline; }
}
@media screen and (max-width: 840px) {
  body { width: auto; min-height: 0; margin: 0; padding: 6vw; }
}
`;

/** A draft carries 草稿 at the top right of every printed page, as the Word export's header does. */
const DRAFT_STYLE = `
@page {
  @top-right {
    content: "草稿";
    font-family: ${SONGTI};
    font-size: 16pt;
    font-weight: bold;
    letter-spacing: 0;
    color: #f00;
    vertical-align: top;
    padding-top: ${HEADER_DISTANCE_MM}mm;
  }
}
`;

export function exportHtml(input: ExportInput): string {
  const { doc, comments } = contentToWrite(input);
  const documentTitle = cleanText(input.title).trim();
  const body: string[] = [];
  if (input.draft) body.push('<header>草稿</header>');
  body.push(htmlBody(doc, { documentTitle, signature: exportSignature(doc, input.signature), authors: input.authors }));
  if (comments && comments.length) body.push(commentsSection(comments, doc));
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    element('title', {}, text(documentTitle)),
    `<style>${PAGE_STYLE}${input.draft ? DRAFT_STYLE : ''}</style>`,
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
